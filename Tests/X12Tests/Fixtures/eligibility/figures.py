#!/usr/bin/env python3
"""Figures of the 271 files here, computed without our parser: segments split with the separators the ISA declares
(element = byte 4, repetition = ISA11, component = ISA16, terminator = the byte after ISA16), amounts in Decimal.

    python3 figures.py FILE...
"""
import sys
from collections import Counter
from decimal import Decimal

for path in sys.argv[1:]:
    data = open(path, "rb").read().decode("ascii")
    element, repetition, terminator = data[3], data[82], data[105]
    segments = [s.strip() for s in data.split(terminator) if s.strip()]
    eb01, eb03 = Counter(), Counter()
    copays, coinsurance, members = [], [], Counter()
    for segment in segments:
        e = segment.split(element)
        if e[0] == "HL":
            members[e[3]] += 1
        if e[0] != "EB":
            continue
        e += [""] * (14 - len(e))
        eb01[e[1]] += 1
        for code in filter(None, e[3].split(repetition)):
            eb03[code] += 1
        if e[1] == "B":
            copays.append((e[3], str(Decimal(e[7])), e[12]))
        if e[1] == "A":
            coinsurance.append((e[3], str(Decimal(e[8])), e[12]))
    print(path)
    print("  HL by level:", dict(sorted(members.items())))
    print("  EB by EB01:", dict(sorted(eb01.items())))
    print("  EB by EB03:", dict(sorted(eb03.items())))
    print("  copays (EB03, EB07, EB12):", copays)
    print("  coinsurance (EB03, EB08, EB12):", coinsurance)
