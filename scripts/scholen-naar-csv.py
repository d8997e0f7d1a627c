#!/usr/bin/env python3
"""Converts a YAML schools file (scholen: [...], bao_bao: [...]) to the three CSV tables the loader
also reads (separator ';', as Dutch Excel writes; first line the header):

  PREFIX.csv          id;naam;bestuur;leerlingen JJJJ;...;sbo_ikc JJJJ;so_cat1 JJJJ;so_cat2 JJJJ;so_cat3 JJJJ;dws JJJJ;tlv_op_bao JJJJ
                      (and opmaat_so_cat1 JJJJ;... for the years in which a school has Opmaat weeks, 8.1.8)
  PREFIX-stromen.csv  school;soort;inschrijving;vertrek
  PREFIX-bao-bao.csv  van;naar;overstap;verwijzing

A value the YAML does not give is an empty cell, so both files give the same schools.
Run: python3 scripts/scholen-naar-csv.py scenarios/gegevens/scholen-zuid-kennemerland.yaml
(writes next to the YAML file). The synthetic Zuid-Kennemerland data is SYNTHETIC: CSV has no
comments, so the README and scripts/genereer-scholen-synthetisch.py say so. Needs python3-yaml."""
import csv
import datetime
import sys

import yaml

SOORTEN = ["sbo_ikc", "so_cat1", "so_cat2", "so_cat3", "dws"]
OPMAAT = ["so_cat1", "so_cat2", "so_cat3"]


def cell(v):
    if v is None:
        return ""
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return str(v)


def main(path):
    data = yaml.safe_load(open(path, encoding="utf-8"))
    scholen = data["scholen"]
    prefix = path.rsplit(".", 1)[0]
    teldata = sorted({int(y) for s in scholen for y in s.get("leerlingen", {})})
    jaren = sorted({int(y) for s in scholen for y in list(s.get("plaatsingen", {})) + list(s.get("tlv_op_bao", {}))})
    header = ["id", "naam", "bestuur"] + [f"leerlingen {y}" for y in teldata]
    opmaat_jaren = sorted({int(y) for s in scholen for y in s.get("opmaat", {})})
    for y in jaren:
        header += [f"{k} {y}" for k in SOORTEN] + [f"tlv_op_bao {y}"]
    for y in opmaat_jaren:
        header += [f"opmaat_{k} {y}" for k in OPMAAT]
    with open(prefix + ".csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        for s in scholen:
            row = [s["id"], s["naam"], s["bestuur"]] + [cell(s.get("leerlingen", {}).get(y)) for y in teldata]
            for y in jaren:
                p = s.get("plaatsingen", {}).get(y, {})
                row += [cell(p.get(k)) for k in SOORTEN] + [cell(s.get("tlv_op_bao", {}).get(y))]
            for y in opmaat_jaren:
                o = s.get("opmaat", {}).get(y, {})
                row += [cell(o.get(k)) for k in OPMAAT]
            w.writerow(row)
    with open(prefix + "-stromen.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["school", "soort", "inschrijving", "vertrek"])
        for s in scholen:
            for x in s.get("stromen", []):
                w.writerow([s["id"], x["soort"], cell(x["inschrijving"]), cell(x.get("vertrek"))])
    with open(prefix + "-bao-bao.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["van", "naar", "overstap", "verwijzing"])
        for b in data.get("bao_bao", []):
            w.writerow([b["van"], b["naar"], cell(b["overstap"]), cell(b.get("verwijzing"))])


if __name__ == "__main__":
    main(sys.argv[1])
