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
import os
import random
import subprocess
import sys


def groot(argv):
    """Large SYNTHETIC schools files for benchmarks (issue 15), written into a directory of your
    choice (a build directory, never the repository):

      python3 scripts/genereer-scholen-synthetisch.py --scholen 6500 --leerlingen 1400000 --uit build/groot
          [--stromen N] [--naam PREFIX]

    writes PREFIX.yaml (the schools file), PREFIX.csv, PREFIX-stromen.csv, PREFIX-bao-bao.csv (the
    same schools as CSV tables), PREFIX-scenario.yaml (the risk scenario of the repository with this
    schools file and leerlingen.bo.teldatum 2023 = the pupils) and PREFIX-scenario-csv.yaml (the
    same with the CSV tables). Pupils, placements, DWS places, TLVs on the bao and instroom/terugplaatsing
    pupils are spread as in the 86-school file, scaled to the number of pupils. Deterministic
    (seed 2704 + number of schools)."""
    args = {"--scholen": None, "--leerlingen": None, "--uit": None, "--stromen": None, "--naam": None}
    it = iter(argv)
    for a in it:
        if a not in args:
            sys.exit(f"onbekende optie {a}; verwacht --scholen N --leerlingen P --uit MAP [--stromen N] [--naam PREFIX]")
        args[a] = next(it, None)
    n = int(args["--scholen"])
    pupils = int(args["--leerlingen"] or round(n * 21747 / 86))
    out = args["--uit"] or sys.exit("--uit MAP ontbreekt (schrijf in de build-map, niet in de repository)")
    prefix = args["--naam"] or f"scholen-{n}"
    os.makedirs(out, exist_ok=True)
    g = random.Random(2704 + n)
    raw = [g.lognormvariate(5.4, 0.45) for _ in range(n)]
    scale = pupils / sum(raw)
    sizes = [max(1, int(r * scale)) for r in raw]
    k = 0
    while sum(sizes) != pupils:  # fix the rounding, one pupil at a time over the schools
        d = pupils - sum(sizes)
        step = max(-sizes[k % n] + 1, min(d, max(1, abs(d) // n + 1))) if d > 0 else -min(-d, sizes[k % n] - 1, abs(d) // n + 1)
        sizes[k % n] += step
        k += 1
    n_besturen = max(16, n // 6)
    jaren = [2024, 2025, 2026, 2027, 2028]
    types = ["sbo_ikc"] * 6 + ["so_cat1"] * 2 + ["so_cat2"] + ["so_cat3"]
    per_pupil = {"pl": 262 / 21747, "dws": 52 / 21747, "tlv": 50 / 21747}

    def count(mean):  # a Poisson-like count: whole part plus a Bernoulli for the fraction
        m = max(0.0, g.gauss(mean, mean ** 0.5 / 2))
        return int(m) + (1 if g.random() < m - int(m) else 0)

    ids = [f"S{k + 1:05d}" for k in range(n)]
    plaats = ["Haarlem", "Heemstede", "Bloemendaal", "Zandvoort", "Overveen", "Aerdenhout", "Bentveld"]
    school_rows = []
    for k in range(n):
        per_jaar = {}
        for y in jaren:
            c = {}
            for _ in range(count(sizes[k] * per_pupil["pl"])):
                t = g.choice(types)
                c[t] = c.get(t, 0) + 1
            dws = count(sizes[k] * per_pupil["dws"])
            if dws:
                c["dws"] = dws
            per_jaar[y] = (c, count(sizes[k] * per_pupil["tlv"]))
        school_rows.append(per_jaar)
    n_stromen = int(args["--stromen"] or round(pupils * 15 / 21747 * 7))
    stromen = [[] for _ in range(n)]
    for _ in range(n_stromen):
        k = g.randrange(n)
        y = g.choice([2022, 2023, 2024, 2025, 2026, 2027, 2028])
        item = {"soort": "instroom" if g.random() < 0.66 else "terugplaatsing",
                "inschrijving": f"{y}-{g.randint(1, 12):02d}-{g.randint(1, 28):02d}"}
        if g.random() < 0.1:
            item["vertrek"] = f"{y + 1}-{g.randint(1, 12):02d}-{g.randint(1, 28):02d}"
        stromen[k].append(item)
    bao = []
    for k in range(0, n, 29):
        y = jaren[k % 3]
        c, _ = school_rows[k][y]
        if sum(v for t, v in c.items() if t != "dws") > 0:
            bao.append((ids[(k + 7) % n], ids[k], f"{y - 1}-{g.randint(1, 12):02d}-15", f"{y}-{g.randint(1, 12):02d}-10"))
    soorten = ["sbo_ikc", "so_cat1", "so_cat2", "so_cat3", "dws"]
    # YAML
    y_lines = [f"# SYNTHETISCHE GEGEVENS (scripts/genereer-scholen-synthetisch.py --scholen {n}): {n} scholen, {pupils} leerlingen.",
               "scholen:"]
    csv_rows = [";".join(["id", "naam", "bestuur", "leerlingen 2023"] + [f"{s} {y}" for y in jaren for s in soorten + ["tlv_op_bao"]])]
    for k in range(n):
        naam = f"Basisschool {k + 1} {plaats[k % len(plaats)]}"
        bestuur = f"Bestuur {k % n_besturen + 1}"
        y_lines += [f"  - id: {ids[k]}", f"    naam: {naam}", f"    bestuur: {bestuur}", f"    leerlingen: {{2023: {sizes[k]}}}"]
        per = [f"{y}: {{" + ", ".join(f"{a}: {b}" for a, b in c.items()) + "}" for y, (c, _) in school_rows[k].items() if c]
        if per:
            y_lines.append("    plaatsingen:")
            y_lines += [f"      {p}" for p in per]
        t = [f"{y}: {tl}" for y, (_, tl) in school_rows[k].items() if tl]
        if t:
            y_lines.append("    tlv_op_bao: {" + ", ".join(t) + "}")
        if stromen[k]:
            y_lines.append("    stromen:")
            y_lines += ["      - {" + ", ".join(f"{a}: {b}" for a, b in x.items()) + "}" for x in stromen[k]]
        row = [ids[k], naam, bestuur, str(sizes[k])]
        for y in jaren:
            c, tl = school_rows[k][y]
            row += [str(c[s]) if s in c else "" for s in soorten] + [str(tl) if tl else ""]
        csv_rows.append(";".join(row))
    if bao:
        y_lines.append("bao_bao:")
        y_lines += [f"  - {{van: {a}, naar: {b}, overstap: {o}, verwijzing: {v}}}" for a, b, o, v in bao]
    w = lambda name, lines: open(os.path.join(out, name), "w", encoding="utf-8").write("\n".join(lines) + "\n")
    w(prefix + ".yaml", y_lines)
    w(prefix + ".csv", csv_rows)
    w(prefix + "-stromen.csv", ["school;soort;inschrijving;vertrek"] +
      [f"{ids[k]};{x['soort']};{x['inschrijving']};{x.get('vertrek', '')}" for k in range(n) for x in stromen[k]])
    w(prefix + "-bao-bao.csv", ["van;naar;overstap;verwijzing"] + [";".join(b) for b in bao])
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    w(prefix + "-scenario.yaml", [
        f"naam: {n} synthetische scholen ({pupils} leerlingen) met de onzekerheden van het plan",
        f"extends: {repo}/scenarios/zuid-kennemerland-2024-risico.yaml",
        f"leerlingen: {{bo: {{teldatum: {{2023: {pupils}}}}}}}",
        f"scholen: {prefix}.yaml",
        "top: {tlv_sbo_tarief: 6635, dws_prijs: 1350, tlv_op_bao_per_leerling: 12600}"])
    w(prefix + "-scenario-csv.yaml", [
        f"naam: {n} synthetische scholen uit CSV",
        f"extends: {prefix}-scenario.yaml",
        f"scholen: {{bestand: {prefix}.csv, stromen: {prefix}-stromen.csv, bao_bao: {prefix}-bao-bao.csv}}"])
    print(f"{out}: {n} scholen, {pupils} leerlingen, {n_stromen} stromen, {len(bao)} bao-bao")


if len(sys.argv) > 1:
    groot(sys.argv[1:])
    sys.exit(0)

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
