#!/usr/bin/env python3
"""Generates scenarios/gegevens/scholen-zuid-kennemerland.yaml: a SYNTHETIC schools file for
SWV PO Zuid-Kennemerland (per-school data is not public). 86 regular schools, 16 besturen,
21,747 pupils on 1-2-2023; placements and DWS places per year chosen so that placements x
6,635 + DWS x 1,350 lie close to the plan's afdracht (derived from chapter 12: 1,808,337 in
2024); 50 pupils with a TLV on the bao a year (x 12,600 = 630,000, the plan's line);
instroom and terugplaatsing pupils whose funded months approach the plan's 12.5/18.75 and
6.25/9.375 pupil-years. Deterministic (seed 2704). Run: python3 scripts/genereer-scholen-synthetisch.py

Also writes the same data as CSV, one file per spreadsheet tab (scripts/scholen-naar-csv.py):
scholen-zuid-kennemerland.csv, -stromen.csv and -bao-bao.csv. These are SYNTHETIC as well; CSV has
no comments, so the README says so (section on the schools file)."""
import random
import subprocess
import sys

rng = random.Random(2704)
N_SCHOOLS, N_BESTUREN, PUPILS = 86, 16, 21747
besturen = [f"Bestuur {chr(ord('A') + i)}" for i in range(N_BESTUREN)]
plaatsen = ["Haarlem", "Heemstede", "Bloemendaal", "Zandvoort", "Overveen", "Aerdenhout", "Bentveld"]
# sizes: lognormal-ish, scaled to the total
raw = [rng.lognormvariate(5.4, 0.45) for _ in range(N_SCHOOLS)]
scale = PUPILS / sum(raw)
sizes = [max(60, round(r * scale)) for r in raw]
diff = PUPILS - sum(sizes)
i = 0
while diff != 0:
    step = 1 if diff > 0 else -1
    if sizes[i % N_SCHOOLS] + step >= 60:
        sizes[i % N_SCHOOLS] += step
        diff -= step
    i += 1
assert sum(sizes) == PUPILS
bestuur_of = [besturen[k % N_BESTUREN] if k < N_BESTUREN else besturen[rng.randrange(N_BESTUREN)] for k in range(N_SCHOOLS)]

# placements per year (all types pay one TLV SBO tarief) and DWS places, spread by size
plaatsingen_totaal = {2024: 262, 2025: 261, 2026: 260, 2027: 258, 2028: 257}
dws_totaal = 52
types = ["sbo_ikc"] * 6 + ["so_cat1"] * 2 + ["so_cat2"] + ["so_cat3"]

def spread(total, weights):
    out = [0] * len(weights)
    s = sum(weights)
    for _ in range(total):
        r = rng.uniform(0, s)
        acc = 0
        for k, w in enumerate(weights):
            acc += w
            if r <= acc:
                out[k] += 1
                break
    return out

need = [s * rng.uniform(0.5, 1.6) for s in sizes]  # schools differ in how much they refer
pl = {y: spread(t, need) for y, t in plaatsingen_totaal.items()}
dws = {y: spread(dws_totaal, sizes) for y in plaatsingen_totaal}
tlv = {y: spread(50, sizes) for y in plaatsingen_totaal}

# instroom / terugplaatsing pupils: (school, soort, inschrijving, vertrek)
stromen = [[] for _ in range(N_SCHOOLS)]
def add(soort, year, count):
    for _ in range(count):
        k = rng.randrange(N_SCHOOLS)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        item = {"soort": soort, "inschrijving": f"{year}-{m:02d}-{d:02d}"}
        if rng.random() < 0.1:  # some leave early
            ly, lm = year + 1, rng.randint(1, 12)
            item["vertrek"] = f"{ly}-{lm:02d}-{rng.randint(1, 28):02d}"
        stromen[k].append(item)
for y in (2022, 2023, 2024, 2025, 2026, 2027, 2028):
    add("instroom", y, 7 if y <= 2023 else 10)
    add("terugplaatsing", y, 4 if y <= 2023 else 5)

lines = [
    "# SYNTHETISCHE GEGEVENS - geen echte scholen. Per-schoolgegevens van SWV PO Zuid-Kennemerland",
    "# zijn niet openbaar; dit bestand is gemaakt door scripts/genereer-scholen-synthetisch.py (seed 2704).",
    "# 86 reguliere scholen, 16 besturen, 21.747 leerlingen op 1-2-2023 (gelijk aan leerlingen.bo);",
    "# plaatsingen x 6.635 + DWS x 1.350 benaderen de afdracht uit hfst 12 (2024: 1.808.337);",
    "# 50 leerlingen met een TLV op de bao per jaar x 12.600 = 630.000 (hfst 12 I.2).",
    "# Velden per school: id, naam, bestuur, leerlingen {teldatum: aantal}, plaatsingen {jaar: {sbo_ikc,",
    "# so_cat1, so_cat2, so_cat3, dws}}, tlv_op_bao {jaar: aantal}, stromen [{soort, inschrijving, vertrek}].",
    "scholen:",
]
for k in range(N_SCHOOLS):
    lines.append(f"  - id: ZK{k + 1:03d}")
    lines.append(f"    naam: Basisschool {k + 1} {plaatsen[k % len(plaatsen)]}")
    lines.append(f"    bestuur: {bestuur_of[k]}")
    lines.append(f"    leerlingen: {{2023: {sizes[k]}}}")
    per = []
    for y in plaatsingen_totaal:
        n = pl[y][k]
        counts = {}
        for _ in range(n):
            t = rng.choice(types)
            counts[t] = counts.get(t, 0) + 1
        if dws[y][k]:
            counts["dws"] = dws[y][k]
        if counts:
            per.append(f"{y}: {{" + ", ".join(f"{a}: {b}" for a, b in counts.items()) + "}")
    if per:
        lines.append("    plaatsingen:")
        lines += [f"      {p}" for p in per]
    t = [f"{y}: {tlv[y][k]}" for y in tlv if tlv[y][k]]
    if t:
        lines.append("    tlv_op_bao: {" + ", ".join(t) + "}")
    if stromen[k]:
        lines.append("    stromen:")
        for s in stromen[k]:
            lines.append("      - {" + ", ".join(f"{a}: {b}" for a, b in s.items()) + "}")
# bao-bao transfers: referring school, receiving school with a placement in the year of referral
lines.append("bao_bao:")
made = 0
for y in (2024, 2025, 2026):
    for k in range(N_SCHOOLS):
        if made >= 3 * (y - 2023):
            break
        if pl[y][k] > 0:
            van = (k + 7) % N_SCHOOLS
            lines.append(f"  - {{van: ZK{van + 1:03d}, naar: ZK{k + 1:03d}, overstap: {y - 1}-{rng.randint(1, 12):02d}-15, "
                         f"verwijzing: {y}-{rng.randint(1, 12):02d}-10}}")
            made += 1
open("scenarios/gegevens/scholen-zuid-kennemerland.yaml", "w").write("\n".join(lines) + "\n")
print(sum(sizes), {y: sum(v) for y, v in pl.items()})
# the same schools as CSV tables (SYNTHETIC too; CSV has no comment lines: the first line is the header)
subprocess.run([sys.executable, "scripts/scholen-naar-csv.py", "scenarios/gegevens/scholen-zuid-kennemerland.yaml"], check=True)
