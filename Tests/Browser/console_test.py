"""The console in a real headless Chromium against `rcm serve` over a copy of the demo's data
(Scripts/browser-test sets it up). Each test ends with a screenshot of its last page and checks the
accessibility of every page it visits."""
import datetime
import os
import subprocess
import time
import unittest
import urllib.error
import json
import urllib.request

from selenium.webdriver.common.by import By

from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

import console_fixtures
from console_browser import (BASE, OUT, accessibility_problems, browser, money_cells_right_aligned, navigate, screenshot,
                             sign_in, text_of)

ALL = os.environ["RCM_CONSOLE_ALL"]
ONE = os.environ["RCM_CONSOLE_ONE"]
FIRST = os.environ["RCM_CONSOLE_FIRST"]


class ConsoleTests(unittest.TestCase):
    def setUp(self):
        self.driver = browser()
        self.token = sign_in(self.driver, ALL)

    def tearDown(self):
        screenshot(self.driver, self.id().split(".")[-1])
        self.driver.quit()

    def go(self, element):
        """Follows a link or submits a form and waits for the next page (console_browser.navigate)."""
        navigate(self.driver, element)

    def open(self, path):
        self.driver.get(BASE + path)
        self.assertEqual([], accessibility_problems(self.driver), f"accessibility of {path}")

    def practices(self):
        self.open("/app")
        return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "#company tbody a")]

    def first_row(self, table, practices=None):
        """The first practice whose queue `table` has a linked row: (practice, the row)."""
        for practice in practices or self.practices():
            self.open(f"/app/p/{practice}")
            rows = self.driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")
            linked = [row for row in rows if row.find_elements(By.CSS_SELECTOR, "a")]
            if linked:
                return practice, linked[0]
        self.fail(f"no practice has a row in {table}")

    def test_company_view_and_home_queues(self):
        practices = self.practices()
        self.assertGreaterEqual(len(practices), 2, "the company view lists every practice of the person")
        texts, aligned = money_cells_right_aligned(self.driver)
        self.assertTrue(texts and aligned, "amounts are right-aligned with cents")
        options = [o.get_attribute("value") for o in self.driver.find_elements(By.CSS_SELECTOR, "#practice-switcher option")]
        self.assertEqual(sorted(practices), sorted(options))
        self.open(f"/app/p/{practices[0]}")
        counts = self.driver.find_elements(By.CSS_SELECTOR, ".counts li")
        self.assertEqual(7, len(counts), "six queues with counts and the alerts link")
        self.assertNotIn("patient", self.driver.title.lower())

    def test_tablet_width(self):
        self.driver.set_window_size(768, 1000)
        self.open(f"/app/p/{FIRST}")
        overflow = self.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, "no sideways scrolling of the page at 768 px (wide tables scroll in their box)")

    def test_work_a_denial_to_an_appeal(self):
        practice, row = self.first_row("denial-table")
        self.go(row.find_element(By.CSS_SELECTOR, "a"))
        self.assertEqual([], accessibility_problems(self.driver))
        self.assertIn("/claims/", self.driver.current_url)
        # A refusal keeps the input and shows the error beside the field.
        self.driver.find_element(By.ID, "appeal-reference").clear()
        self.go(self.driver.find_element(By.CSS_SELECTOR, "#h-appeal ~ button, form[action$='/appeal'] button"))
        self.assertIn("reference is required", text_of(self.driver, "#appeal-reference-error"))
        self.driver.find_element(By.ID, "appeal-reference").send_keys("PORTAL-APPEAL-7")
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/appeal'] button"))
        self.assertIn("Appeal recorded", text_of(self.driver, ".notice"))
        self.assertIn("appealed", text_of(self.driver, "#denials"))
        last = self.driver.find_elements(By.CSS_SELECTOR, "#history tbody tr")[-1].text
        self.assertIn("appeal", last.lower(), "the history ends with the appeal, with who and the balance")

    def claim_from_queue(self, practice, table, number):
        self.open(f"/app/p/{practice}")
        self.go(self.driver.find_element(By.CSS_SELECTOR, f"#{table}").find_element(By.LINK_TEXT, number))
        self.assertEqual([], accessibility_problems(self.driver))

    def wait_for_text(self, selector, text):
        """Waits for the next page: `selector` holding `text` (the old page's element goes stale meanwhile)."""
        WebDriverWait(self.driver, 30).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))

    def submit(self):
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button"))
        self.wait_for_text(".notice", "Submitted")
        self.assertIn("submitted", text_of(self.driver, "dl.facts"))

    def test_fix_a_scrubber_failure_and_submit(self):
        number = console_fixtures.failing_scrub(FIRST)
        self.claim_from_queue(FIRST, "scrub-table", number)
        self.assertRegex(text_of(self.driver, "#findings"), r"MH\d+ error", "the failing rule with its sentence")
        self.assertEqual([], self.driver.find_elements(By.CSS_SELECTOR, "form[action$='/submit']"), "no submit before a passing scrub")
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/scrub'] button"))
        self.wait_for_text(".notice", "Scrubbed")
        self.assertEqual("Last scrub passed", text_of(self.driver, "#findings caption"))
        self.submit()

    def test_apply_unapplied_remittance(self):
        # A ready claim submitted through the console; its payer pays it under a mangled claim number.
        number = console_fixtures.ready_drafts(FIRST)[0]["claim"]
        self.open(f"/app/p/{FIRST}")
        self.driver.find_element(By.ID, "find-claim").send_keys(number)
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/claims'] button"))
        self.assertIn(f"Claim {number}", self.driver.find_element(By.TAG_NAME, "h1").text)
        self.submit()
        paid = console_fixtures.mangled_remittance(os.path.join(OUT, "837"), os.path.join(OUT, "payer"))
        self.open(f"/app/p/{FIRST}")
        self.go(self.driver.find_element(By.CSS_SELECTOR, "#unapplied-table a"))
        self.assertEqual([], accessibility_problems(self.driver))
        self.assertIn("reconciles", text_of(self.driver, "#identity"))
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/apply']")
        form.find_element(By.CSS_SELECTOR, "input[name=claim]").send_keys("NOT-A-CLAIM")
        self.go(form.find_element(By.CSS_SELECTOR, "button"))
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] .error").text)
        field = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] input[name=claim]")
        self.assertEqual("NOT-A-CLAIM", field.get_attribute("value"), "the form keeps its input on an error")
        field.clear()
        field.send_keys(paid)
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button"))
        self.assertIn("applied", text_of(self.driver, ".notice"))
        self.assertIn("applied", text_of(self.driver, "#unapplied"))

    def test_aging_as_of_a_past_date(self):
        past = (datetime.date.today() - datetime.timedelta(days=60)).isoformat()
        self.open(f"/app/p/{FIRST}/reports/aging?as_of={past}")
        self.assertEqual(past, self.driver.find_element(By.ID, "as-of").get_attribute("value"))
        bars = self.driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")
        self.assertGreater(len(bars), 5, "the stacked bars and their legend")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#report tbody tr")
        self.assertGreater(len(rows), 0)
        csv = self.driver.find_element(By.LINK_TEXT, "Download this table as CSV").get_attribute("href")
        request = urllib.request.Request(csv, headers={"Cookie": f"rcm_session={self.token}"})
        with urllib.request.urlopen(request) as answer:
            self.assertTrue(answer.read().decode().startswith("tenant,side,payer,provider,0-30"))

    def test_the_other_pages_pass_the_accessibility_checks(self):
        for path in ("reports/ar", "reports/denials", "deposits", "alerts", "audit"):
            self.open(f"/app/p/{FIRST}/{path}")
            self.assertEqual(1, len(self.driver.find_elements(By.TAG_NAME, "h1")), path)
        self.open(f"/app/p/{FIRST}/reports/kpis")
        self.assertGreater(len(self.driver.find_elements(By.CSS_SELECTOR, "svg.chart polyline")), 0, "the KPI line charts")

    def test_verify_a_chain(self):
        self.open(f"/app/p/{FIRST}/audit")
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/audit/verify'] button"))
        self.assertEqual([], accessibility_problems(self.driver))
        self.assertIn("Chain intact", text_of(self.driver, "#chain-result"))

    def test_sign_out_ends_the_session_on_the_server(self):
        self.open(f"/app/p/{FIRST}")
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form.signout button"))
        WebDriverWait(self.driver, 10).until(expected_conditions.url_contains("/app/signed-out"))
        self.assertIn("Signed out", self.driver.find_element(By.TAG_NAME, "h1").text)
        # The old cookie: the console sends it to the page saying the session ended; the API answers 401.
        request = urllib.request.Request(BASE + "/app", headers={"Cookie": f"rcm_session={self.token}"})
        with urllib.request.urlopen(request) as answer:
            self.assertTrue(answer.geturl().endswith("/app/signed-out?ended=session"), answer.geturl())
        request = urllib.request.Request(BASE + "/practices", headers={"Authorization": f"Bearer {self.token}"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        self.assertEqual(401, refused.exception.code)

    def sessions_waiting(self):
        """The home page's count of sessions not on a claim."""
        counts = self.driver.find_elements(By.CSS_SELECTOR, ".counts li")
        found = [c.text for c in counts if "Sessions not on a claim" in c.text]
        self.assertEqual(1, len(found), "the sessions queue has its count on the home page")
        return int(found[0].split()[0])

    def test_create_a_claim_for_a_session_not_on_one(self):
        logged, provider = console_fixtures.unclaimed_session(FIRST)
        self.open(f"/app/p/{FIRST}?s_sort=date")
        waiting = self.sessions_waiting()
        self.assertGreaterEqual(waiting, 1)
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#sessions-table tbody tr")
        self.assertEqual(min(waiting, 50), len(rows), "the queue's rows, at most 50")
        days = [int(row.find_elements(By.CSS_SELECTOR, "td")[4].text) for row in rows]
        self.assertEqual(sorted(days, reverse=True), days, "oldest date of service first")
        # Filtered by the logged session's provider: only theirs, the one just logged among them.
        self.open(f"/app/p/{FIRST}?s_provider={provider}&s_sort=provider")
        mine = self.driver.find_elements(By.CSS_SELECTOR, "#sessions-table tbody tr")
        self.assertEqual({provider}, {row.find_elements(By.CSS_SELECTOR, "td")[1].text for row in mine})
        links = self.driver.find_elements(By.LINK_TEXT, logged)
        if len(mine) < 50:
            self.assertEqual(1, len(links), "the session just logged is in its provider's queue")
        if links:
            self.go(links[0])
            self.assertEqual([], accessibility_problems(self.driver))
        else:
            self.open(f"/app/p/{FIRST}/sessions/{logged}")
        self.assertIn("/sessions/", self.driver.current_url)
        self.assertIn("not yet", text_of(self.driver, "dl.facts"))
        # Without the confirmation box: refused beside it, the page kept.
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/claim'] button"))
        self.assertIn("tick the box", text_of(self.driver, "#claim-confirm-error"))
        self.driver.find_element(By.ID, "claim-confirm").click()
        self.go(self.driver.find_element(By.CSS_SELECTOR, "form[action$='/claim'] button"))
        self.assertIn("Claim created from the session", text_of(self.driver, ".notice"))
        self.assertIn("draft", text_of(self.driver, "dl.facts"))
        self.open(f"/app/p/{FIRST}")
        self.assertEqual(waiting - 1, self.sessions_waiting(), "the session left the queue")

    def test_correct_a_claim_from_its_page(self):
        practice, row = self.first_row("denial-table")
        links = [r for r in self.driver.find_elements(By.CSS_SELECTOR, "#denial-table tbody tr a")]
        self.go(links[-1])
        self.assertEqual([], accessibility_problems(self.driver))
        form = "form[action$='/correct']"
        line = self.driver.find_elements(By.CSS_SELECTOR, "#correct-line option")[0].get_attribute("value")
        # A bad value: the sentence beside the field, the input kept.
        self.driver.find_element(By.ID, "correct-units").send_keys("lots")
        self.driver.find_element(By.ID, "correct-reason").send_keys("fee schedule corrected")
        self.go(self.driver.find_element(By.CSS_SELECTOR, f"{form} button"))
        self.assertIn("units must be a number", text_of(self.driver, "#correct-units-error"))
        self.assertEqual("lots", self.driver.find_element(By.ID, "correct-units").get_attribute("value"))
        self.assertEqual("fee schedule corrected", self.driver.find_element(By.ID, "correct-reason").get_attribute("value"))
        units = self.driver.find_element(By.ID, "correct-units")
        units.clear()
        self.driver.find_element(By.ID, "correct-charge").send_keys("161.25")
        self.driver.find_element(By.ID, "correct-confirm").click()
        self.go(self.driver.find_element(By.CSS_SELECTOR, f"{form} button"))
        self.assertIn("Corrected", text_of(self.driver, ".notice"))
        self.assertIn("$161.25", text_of(self.driver, "main table"), f"line {line} charges the corrected amount")
        last = self.driver.find_elements(By.CSS_SELECTOR, "#history tbody tr")[-1].text
        self.assertIn("correct", last.lower(), "the history ends with the correction")

    def test_an_idle_session_ends(self):
        self.open(f"/app/p/{FIRST}")
        try:
            console_fixtures.set_idle_seconds(3)
            time.sleep(4.5)
            self.driver.get(BASE + f"/app/p/{FIRST}")
            self.assertIn("/app/signed-out?ended=session", self.driver.current_url)
            self.assertIn("Your session ended", text_of(self.driver, "#signed-out-reason"))
        finally:
            console_fixtures.set_idle_seconds(1800)
        request = urllib.request.Request(BASE + "/practices", headers={"Authorization": f"Bearer {self.token}"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        self.assertEqual(401, refused.exception.code, "the session stays ended when the idle period grows again")

    def test_a_page_never_shows_another_practice(self):
        others = [p for p in self.practices() if p != FIRST]
        # A claim of another practice, read as the person who works for every practice.
        # (From the API's claim list: the practice's work queues may hold no claim today.)
        request = urllib.request.Request(BASE + f"/practices/{others[0]}/claims?limit=1", headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(request) as answer:
            claim = json.load(answer)["claims"][0]["claimID"]
        self.open(f"/app/p/{others[0]}/claims/{claim}")
        self.assertNotEqual("Not found", self.driver.find_element(By.TAG_NAME, "h1").text, "the claim shows to a person of its practice")
        self.driver.delete_all_cookies()
        sign_in(self.driver, ONE)
        for path in (f"/app/p/{others[0]}/claims/{claim}", f"/app/p/{FIRST}/claims/{claim}", f"/app/p/{others[0]}"):
            self.driver.get(BASE + path)
            self.assertEqual("Not found", self.driver.find_element(By.TAG_NAME, "h1").text, path)
        self.driver.get(BASE + "/app")
        self.assertIn(f"/app/p/{FIRST}", self.driver.current_url, "a person of one practice lands on it")


if __name__ == "__main__":
    unittest.main()
