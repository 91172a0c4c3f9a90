"""Situations the browser tests work, made through the rcm binary as the owner on the test's copy of the
demo's data: a claim failing the scrubber, and an 835 whose payer mangled a claim number (unapplied money)."""
import csv
import datetime
import glob
import io
import os
import subprocess

BINARY = os.environ["RCM_CONSOLE_BIN"]
OWNER_URL = os.environ["RCM_CONSOLE_OWNER_URL"]


def rcm(*arguments, refused=False):
    """rcm's output; it must succeed, or with `refused` exit 1 (a refusal, such as a failing scrub)."""
    result = subprocess.run([BINARY, *arguments], env={**os.environ, "RCM_DATABASE_URL": OWNER_URL}, capture_output=True, text=True)
    if result.returncode != (1 if refused else 0):
        raise AssertionError(f"rcm {' '.join(arguments)}: {result.stderr}")
    return result.stdout


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def ready_drafts(practice, wanted=1):
    """At least `wanted` draft claims that pass the scrubber; when the demo left fewer (it submits every ready
    claim), new ones are made from a patient's newest claim: a session the day before it (or earlier when
    that day has one), with the same diagnoses, payer and a provider the payer knows, then a claim, scrubbed."""
    ready = [row for row in rows(rcm("claims", "list", "--tenant", practice, "--status", "draft", "--format", "csv")) if row["scrub"].startswith("pass")]
    claims = sorted(rows(rcm("claims", "list", "--tenant", practice, "--format", "csv")), key=lambda row: row["first_dos"], reverse=True)
    providers = {}
    for row in rows(rcm("report", "aging", "--tenant", practice, "--format", "csv")):
        if row.get("provider") and not row["provider"].startswith("assoc"):   # associates need a supervisor
            providers.setdefault(row["payer"], row["provider"])
    refusals = []
    for model in claims[:6]:
        if len(ready) >= wanted:
            break
        if model["payer"] not in providers:
            continue
        shown = dict(line.split(",", 1) for line in rcm("claims", "show", model["claim"], "--tenant", practice, "--format", "csv").splitlines()[1:])
        for back in range(1, 6):
            day = (datetime.date.fromisoformat(model["first_dos"]) - datetime.timedelta(days=back)).isoformat()
            session = f"console-{model['claim']}-{back}"
            logged = subprocess.run(
                [BINARY, "session", "log", "--tenant", practice, "--id", session, "--patient", shown["patient_key"], "--date", day,
                 "--provider", providers[model["payer"]], "--minutes", "53", "--dx", shown["diagnoses"].replace(" ", ","), "--service", "90837=150.00"],
                env={**os.environ, "RCM_DATABASE_URL": OWNER_URL}, capture_output=True, text=True)
            if logged.returncode != 0:
                refusals.append(logged.stderr.strip())
                continue
            created = subprocess.run(
                [BINARY, "claims", "create", "--tenant", practice, "--patient", shown["patient_key"], "--payer", model["payer"], "--sessions", session],
                env={**os.environ, "RCM_DATABASE_URL": OWNER_URL}, capture_output=True, text=True)
            if created.returncode == 0:
                break
            refusals.append(created.stderr.strip())
        ready = [row for row in rows(rcm("claims", "list", "--tenant", practice, "--status", "draft", "--format", "csv")) if row["scrub"].startswith("pass")]
        if len(ready) < wanted:
            drafts = [row["claim"] for row in rows(rcm("claims", "list", "--tenant", practice, "--status", "draft", "--format", "csv"))]
            if drafts:
                subprocess.run([BINARY, "claims", "scrub", *drafts, "--tenant", practice], env={**os.environ, "RCM_DATABASE_URL": OWNER_URL}, capture_output=True)
            ready = [row for row in rows(rcm("claims", "list", "--tenant", practice, "--status", "draft", "--format", "csv")) if row["scrub"].startswith("pass")]
    assert len(ready) >= wanted, f"could not make {wanted} ready draft claim(s) in {practice}: {refusals[:4]}"
    return ready


