#!/usr/bin/env python3
"""Deterministic participant data for benchmarks: same seed, same bytes.

  bench/generate.py ROWS FOLDER [--esf]   writes FOLDER/project.yaml and FOLDER/participants.csv

With --esf (issue 17) the project has `esf_plus: true` and a breakdown of its
own with several codes a cell, and every row carries the nine ESF+ columns
under their Swedish names and that breakdown's column after the same
columns, with the same values, as without: the two files differ only by
those columns, which a second generator fills (about 3 % of the cells empty,
yes/no as `Ja`/`Nej`, as a case system exports them).
"""
import os
import random
import sys

SUBPROJECTS = [f"sp{i:02d}" for i in range(12)]
ACTIVITIES = ["coaching", "praktik", "studier", "halsa", "grupp"]
REASONS = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"]
ESF_HEADER = (",arbetsmarknadsstatus,utbildningsniva,funktionsnedsattning,tredjelandsmedborgare,"
              "utlandsk_bakgrund,minoritet,hemlos,landsbygd,kvalifikation,malgrupp")
LABOUR = ["unemployed", "long_term_unemployed", "inactive", "employed"]
EDUCATION = ["isced_0_2", "isced_3_4", "isced_5_8"]
TARGET_GROUPS = ["unga", "nyanlanda", "sjukskrivna", "foraldrar"]
# The share of yes of each yes/no column, in ESF_HEADER's order.
YES_SHARES = [0.07, 0.18, 0.55, 0.02, 0.04, 0.15]


def esf_cells(rng: random.Random, ended: bool) -> str:
    """One row's ESF+ cells and target groups, from their own generator."""
    def maybe(value):
        return "" if rng.random() < 0.03 else value

    cells = [maybe(LABOUR[rng.randrange(4)]), maybe(EDUCATION[rng.randrange(3)])]
    cells += [maybe("Ja" if rng.random() < p else "Nej") for p in YES_SHARES]
    cells.append(maybe("Ja" if rng.random() < 0.4 else "Nej") if ended else "")
    groups = [g for g in TARGET_GROUPS if rng.random() < 0.3]
    # Several codes with `;` between them, as the activities column has them.
    cells.append(";".join(groups))
    return "," + ",".join(cells)


def main(rows: int, folder: str, esf: bool = False) -> None:
    rng = random.Random(20221231 + rows)
    esf_rng = random.Random(20250101 + rows)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "project.yaml"), "w", encoding="utf-8") as f:
        f.write(f"id: bench-{rows}\nname: Benchmark {rows}\nperiod: {{start: 2019-01-01, end: 2023-12-31}}\n")
        f.write("report: {as_of: 2023-06-30}\nsubprojects:\n")
        for i, sp in enumerate(SUBPROJECTS):
            f.write(f"  - {{id: {sp}, name: Delprojekt {i}, group: Område {i % 3}, granted: {100000 * (i + 1)}}}\n")
        f.write("activities:\n")
        for a in ACTIVITIES:
            f.write(f"  - {{code: {a}, label: {a.capitalize()}}}\n")
        f.write("goals:\n  - {id: n, metric: participants, target: %d, by_gender: {kvinna: %d, man: %d}}\n" % (rows, rows // 2, rows // 2))
        f.write("  - {id: as, metric: exit_share, reasons: [arbete, studier], target: 50%}\n")
        f.write("  - {id: c, metric: activity_share, activity: coaching, target: 80%}\n")
        if esf:
            f.write("esf_plus: true\nbreakdowns:\n  - id: malgrupp\n    title: Målgrupp\n    multiple: true\n    values:\n")
            for g in TARGET_GROUPS:
                f.write(f"      - {{code: {g}, label: {g.capitalize()}}}\n")
    genders = ["kvinna", "man", "kvinna", "man", "annat"]
    with open(os.path.join(folder, "participants.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities" + (ESF_HEADER if esf else "") + "\n")
        out = []
        for n in range(rows):
            year = 2019 + rng.randrange(5)
            month = 1 + rng.randrange(12)
            day = 1 + rng.randrange(28)
            start = f"{year}-{month:02d}-{day:02d}"
            if rng.random() < 0.75:
                ey = min(2023, year + rng.randrange(2))
                em = month if ey == year else 1 + rng.randrange(12)
                end = f"{ey}-{max(em, month) if ey == year else em:02d}-{28:02d}"
                reason = REASONS[rng.randrange(5)]
            else:
                end, reason = "", ""
            acts = ";".join(a for a in ACTIVITIES if rng.random() < 0.35)
            extra = esf_cells(esf_rng, end != "") if esf else ""
            out.append(f"D{n:08d},{SUBPROJECTS[rng.randrange(12)]},{genders[rng.randrange(5)]},{1950 + rng.randrange(50)},{start},{end},{reason},{acts}{extra}\n")
            if len(out) >= 100000:
                f.write("".join(out))
                out = []
        f.write("".join(out))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], esf=sys.argv[3:] == ["--esf"])
