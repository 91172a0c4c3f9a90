"""What every console browser test shares: a headless Chromium, signing in, screenshots, and the
accessibility checks run on each page (labels, heading order, contrast from computed styles, tab order)."""
import json
import os
import re
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["RCM_CONSOLE_BASE"]
PASSWORD = os.environ["RCM_CONSOLE_PASSWORD"]
OUT = os.environ.get("RCM_BROWSER_OUT", "browser-out")


def browser(width=1280, height=800):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(width, height)
    # Lookups wait up to 10 s for an element to appear on the current page. This does not wait for a
    # navigation: a click that submits a form or follows a link goes through `navigate`.
    driver.implicitly_wait(10)
    return driver


def navigate(driver, element, timeout=30):
    """Clicks `element` (a link, or a form's button: POST, 303, GET) and waits for the next page: the old
    page's <html> gone stale, the new document loaded, and its h1 present. click() returns before the
    navigation; a lookup right after it can run on the old page (and fail with NoSuchElement when the old
    page is torn down between the lookup and its answer), which made about one run in three fail."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait = WebDriverWait(driver, timeout)
    wait.until(expected_conditions.staleness_of(old))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
    wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))


def sign_in(driver, login):
    """Signs `login` in. Until the sign-in page exists, through the JSON POST /sign-in, handing the session
    cookie to the browser; this is the one place to switch to the page."""
    request = urllib.request.Request(
        BASE + "/sign-in", data=json.dumps({"login": login, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as answer:
        token = json.load(answer)["token"]
    driver.get(BASE + "/app/signed-out")
    driver.add_cookie({"name": "rcm_session", "value": token, "path": "/", "httpOnly": True})
    return token


def screenshot(driver, name):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"{name}.png")
    driver.save_screenshot(path)
    return path


ACCESSIBILITY_SCRIPT = r"""
const problems = [];
const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
// Every control has a label: <label for>, a wrapping label, aria-label or aria-labelledby.
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden') continue;
  const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label')
    || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
  if (!labelled) problems.push('unlabelled control ' + (el.name || el.outerHTML.slice(0, 60)));
}
for (const el of document.querySelectorAll('button')) {
  if (!(el.textContent.trim() || el.getAttribute('aria-label'))) problems.push('button without a name');
}
// One h1, and headings never skip a level going down.
const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]));
if (headings.filter(l => l === 1).length !== 1) problems.push('expected exactly one h1, found ' + headings.filter(l => l === 1).length);
for (let i = 1; i < headings.length; i++) if (headings[i] > headings[i - 1] + 1) problems.push(`heading h${headings[i]} after h${headings[i - 1]}`);
// Contrast of every visible text against its effective background, WCAG AA.
const rgb = text => { const m = text.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
  if (c.length < 4 || c[3] > 0.5) return c; } return [255, 255, 255]; };
let checked = 0;
for (const el of document.body.querySelectorAll('*')) {
  if (!visible(el) || el.closest('svg')) continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const style = getComputedStyle(el);
  const a = lum(rgb(style.color)), b = lum(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
  checked++;
  if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)} for "${el.textContent.trim().slice(0, 30)}"`);
}
// No positive tabindex (the keyboard order is the document's order).
for (const el of document.querySelectorAll('[tabindex]')) if (Number(el.getAttribute('tabindex')) > 0) problems.push('positive tabindex');
return {problems, checked};
"""


def accessibility_problems(driver):
    """The page's accessibility problems (an empty list when it passes), then a keyboard check: Tab from
    the top reaches the skip link first and then moves forward through distinct controls."""
    result = driver.execute_script(ACCESSIBILITY_SCRIPT)
    problems = list(result["problems"])
    if result["checked"] == 0:
        problems.append("no text checked for contrast")
    body = driver.find_element(By.TAG_NAME, "body")
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body.send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    if first.get_attribute("class") != "skip":
        problems.append("the first Tab stop is not the skip link")
    seen = []
    for _ in range(6):
        element = driver.switch_to.active_element
        seen.append(element.id)
        element.send_keys(Keys.TAB)
    if len(set(seen)) < 5:
        problems.append("Tab does not move through the page's controls")
    return problems


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def money_cells_right_aligned(driver):
    cells = driver.find_elements(By.CSS_SELECTOR, "td.num")
    texts = [cell.text for cell in cells if cell.text.startswith("$") or cell.text.startswith("-$")]
    aligned = all(driver.execute_script("return getComputedStyle(arguments[0]).textAlign", cell) == "right" for cell in cells[:20])
    return texts, aligned and all(re.fullmatch(r"-?\$[\d,]+\.\d\d", text) for text in texts)
