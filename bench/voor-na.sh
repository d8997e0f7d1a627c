#!/usr/bin/env bash
# Voor/na-meting van de snelheid (README, "Snelheid"; issue 15): dezelfde commando's met twee
# builds van begroting, afwisselend, in een zitting. Drukt per meting de mediaan van wandklok,
# CPU-tijd (user + sys) en piek-RSS (/usr/bin/time -v: "Maximum resident set size"), met de
# load average erbij: op een gedeelde machine zegt de CPU-tijd meer dan de wandklok.
#
#   bench/voor-na.sh OUDE_BEGROTING NIEUWE_BEGROTING [RUNS]
#
# De tijd per school (vlak van 86 tot 6.500 scholen): risk --paths 10000 zonder scholen, met 86, 650
# en 6.500 scholen; (CPU met N scholen - CPU zonder) / (N x 10.000) is de CPU-tijd per school per pad.
#
# De bestanden met 650, 6.500 en 43.000 synthetische scholen maakt het script zelf in een tijdelijke
# map (scripts/genereer-scholen-synthetisch.py; 43.000 scholen is een scholen-CSV van 4 MB).
set -euo pipefail
old=$1 new=$2 runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/scripts/genereer-scholen-synthetisch.py" --scholen 650 --leerlingen 140000 --uit "$tmp/s650" >/dev/null
python3 "$root/scripts/genereer-scholen-synthetisch.py" --scholen 6500 --leerlingen 1400000 --uit "$tmp/s6500" >/dev/null
python3 "$root/scripts/genereer-scholen-synthetisch.py" --scholen 43000 --leerlingen 9000000 --uit "$tmp/s43000" >/dev/null
risico="$root/scenarios/zuid-kennemerland-2024-risico.yaml"
# The 43,000 schools as CSV only (the generated -scenario-csv.yaml extends the YAML one, whose 16 MB
# schools file is over the loader's 4 MB limit).
cat > "$tmp/s43000/csv.yaml" <<YAML
naam: 43000 synthetische scholen uit CSV
extends: $risico
leerlingen: {bo: {teldatum: {2023: 9000000}}}
scholen: {bestand: scholen-43000.csv, stromen: scholen-43000-stromen.csv, bao_bao: scholen-43000-bao-bao.csv}
top: {tlv_sbo_tarief: 6635, dws_prijs: 1350, tlv_op_bao_per_leerling: 12600}
YAML
measure() {  # label, args...
  local label=$1; shift
  [[ -z "$only" || "$label" == *"$only"* ]] || return 0
  for bin in "$old" "$new"; do
    local vals=()
    for ((k = 0; k < runs; k++)); do
      /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$bin" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
      vals+=("$(cat "$tmp/t")")
    done
    printf '%s\n' "${vals[@]}" | python3 -c '
import sys, statistics as st
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall = st.median(r[0] for r in rows); cpu = st.median(r[1] + r[2] for r in rows); rss = st.median(r[3] for r in rows) / 1024
print(f"{sys.argv[1]:<58} {sys.argv[2]:<5} wandklok {wall:7.3f} s  CPU {cpu:7.3f} s  piek-RSS {rss:7.1f} MB")
' "$label" "$([ "$bin" = "$old" ] && echo voor || echo na)"
  done
}
only=${ONLY:-}  # ONLY=tekst: alleen de metingen waarvan het label die tekst bevat
echo "load average bij de start: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per meting (mediaan)"
measure "risk, 10.000 paden (standaard)" risk "$risico"
measure "risk, 200.000 paden, 1 thread" risk "$risico" --paths 200000 --threads 1
measure "risk, 1.000.000 paden, 2 threads" risk "$risico" --paths 1000000 --threads 2
measure "run, 6.500 scholen (YAML)" run "$tmp/s6500/scholen-6500-scenario.yaml"
measure "run, 6.500 scholen (CSV)" run "$tmp/s6500/scholen-6500-scenario-csv.yaml"
measure "risk --paths 10000, zonder scholen" risk "$risico" --paths 10000
measure "risk --paths 10000, 86 scholen" risk "$root/tests/data/risico-scholen.yaml" --paths 10000
measure "risk --paths 10000, 650 scholen" risk "$tmp/s650/scholen-650-scenario.yaml" --paths 10000
measure "risk --paths 10000, 6.500 scholen" risk "$tmp/s6500/scholen-6500-scenario.yaml" --paths 10000
measure "run --view scholen --format json, scholen-CSV 4 MB" run "$tmp/s43000/csv.yaml" --view scholen --format json
echo "load average aan het eind: $(cut -d' ' -f1-3 /proc/loadavg)"