def failing_scrub(practice):
    """A ready draft claim made to fail: its payer's rule wrongly asks for a prior authorization from the
    claim's date of service; the claim is scrubbed (an MH rule fails: exit 1); then the rule is corrected (no
    authorization), so that scrubbing again in the console passes. Returns the claim number. (A claim that
    carries an authorization passes; the next one is tried.)"""
    for claim in ready_drafts(practice, wanted=3)[:8]:
        rule = ["payer", "rules", "set", "--tenant", practice, "--payer", claim["payer"], "--from", claim["first_dos"], "--authorization"]
        rcm(*rule, "all")
        scrub = subprocess.run([BINARY, "claims", "scrub", claim["claim"], "--tenant", practice],
                               env={**os.environ, "RCM_DATABASE_URL": OWNER_URL}, capture_output=True, text=True)
        rcm(*rule, "none")
        if scrub.returncode == 1:
            return claim["claim"]
    raise AssertionError("no ready draft claim failed the scrub under a rule asking for authorization")


def mangled_remittance(outbox, out):
    """The payer's answer to the newest 837P in `outbox` (the payer simulator, all paid), its acknowledgments
    imported and its 835 imported with the first paid claim's number mangled (`X` before it): that
    payment is kept unapplied. Returns the real claim number."""
    files = sorted(glob.glob(os.path.join(outbox, "*.837")), key=os.path.getmtime)
    assert files, f"no 837P in {outbox}"
    answers = rcm("simulate", "payer", files[-1], "--out", out, "--seed", "3", "--reject-percent", "0", "--deny-percent", "0").split()
    remits = [a for a in answers if os.path.basename(a).split("-")[1] == "835"]
    for answer in answers:
        if answer not in remits:
            rcm("ack", "import", answer)
    assert remits, "the payer sent no 835"
    with open(remits[0]) as file:
        text = file.read()
    paid = [s.split("*") for s in text.replace("\n", "").split("~") if s.startswith("CLP*") and float(s.split("*")[4]) > 0]
    assert paid, "the 835 pays nothing"
    number = paid[0][1]
    mangled = os.path.join(out, "mangled.835")
    with open(mangled, "w") as file:
        file.write(text.replace(f"CLP*{number}*", f"CLP*X{number}*"))
    rcm("era", "import", mangled)
    return number


def unclaimed_session(practice):
    """A session logged with no claim for it: a day before a patient's newest claim (or earlier when that day has
    one), with its diagnoses and a provider its payer knows. Returns the session id and its provider."""
    claims = sorted(rows(rcm("claims", "list", "--tenant", practice, "--format", "csv")), key=lambda row: row["first_dos"], reverse=True)
    providers = {}
    for row in rows(rcm("report", "aging", "--tenant", practice, "--format", "csv")):
        if row.get("provider") and not row["provider"].startswith("assoc"):   # associates need a supervisor
            providers.setdefault(row["payer"], row["provider"])
    refusals = []
    for model in claims[:6]:
        if model["payer"] not in providers:
            continue
        shown = dict(line.split(",", 1) for line in rcm("claims", "show", model["claim"], "--tenant", practice, "--format", "csv").splitlines()[1:])
        for back in range(1, 6):
            day = (datetime.date.fromisoformat(model["first_dos"]) - datetime.timedelta(days=back)).isoformat()
            session = f"unclaimed-{model['claim']}-{back}"
            logged = subprocess.run(
                [BINARY, "session", "log", "--tenant", practice, "--id", session, "--patient", shown["patient_key"], "--date", day,
                 "--provider", providers[model["payer"]], "--minutes", "53", "--dx", shown["diagnoses"].replace(" ", ","), "--service", "90837=150.00"],
                env={**os.environ, "RCM_DATABASE_URL": OWNER_URL}, capture_output=True, text=True)
            if logged.returncode == 0:
                return session, providers[model["payer"]]
            refusals.append(logged.stderr.strip())
    raise AssertionError(f"could not log a session in {practice}: {refusals[:4]}")


def set_idle_seconds(seconds):
    """The company's idle timeout (rcm staff session-policy), as the owner."""
    return rcm("staff", "session-policy", "--idle-seconds", str(seconds))
