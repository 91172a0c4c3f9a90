"""The console's sign-in in Chromium with a second factor (issue 24 item 1): TOTP enrolment from the page (the
codes computed here from the shown secret, RFC 6238 with hmac), sign-in with TOTP and with a recovery code
(once), a passkey registered and used through DevTools' virtual authenticator, a replayed passkey answer
refused and recorded, a person without a factor sent to enrolment where the policy requires one, and a
revoked person signed out in the middle of a session. WebAuthn needs a secure context and an RP id that is a
host name: the pages are opened on http://localhost (the server's default RP id), not 127.0.0.1."""
import base64
import hashlib
import hmac
import os
import random
import struct
import subprocess
import time
import unittest

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.virtual_authenticator import VirtualAuthenticatorOptions
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from console_browser import BASE, PASSWORD, accessibility_problems, browser, screenshot, text_of
from console_fixtures import BINARY, OWNER_URL, rcm

LOCAL = BASE.replace("127.0.0.1", "localhost")
FIRST = os.environ["RCM_CONSOLE_FIRST"]


def totp(secret, step):
    """RFC 6238's code of a base32 secret at a 30-second step (HMAC-SHA1, dynamic truncation, six digits)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def person():
    """A new staff member of the first practice with a server password."""
    login = f"signin_{random.randrange(10**9)}"
    rcm("staff", "add", login, "--group", "staff")
    rcm("staff", "assign", login, "--tenant", FIRST)
    subprocess.run([BINARY, "staff", "password", login], env={**os.environ, "RCM_DATABASE_URL": OWNER_URL, "RCM_NEW_PASSWORD": PASSWORD},
                   check=True, capture_output=True)
    return login


def failures(login, factor):
    """How many refused second factors of `factor` the company's log holds for `login`."""
    query = ("SELECT count(*) FROM rcm.events WHERE event_type = 'identity.second_factor_failed' "
             f"AND payload->>'login' = '{login}' AND payload->>'factor' = '{factor}'")
    return int(subprocess.run(["psql", OWNER_URL, "-tAc", query], check=True, capture_output=True, text=True).stdout.strip())


