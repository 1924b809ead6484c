#!/usr/bin/env python3
"""2,000 small projects of 300 participants each, for the batch benchmark.

  bench/generate_batch.py FOLDER
"""
import os
import random
import sys

REASONS = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"]


def main(folder: str) -> None:
    rng = random.Random(2000)
    for p in range(2000):
        d = os.path.join(folder, f"p{p:04d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "project.yaml"), "w", encoding="utf-8") as f:
            f.write(f"id: p{p:04d}\nname: Projekt {p}\nperiod: {{start: 2021-01-01, end: 2023-12-31}}\n")
            f.write("subprojects:\n  - {id: a, name: A, group: Norr}\n  - {id: b, name: B, group: Syd}\n  - {id: c, name: C, group: Syd}\n")
            f.write("activities: [{code: coaching, label: Coaching}, {code: praktik, label: Praktik}]\n")
            f.write("goals:\n  - {id: n, metric: participants, target: 250, by_gender: {kvinna: 120, man: 120}}\n")
            f.write("  - {id: as, metric: exit_share, reasons: [arbete, studier], target: 50%}\n")
            f.write("sections:\n  summary: |\n    Ett av två tusen projekt i ett prov på hastighet.\n")
        rows = ["id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities"]
        for n in range(300):
            start = f"2021-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            ended = rng.random() < 0.7
            end = f"2023-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}" if ended else ""
            reason = REASONS[rng.randrange(5)] if ended else ""
            acts = ";".join(a for a in ["coaching", "praktik"] if rng.random() < 0.5)
            rows.append(f"{p}-{n},{'abc'[rng.randrange(3)]},{['kvinna', 'man'][rng.randrange(2)]},{1960 + rng.randrange(45)},{start},{end},{reason},{acts}")
        with open(os.path.join(d, "participants.csv"), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
