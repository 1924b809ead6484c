#!/usr/bin/env python3
"""Writes the synthetic participant rows of data/vak2 and the tallies of
data/bidrag-till-forsorjning, and prints the figures they must give.

The totals come from the seed documents (see data/README.md); the rows are
invented. Deterministic: the same seed gives the same rows. The programme's
tallies are kept the way such a programme keeps them, in a workbook:
counts.xlsx, saved by LibreOffice Calc from the CSV (its bytes vary with
LibreOffice's version; the figures do not, and ExamplesTests checks them).
Run from the repository root: python3 scripts/make-sample-data.py
"""
import csv
import datetime as dt
import os
import random
import shutil
import subprocess
import tempfile

AS_OF = dt.date(2022, 9, 30)
REASONS = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"]


def vak2():
    rng = random.Random(20220930)
    # Participants per municipality and gender: 114 women, 168 men in all (seed 004).
    subprojects = [("arvika", 19, 29), ("hammaro", 15, 21), ("karlstad", 34, 50),
                   ("kil", 14, 20), ("kristinehamn", 19, 27), ("sunne", 13, 21)]
    # Exits by gender at 2022-09-30, chosen so that the shares round to the
    # seed's pie charts (women 28/29/3/30/9 %, men 30/27/4/25/14 %).
    exits = {"kvinna": [28, 29, 3, 30, 9], "man": [43, 38, 6, 36, 20]}
    active = {"kvinna": 15, "man": 25}
    later_exits = {"kvinna": 5, "man": 8}  # active at the as-of date, ended afterwards
    states = {}
    for g in exits:
        s = [r for r, n in zip(REASONS, exits[g]) for _ in range(n)]
        s += ["later"] * later_exits[g] + ["active"] * (active[g] - later_exits[g])
        rng.shuffle(s)
        states[g] = s
    people = []
    for sp, w, m in subprojects:
        people += [(sp, "kvinna")] * w + [(sp, "man")] * m
    rng.shuffle(people)
    start0 = dt.date(2020, 9, 1)
    rows, truth = [], {}
    for n, (sp, g) in enumerate(people, 1):
        state = states[g].pop()
        start = start0 + dt.timedelta(days=rng.randrange(0, (AS_OF - start0).days - 30))
        end, reason = "", ""
        if state in REASONS:
            end_day = start + dt.timedelta(days=rng.randrange(14, max(15, (AS_OF - start).days + 1)))
            end, reason = min(end_day, AS_OF).isoformat(), state
        elif state == "later":
            end = (AS_OF + dt.timedelta(days=rng.randrange(1, 240))).isoformat()
            reason = rng.choice(["arbete", "studier", "fullfoljt"])
        acts = []
        if rng.random() < 0.90: acts.append("coaching")
        if rng.random() < 0.43: acts.append("grupp")
        if rng.random() < 0.30: acts.append("studier")
        if rng.random() < 0.25: acts.append("halsa")
        birth = rng.randrange(max(1991, start.year - 29), start.year - 15 + 1)
        rows.append([f"VA2-{n:04d}", sp, g, birth, start.isoformat(), end, reason, ";".join(acts)])
        key = (sp, g, state if state in REASONS else "active")
        truth[key] = truth.get(key, 0) + 1
        for a in acts:
            truth[("act", a)] = truth.get(("act", a), 0) + 1
    with open("data/vak2/participants.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "subproject", "gender", "birth_year", "start_date", "end_date", "exit_reason", "activities"])
        w.writerows(rows)
    print("vak2 figures at", AS_OF)
    for sp, _, _ in subprojects:
        for g in ("kvinna", "man"):
            print(f"  {sp:13} {g:7}", {s: truth.get((sp, g, s), 0) for s in REASONS + ["active"]})
    print("  activities", {a: truth.get(("act", a), 0) for a in ["coaching", "grupp", "studier", "halsa"]})


def programme():
    # Outcomes per sub-project as reported in seed 002, mapped onto the five
    # exit reasons; the gender split is invented (the seed has none).
    tallies = {
        "riff": {"arbete": 12, "studier": 6, "annan_orsak": 5, "": 11},
        "fordjupningen": {"arbete": 25, "avbrutit": 19, "annan_orsak": 12, "": 100},
        "stodkonsulenterna": {"arbete": 10, "studier": 2, "avbrutit": 2, "annan_orsak": 5, "": 30},
        "mobilisering": {"arbete": 4, "studier": 2, "annan_orsak": 5, "": 6},
        "praktik-sfi": {"arbete": 17, "studier": 2, "": 21},
        "obekvam-arbetstid": {"arbete": 5, "studier": 7, "annan_orsak": 2, "": 12},
        "missbrukare": {"arbete": 4, "studier": 2, "annan_orsak": 5, "": 35},
        "nya-mottagningen": {"arbete": 40, "studier": 24, "annan_orsak": 10, "": 33},
        "lunda-nova": {"arbete": 37, "studier": 25, "annan_orsak": 10, "avbrutit": 40, "fullfoljt": 66, "": 158},
        "simba": {"arbete": 5, "studier": 7, "": 41},
    }
    rows, women, men = [], 0, 0
    for sp, cells in tallies.items():
        for reason, n in cells.items():
            w = n if sp == "simba" else n * 45 // 100
            for g, c in (("kvinna", w), ("man", n - w)):
                if c:
                    rows.append([sp, g, reason, c])
            women += w
            men += n - w
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "counts.csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            wr = csv.writer(f, lineterminator="\n")
            wr.writerow(["subproject", "gender", "exit_reason", "count"])
            wr.writerows(rows)
        # Comma, double quote, UTF-8, from line 1, Swedish locale (1053), detect numbers.
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(work, "profile"),
                        "--infilter=CSV:44,34,76,1,,1053,false,true", "--convert-to", "xlsx", "--outdir", work, path],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(work, "counts.xlsx"), "data/bidrag-till-forsorjning/counts.xlsx")
    ended = {r: sum(c.get(r, 0) for c in tallies.values()) for r in REASONS}
    print("programme: women", women, "men", men, "total", women + men,
          "active", sum(c.get("", 0) for c in tallies.values()), "ended", ended)


if __name__ == "__main__":
    vak2()
    programme()