class SignInTests(unittest.TestCase):
    def setUp(self):
        self.driver = browser()
        self.last_step = 0

    def tearDown(self):
        screenshot(self.driver, self.id().split(".")[-1])
        self.driver.quit()
        rcm("staff", "mfa", "policy", "--require", "nobody")   # the console's other tests sign in with a password alone

    def require_factor(self):
        rcm("staff", "mfa", "policy", "--require", "phi_readers")

    def wait_path(self, path):
        WebDriverWait(self.driver, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda d: d.current_url.split("?")[0].endswith(path))

    def accessible(self, what):
        self.assertEqual([], accessibility_problems(self.driver), f"accessibility of {what}")

    def password(self, login):
        self.driver.get(LOCAL + "/app/sign-in")
        self.accessible("the sign-in page")
        self.driver.find_element(By.ID, "login").send_keys(login)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    def code(self, secret):
        """A code of a step not used yet and inside the server's window (now ±1): the step now, or the next one when
        now's was used. Never the step before now, which leaves the window at the next step's start, seconds away
        (a refusal seen when the page took a few seconds under load)."""
        while True:
            now = int(time.time() // 30)
            step = max(now, self.last_step + 1)
            if step <= now + 1:
                self.last_step = step
                return totp(secret, step)
            time.sleep(2)

    def submit(self, field, value):
        element = self.driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
        element.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    def sign_out(self):
        self.driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
        self.wait_path("/app/signed-out")

    def enrol(self, login):
        """Password, then the enrolment the policy asks for; returns the secret and the recovery codes."""
        self.password(login)
        self.wait_path("/app/sign-in/enrol")
        self.accessible("the enrolment page")
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        secret = text_of(self.driver, "#totp-secret")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#totp-qr svg path"), "the QR code is inline SVG")
        wrong = next(c for c in ("000000", "111111") if c not in {totp(secret, int(time.time() // 30) + d) for d in (-1, 0, 1)})
        self.submit("code", wrong)
        self.assertIn("wrong", text_of(self.driver, "#code-error"))
        self.assertEqual(secret, text_of(self.driver, "#totp-secret"), "a mistyped code shows the same secret again")
        self.submit("code", self.code(secret))
        codes = [li.text for li in self.driver.find_elements(By.CSS_SELECTOR, "#recovery-codes li")]
        self.assertEqual(10, len(codes))
        self.accessible("the recovery codes")
        self.driver.find_element(By.LINK_TEXT, "Continue to the console").click()
        self.wait_path(f"/app/p/{FIRST}")
        return secret, codes

    def test_enrol_totp_then_sign_in_with_a_code_and_a_recovery_code_once(self):
        self.require_factor()
        login = person()
        secret, codes = self.enrol(login)
        self.sign_out()
        self.password(login)
        self.wait_path("/app/sign-in/second-factor")
        self.accessible("the second-factor page")
        self.submit("totp", self.code(secret))
        self.wait_path(f"/app/p/{FIRST}")
        self.sign_out()
        self.password(login)
        self.wait_path("/app/sign-in/second-factor")
        self.submit("recoveryCode", codes[0])
        self.wait_path(f"/app/p/{FIRST}")
        self.sign_out()
        self.password(login)
        self.wait_path("/app/sign-in/second-factor")
        self.submit("recoveryCode", codes[0])
        self.assertIn("used already", text_of(self.driver, "#recoveryCode-error"))
        self.assertIn("/app/sign-in/second-factor", self.driver.current_url)
        self.assertEqual(1, failures(login, "recovery_code"))
        self.submit("recoveryCode", codes[1])
        self.wait_path(f"/app/p/{FIRST}")

    def test_a_person_without_a_factor_is_sent_to_enrolment_and_cannot_use_the_console(self):
        self.require_factor()
        login = person()
        self.password(login)
        self.wait_path("/app/sign-in/enrol")
        self.driver.get(LOCAL + f"/app/p/{FIRST}")
        self.assertIn("Sign in", self.driver.find_element(By.TAG_NAME, "main").text)
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "form.signout"), "no console for a session without its factor")

    def add_authenticator(self):
        options = VirtualAuthenticatorOptions()
        options.protocol = VirtualAuthenticatorOptions.Protocol.CTAP2
        options.transport = VirtualAuthenticatorOptions.Transport.INTERNAL
        options.has_resident_key = True
        options.has_user_verification = True
        options.is_user_verified = True
        options.is_user_consenting = True
        self.driver.add_virtual_authenticator(options)

    CAPTURE = """
        const done = arguments[arguments.length - 1];
        const button = document.getElementById('passkey-sign-in');
        const csrf = button.getAttribute('data-csrf');
        const b64 = buf => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
        const bytes = t => Uint8Array.from(atob(t.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
        const post = (url, body) => fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
                                                 body: JSON.stringify(body)}).then(r => r.json().then(j => ({status: r.status, json: j})));
        const replay = arguments[0];
        (async () => {
          if (replay) { return post('/app/sign-in/passkey', replay); }
          const options = (await post('/app/sign-in/passkey/options', {})).json;
          options.challenge = bytes(options.challenge);
          options.allowCredentials = options.allowCredentials.map(c => ({type: c.type, id: bytes(c.id)}));
          const c = await navigator.credentials.get({publicKey: options});
          const body = {id: c.id, clientDataJSON: b64(c.response.clientDataJSON), authenticatorData: b64(c.response.authenticatorData),
                        signature: b64(c.response.signature)};
          const answer = await post('/app/sign-in/passkey', body);
          return {body, status: answer.status, json: answer.json};
        })().then(done, e => done({error: String(e)}));
    """

    def test_register_a_passkey_sign_in_with_it_and_a_replayed_answer_is_refused(self):
        login = person()   # the policy is `nobody`: a password alone signs this person in, to add a passkey
        self.add_authenticator()
        self.password(login)
        self.wait_path(f"/app/p/{FIRST}")
        self.driver.get(LOCAL + "/app/passkeys")
        self.accessible("the passkeys page")
        self.driver.find_element(By.ID, "passkey-add").click()
        WebDriverWait(self.driver, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda d: "Passkey added." in d.find_element(By.TAG_NAME, "main").text)
        self.assertEqual(1, len(self.driver.find_elements(By.CSS_SELECTOR, "#passkeys tbody form")))
        self.assertIn("identity.factor_enrolled", rcm("audit", "access-changes", "--format", "csv"))
        self.sign_out()
        # The passkey is a second factor now: the password alone no longer signs in; the passkey button does.
        self.password(login)
        self.wait_path("/app/sign-in/second-factor")
        self.driver.find_element(By.ID, "passkey-sign-in").click()
        self.wait_path(f"/app/p/{FIRST}")
        self.sign_out()
        # A ceremony run by hand, so that its answer can be sent again.
        self.password(login)
        self.wait_path("/app/sign-in/second-factor")
        first = self.driver.execute_async_script(self.CAPTURE, None)
        self.assertEqual(200, first.get("status"), first)
        self.driver.get(LOCAL + f"/app/p/{FIRST}")
        self.sign_out()
        self.password(login)
        self.wait_path("/app/sign-in/second-factor")
        replayed = self.driver.execute_async_script(self.CAPTURE, first["body"])
        self.assertEqual(401, replayed["status"], replayed)
        self.assertIn("used already", replayed["json"]["error"])
        self.assertEqual(1, failures(login, "passkey"))
        # The page still works with a fresh answer.
        self.driver.get(LOCAL + "/app/sign-in/second-factor")
        self.driver.find_element(By.ID, "passkey-sign-in").click()
        self.wait_path(f"/app/p/{FIRST}")
        # Removing the passkey is recorded as an access change.
        self.driver.get(LOCAL + "/app/passkeys")
        self.driver.find_element(By.CSS_SELECTOR, "#passkeys tbody form button").click()
        WebDriverWait(self.driver, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda d: "Passkey removed." in d.find_element(By.TAG_NAME, "main").text)
        self.assertIn("identity.factor_removed", rcm("audit", "access-changes", "--format", "csv"))

    def test_a_revoked_person_is_signed_out_in_the_middle_of_a_session(self):
        login = person()
        self.password(login)
        self.wait_path(f"/app/p/{FIRST}")
        rcm("staff", "revoke", login)
        self.driver.get(LOCAL + f"/app/p/{FIRST}")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "form.signout"), "the revoked session shows no console")
        # The ended session lands on the signed-out page, whose link leads back to sign-in ("Sign in again").
        self.driver.find_element(By.PARTIAL_LINK_TEXT, "Sign in").click()
        self.wait_path("/app/sign-in")
        self.assertTrue(self.driver.find_elements(By.ID, "password"))


if __name__ == "__main__":
    unittest.main()
