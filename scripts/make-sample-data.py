#!/usr/bin/env python3
"""Writes the synthetic participant rows of data/vak2 and data/merit and the
tallies of data/bidrag-till-forsorjning, and prints the figures they must give.

The totals come from the seed documents (see data/README.md); the rows are
invented. Deterministic: the same seed gives the same rows. The programme's
tallies are kept the way such a programme keeps them, in a workbook:
counts.xlsx, saved by LibreOffice Calc from the CSV (its bytes vary with
LibreOffice's version; the figures do not, and ExamplesTests checks them).
Run from the repository root: python3 scripts/make-sample-data.py [NAME ...]
(NAME: vak2, merit or programme; default all three).
"""
import csv
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
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


def merit():
    """data/merit: an ESF+ project (esf_plus: true) modelled on seed 001's
    targets: at least 725 young people, 47 % women and 53 % men. Every
    column has its Swedish name and the file is `;`-separated, as Swedish
    Excel saves it; some cells are empty, as a case system's export has them.
    The rows and every share below are invented."""
    rng = random.Random(20251231)
    end_of_period = dt.date(2025, 12, 31)
    first, last_start = dt.date(2023, 1, 16), dt.date(2025, 10, 31)
    women, men = 357, 403
    genders = ["kvinna"] * women + ["man"] * men
    rng.shuffle(genders)
    reasons = [("arbete", 30), ("studier", 22), ("eget_foretag", 2), ("arbetssokande", 18),
               ("avbrutit", 15), ("annan_orsak", 13)]

    def pick(weighted):
        n = rng.randrange(sum(w for _, w in weighted))
        for value, w in weighted:
            if n < w:
                return value
            n -= w
        raise AssertionError

    def yes_no(yes, empty):
        return pick([("Ja", yes), ("", empty), ("Nej", 1000 - yes - empty)])

    header = ["deltagar_id", "delprojekt", "kön", "födelseår", "startdatum", "slutdatum", "avslutsorsak",
              "aktiviteter", "arbetsmarknadsstatus", "utbildningsniva", "funktionsnedsattning",
              "tredjelandsmedborgare", "utlandsk_bakgrund", "minoritet", "hemlos", "landsbygd", "kvalifikation",
              "väg_in", "försörjning"]
    rows = []
    truth = {}

    def count(key, gender):
        truth[(key, gender)] = truth.get((key, gender), 0) + 1

    for n, gender in enumerate(genders, 1):
        start = first + dt.timedelta(days=rng.randrange((last_start - first).days + 1))
        end = start + dt.timedelta(days=rng.randrange(30, 420))
        reason = pick(reasons)
        if end > end_of_period or rng.random() < 0.04:
            end, reason = None, ""  # still in the project when it ends
        age = pick([(16, 3), (17, 5)] + [(a, 8) for a in range(18, 30)] + [(a, 1) for a in range(30, 36)])
        birth = "" if rng.random() < 0.02 else str(start.year - age)
        status = pick([("unemployed", 450), ("long_term_unemployed", 250), ("inactive", 270), ("employed", 20), ("", 10)])
        education = pick([("isced_0_2", 450), ("isced_3_4", 450), ("isced_5_8", 60), ("", 40)])
        qualification = yes_no(400, 100) if end else ""
        acts = [a for a, p in (("prova_pa", 0.40), ("yrkesspar", 0.45), ("stod", 0.85)) if rng.random() < p]
        way_in = pick([("jobbtorg", 45), ("arbetsformedlingen", 30), ("uppsokande", 25)])
        support = pick([("forsorjningsstod", 45), ("aktivitetsstod", 30), ("forsorjningsstod;aktivitetsstod", 10),
                        ("ingen", 10), ("", 5)])
        rows.append([f"MJ-{n:04d}", "rinkeby-kista" if rng.random() < 0.55 else "spanga-tensta", gender, birth,
                     start.isoformat(), end.isoformat() if end else "", reason, ";".join(acts), status, education,
                     yes_no(70, 80), yes_no(180, 20), yes_no(620, 20), yes_no(15, 200), yes_no(40, 30),
                     yes_no(0, 30), qualification, way_in, support])
        count("participants", gender)
        count("ended" if end else "active", gender)
        count("status " + (status or "not stated"), gender)
        count("disability " + (rows[-1][10] or "not stated"), gender)
        count("way in " + way_in, gender)
        if end:
            count("exit " + reason, gender)
            count("qualification " + (qualification or "not stated"), gender)
        if birth == "":
            count("age not stated", gender)
        elif age < 18:
            count("below 18", gender)
        else:
            count("18-29" if age <= 29 else "30-54", gender)
    with open("data/merit/participants.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
    print("merit figures at", end_of_period, "(kvinna, man)")
    for key in sorted({k for k, _ in truth}):
        print(f"  {key:28}", truth.get((key, "kvinna"), 0), truth.get((key, "man"), 0))


if __name__ == "__main__":
    # The programme's workbook needs LibreOffice; the others only Python.
    for name in sys.argv[1:] or ["vak2", "merit", "programme"]:
        {"vak2": vak2, "merit": merit, "programme": programme}[name]()
