#!/usr/bin/env python3
"""Deterministic participant data for benchmarks: same seed, same bytes.

  bench/generate.py ROWS FOLDER   writes FOLDER/project.yaml and FOLDER/participants.csv
"""
import os
import random
import sys

SUBPROJECTS = [f"sp{i:02d}" for i in range(12)]
ACTIVITIES = ["coaching", "praktik", "studier", "halsa", "grupp"]
REASONS = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"]


def main(rows: int, folder: str) -> None:
    rng = random.Random(20221231 + rows)
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
    genders = ["kvinna", "man", "kvinna", "man", "annat"]
    with open(os.path.join(folder, "participants.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities\n")
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
            out.append(f"D{n:08d},{SUBPROJECTS[rng.randrange(12)]},{genders[rng.randrange(5)]},{1950 + rng.randrange(50)},{start},{end},{reason},{acts}\n")
            if len(out) >= 100000:
                f.write("".join(out))
                out = []
        f.write("".join(out))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
