#!/usr/bin/env python3
"""Independent figures for the X12 conformance corpus.

Written without looking at Sources/X12: it splits each file on the separators its ISA declares
(element = ISA byte 4, component = ISA byte 105, segment terminator = ISA byte 106), strips the
CR/LF/space padding between segments, and counts and sums what SOURCES.md lists. Amounts are
summed as Decimal, never as floats. Usage: python3 figures.py FILE...
"""
import sys
from decimal import Decimal


def segments(data: bytes):
    text = data.decode("latin-1")
    if text.startswith("\xef\xbb\xbf"):  # UTF-8 byte-order mark
        text = text[3:]
    start = text.find("ISA")
    if start != 0 and text[:start].strip() != "":
        start = -1
    if start < 0:
        return None, [s.strip() for s in text.split("~") if s.strip()], None
    isa = text[start:start + 106]
    element, component, terminator = isa[3], isa[104], isa[105]
    raw = text[start:].split(terminator)
    segs = [s.strip("\r\n\t ") for s in raw]
    segs = [s for s in segs if s and not all(c in "\x1a\x00" for c in s)]
    return (element, component, terminator), segs, isa


def amt(value):
    return Decimal(value) if value not in (None, "") else Decimal(0)


def el(parts, i):
    return parts[i] if i < len(parts) else ""


def analyse(path):
    data = open(path, "rb").read()
    seps, segs, isa = segments(data)
    out = {"file": path.split("/")[-1], "segments": len(segs)}
    if seps is None:
        out["error"] = "no ISA at the start; first segment " + segs[0].split("*")[0]
        return out
    e, c, t = seps
    out["separators"] = f"element {e!r} component {c!r} terminator {t!r}"
    rows = [s.split(e) for s in segs]
    out["ids"] = {}
    sets = []
    current = None
    for number, parts in enumerate(rows, 1):
        tag = parts[0]
        out["ids"][tag] = out["ids"].get(tag, 0) + 1
        if tag == "ST":
            current = {"id": parts[1], "control": parts[2], "start": number, "rows": []}
        if current is not None:
            current["rows"].append((number, parts))
        if tag == "SE" and current is not None:
            current["se01"] = parts[1]
            current["count"] = number - current["start"] + 1
            sets.append(current)
            current = None
    out["isa12"] = el(rows[0], 12)
    out["gs08"] = [el(p, 8) for p in rows if p[0] == "GS"]
    out["sets"] = []
    for s in sets:
        fig = {"st": s["id"], "control": s["control"], "st_at": s["start"],
               "se01": s["se01"], "actual": s["count"]}
        body = s["rows"]
        if s["id"] == "835":
            clps = [(n, p) for n, p in body if p[0] == "CLP"]
            bpr = next(p for n, p in body if p[0] == "BPR")
            plb = Decimal(0)
            for n, p in body:
                if p[0] == "PLB":
                    for i in range(4, len(p), 2):
                        plb += amt(p[i])
            paid = sum((amt(el(p, 4)) for n, p in clps), Decimal(0))
            charge = sum((amt(el(p, 3)) for n, p in clps), Decimal(0))
            bpr02 = amt(bpr[2]) * (-1 if el(bpr, 3) == "D" else 1)
            fig.update(claims=len(clps), charge=str(charge), paid=str(paid), bpr01=bpr[1], bpr02=str(bpr02),
                       plb=str(plb), balanced=(bpr02 == paid - plb),
                       clp01=[p[1] for n, p in clps], clp02=[p[2] for n, p in clps])
            # claim and line balancing: CLP03 - CLP04 = sum of claim and line CAS; SVC02 - SVC03 = line CAS
            claim_off, line_off, pr_off = [], [], []
            claim = None
            line = None
            def close_line():
                nonlocal line
                if line is not None:
                    if line["charge"] - line["paid"] != line["cas"]:
                        line_off.append((line["at"], str(line["charge"] - line["paid"]), str(line["cas"])))
                    line = None
            def close_claim():
                nonlocal claim
                close_line()
                if claim is not None:
                    if claim["clp05"] != "" and amt(claim["clp05"]) != claim["pr"]:
                        pr_off.append((claim["at"], claim["clp05"], str(claim["pr"])))
                    if claim["charge"] - claim["paid"] != claim["cas"]:
                        claim_off.append((claim["at"], str(claim["charge"] - claim["paid"]), str(claim["cas"])))
                    claim = None
            svcs = 0
            for n, p in body:
                if p[0] == "CLP":
                    close_claim()
                    claim = {"at": n, "charge": amt(el(p, 3)), "paid": amt(el(p, 4)), "cas": Decimal(0),
                             "clp05": el(p, 5), "pr": Decimal(0)}
                elif p[0] == "SVC" and claim is not None:
                    close_line()
                    svcs += 1
                    line = {"at": n, "charge": amt(el(p, 2)), "paid": amt(el(p, 3)), "cas": Decimal(0)}
                elif p[0] == "CAS":
                    total = sum((amt(el(p, i)) for i in range(3, 19, 3)), Decimal(0))
                    if claim is not None and el(p, 1) == "PR":
                        claim["pr"] += total
                    if line is not None:
                        line["cas"] += total
                    if claim is not None:
                        claim["cas"] += total
                elif p[0] in ("LX", "PLB", "SE"):
                    close_claim()
            close_claim()
            fig.update(lines=svcs, claim_unbalanced=claim_off, line_unbalanced=line_off, clp05_vs_pr=pr_off,
                       clp03=[el(p, 3) for n, p in clps], clp04=[el(p, 4) for n, p in clps],
                       clp_at=[n for n, p in clps], bpr03=el(bpr, 3), bpr04=el(bpr, 4), trn02=next(el(p, 2) for n, p in body if p[0] == "TRN"),
                       plb_items=[p[3:] for n, p in body if p[0] == "PLB"])
        elif s["id"] == "837":
            clms = [(n, p) for n, p in body if p[0] == "CLM"]
            sv1 = [(n, p) for n, p in body if p[0] == "SV1"]
            hl = [el(p, 3) for n, p in body if p[0] == "HL"]
            fig.update(implementation=el(body[0][1], 3), claims=len(clms),
                       clm01=[p[1] for n, p in clms], clm02=[p[2] for n, p in clms],
                       total=str(sum((amt(p[2]) for n, p in clms), Decimal(0))),
                       sv1=len(sv1), sv102=str(sum((amt(p[2]) for n, p in sv1), Decimal(0))),
                       sv2=sum(1 for n, p in body if p[0] == "SV2"),
                       hl={k: hl.count(k) for k in sorted(set(hl))})
            # per-claim Σ SV102
            per = []
            cur = None
            for n, p in body:
                if p[0] == "CLM":
                    cur = [p[1], amt(p[2]), Decimal(0), 0]
                    per.append(cur)
                elif p[0] == "SV1" and cur is not None:
                    cur[2] += amt(p[2])
                    cur[3] += 1
                elif p[0] == "HL":
                    cur = None
            fig["clm_vs_lines"] = [(a, str(b), str(c), k) for a, b, c, k in per]
        elif s["id"] == "999":
            ak1 = next((p for n, p in body if p[0] == "AK1"), None)
            ak9 = next((p for n, p in body if p[0] == "AK9"), None)
            fig.update(ak1=ak1[1:] if ak1 else None,
                       ak2=sum(1 for n, p in body if p[0] == "AK2"),
                       ik5=[p[1] for n, p in body if p[0] == "IK5"],
                       ik3=[p[1:] for n, p in body if p[0] == "IK3"],
                       ik4=[p[1:] for n, p in body if p[0] == "IK4"],
                       ak9=ak9[1:] if ak9 else None)
        elif s["id"] == "277":
            claims = []
            level = None
            for n, p in body:
                if p[0] == "HL":
                    level = el(p, 3)
                    if level == "PT":
                        claims.append({"hl": n, "trn": None, "stc": []})
                elif level == "PT" and p[0] == "TRN":
                    claims[-1]["trn"] = p[2]
                elif level == "PT" and p[0] == "STC":
                    claims[-1]["stc"].append(p[1])
            fig.update(implementation=el(body[0][1], 3),
                       hl=[el(p, 3) for n, p in body if p[0] == "HL"],
                       claims=[(x["trn"], x["stc"]) for x in claims],
                       qty=[p[1:3] for n, p in body if p[0] == "QTY"],
                       amt=[p[1:3] for n, p in body if p[0] == "AMT"])
        out["sets"].append(fig)
    # envelope checks: SE01 = segments ST..SE, SE02 = ST02, GE01 = sets, GE02 = GS06, IEA01 = groups, IEA02 = ISA13
    problems = []
    isa = gs = None
    groups_in = sets_in = 0
    for n, p in enumerate(rows, 1):
        if p[0] == "ISA":
            isa, groups_in = p, 0
        elif p[0] == "GS":
            gs, sets_in = p, 0
        elif p[0] == "SE":
            sets_in += 1
        elif p[0] == "GE":
            groups_in += 1
            if el(p, 1) != str(sets_in):
                problems.append((n, "GE01", el(p, 1), sets_in))
            if gs is not None and el(p, 2).lstrip("0") != el(gs, 6).lstrip("0"):
                problems.append((n, "GE02", el(p, 2), el(gs, 6)))
        elif p[0] == "IEA":
            if el(p, 1) != str(groups_in):
                problems.append((n, "IEA01", el(p, 1), groups_in))
            if isa is not None and el(p, 2) != el(isa, 13):
                problems.append((n, "IEA02", el(p, 2), el(isa, 13)))
    for s in sets:
        if s["se01"] != str(s["count"]):
            problems.append((s["start"] + s["count"] - 1, "SE01", s["se01"], s["count"]))
    if current is not None:
        problems.append((len(rows), "SE", "missing: the file ends inside transaction set", current["control"]))
    padding = bytes(b for b in b"\r\n \x1a" if b != ord(t))
    if not data.rstrip(padding).endswith(t.encode("latin-1")):
        problems.append((len(rows), "terminator", "last segment unterminated", repr(t)))
    out["envelope_problems"] = problems
    groups = [(n, p) for n, p in enumerate(rows, 1) if p[0] in ("GS", "GE", "ISA", "IEA")]
    out["envelopes"] = [(n, p[0], el(p, 1) if p[0] in ("GE", "IEA") else el(p, 6 if p[0] == "GS" else 13)) for n, p in groups]
    return out


if __name__ == "__main__":
    import json
    for path in sys.argv[1:]:
        print(json.dumps(analyse(path), default=str))
