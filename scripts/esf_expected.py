#!/usr/bin/env python3
"""Works out every figure of SPEC §4.8–4.10 for the hand-checked ESF+ fixture
and writes them to its expected.json, independently of slutrapport (which it
never runs): the breakdowns, the ESF+ indicators with their "not stated"
counts, the timeline month by month, and the goals on breakdowns.

  python3 scripts/esf_expected.py [FOLDER]      (default Tests/Fixtures/esf-hand)

It reads FOLDER/project.yaml (PyYAML) and FOLDER/participants.csv with the
rules of SPEC §3.2 and §3.6 written out again here, and prints a summary to
check by hand. Counts are {"women", "men", "other", "total"}; every list is
in report order. Tests/Fixtures/esf-hand/README.md says what each entry is.
"""
import calendar
import csv
import datetime as dt
import json
import os
import sys

import yaml

# SPEC §3.2: canonical column names and their Swedish aliases.
STANDARD_COLUMNS = {
    "id": ["id", "deltagar_id", "deltagare"],
    "subproject": ["subproject", "delprojekt"],
    "gender": ["gender", "kön", "kon"],
    "birth_year": ["birth_year", "födelseår"],
    "start_date": ["start_date", "startdatum"],
    "end_date": ["end_date", "slutdatum"],
    "exit_reason": ["exit_reason", "avslutsorsak"],
    "activities": ["activities", "aktiviteter"],
}
GENDERS = {
    "kvinna": "women", "k": "women", "woman": "women", "female": "women", "f": "women",
    "man": "men", "m": "men", "male": "men",
    "annat": "other", "ej angivet": "other", "other": "other", "x": "other",
}
# SPEC §3.6: the ESF+ breakdowns in declaration order, their columns and codes.
YES = ["ja", "yes", "j", "y", "1", "x"]
NO = ["nej", "no", "n", "0"]
YES_NO = [("yes", YES), ("no", NO)]
ESF_BREAKDOWNS = [
    ("labour_status", ["labour_status", "arbetsmarknadsstatus"],
     [(c, [c]) for c in ["unemployed", "long_term_unemployed", "inactive", "employed"]], False),
    ("education", ["education", "utbildningsniva", "utbildningsnivå"],
     [(c, [c]) for c in ["isced_0_2", "isced_3_4", "isced_5_8"]], False),
    ("disability", ["disability", "funktionsnedsattning", "funktionsnedsättning"], YES_NO, True),
    ("third_country_national", ["third_country_national", "tredjelandsmedborgare"], YES_NO, False),
    ("foreign_background", ["foreign_background", "utlandsk_bakgrund", "utländsk_bakgrund"], YES_NO, False),
    ("minority", ["minority", "minoritet"], YES_NO, True),
    ("homeless", ["homeless", "hemlos", "hemlös"], YES_NO, False),
    ("rural", ["rural", "landsbygd"], YES_NO, False),
    ("qualification", ["qualification", "kvalifikation"], YES_NO, False),
]
DEFAULT_EXIT_REASONS = [("arbete", "Arbete"), ("studier", "Studier"), ("avbrutit", "Avbrutit"),
                        ("annan_orsak", "Annan orsak"), ("fullfoljt", "Fullföljt projektet")]
DEFAULT_ESF_RESULT = {"arbete": "employment", "studier": "education"}


def zero():
    return {"women": 0, "men": 0, "other": 0, "total": 0}


def add(counts, gender):
    counts[gender] += 1
    counts["total"] += 1


def day(text):
    # A date, with any time after it ignored (SPEC §3.2).
    return dt.date.fromisoformat(text.strip()[:10])


def declared_breakdowns(project):
    """(id, sensitive, multiple, column names, [(code, spellings)]) in report
    order: the user's, then with esf_plus the ESF+ ones."""
    result = []
    for b in project.get("breakdowns") or []:
        values = [(str(v["code"]), [str(v["code"]).lower()] + ([str(v["label"]).lower()] if v.get("label") else []))
                  for v in b["values"]]
        column = str(b.get("column", b["id"])).strip().lower()
        result.append((b["id"], bool(b.get("sensitive", False)), bool(b.get("multiple", False)), [column], values))
    if project.get("esf_plus"):
        for bid, columns, values, sensitive in ESF_BREAKDOWNS:
            result.append((bid, sensitive, False, columns, values))
    return result


def read_rows(folder):
    with open(os.path.join(folder, "participants.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = [h.strip().lower() for h in rows[0]]
    return header, rows[1:]


def column_of(header, names):
    for i, h in enumerate(header):
        if h in names:
            return i
    return None


def codes_in(cell, values, multiple):
    """The codes a cell names; [] when empty (not stated). An unknown code is a
    fixture error, so it stops the script."""
    cell = cell.strip()
    if not cell:
        return []
    parts = [p.strip() for p in cell.replace("|", ";").split(";")] if multiple else [cell]
    codes = []
    for p in parts:
        matches = [code for code, spellings in values if p.lower() in spellings]
        if len(matches) != 1:
            sys.exit(f"not a code: {p!r}")
        if matches[0] not in codes:
            codes.append(matches[0])
    return codes


def main(folder):
    with open(os.path.join(folder, "project.yaml"), encoding="utf-8") as f:
        project = yaml.safe_load(f)
    as_of = project.get("report", {}).get("as_of") or project["period"]["end"]
    period_start = project["period"]["start"]
    reasons = [(str(r["code"]), str(r["label"]), r.get("esf_result")) for r in project.get("exit_reasons") or []] \
        or [(c, l, None) for c, l in DEFAULT_EXIT_REASONS]
    esf_result = {}
    for code, label, result in reasons:
        r = result or DEFAULT_ESF_RESULT.get(code)
        for spelling in (code, label):
            esf_result[spelling.lower().replace(" ", "_")] = r
    breakdowns = declared_breakdowns(project)

    header, rows = read_rows(folder)
    col = {name: column_of(header, names) for name, names in STANDARD_COLUMNS.items()}

    people = []
    late = 0
    for row in rows:
        start = day(row[col["start_date"]])
        if start > as_of:
            late += 1
            continue
        end_text = row[col["end_date"]].strip() if col["end_date"] is not None else ""
        end = day(end_text) if end_text else None
        birth = row[col["birth_year"]].strip() if col["birth_year"] is not None else ""
        reason = row[col["exit_reason"]].strip().lower().replace(" ", "_") if end else ""
        values = {}
        for bid, _, multiple, columns, codes in breakdowns:
            i = column_of(header, columns)
            values[bid] = codes_in(row[i], codes, multiple) if i is not None else []
        people.append({
            "gender": GENDERS[row[col["gender"]].strip().lower()],
            "age": start.year - int(birth) if birth else None,
            "start": start,
            "end": end,
            # Ended at the as-of date: an end after it is not yet known (SPEC §4.2).
            "ended": end is not None and end <= as_of,
            "result": esf_result[reason] if end is not None and end <= as_of else None,
            "values": values,
        })

    counted, ended, active = zero(), zero(), zero()
    for p in people:
        add(counted, p["gender"])
        add(ended if p["ended"] else active, p["gender"])

    # §4.8: each breakdown's values and not stated, over counted and over ended participants.
    breakdown_figures = []
    for bid, sensitive, multiple, _, codes in breakdowns:
        def tally(group):
            values = {code: zero() for code, _ in codes}
            not_stated = zero()
            for p in group:
                if not p["values"][bid]:
                    add(not_stated, p["gender"])
                for code in p["values"][bid]:
                    add(values[code], p["gender"])
            return [dict(code=code, **values[code]) for code, _ in codes], not_stated
        values, not_stated = tally(people)
        ended_values, ended_not_stated = tally([p for p in people if p["ended"]])
        breakdown_figures.append({"id": bid, "sensitive": sensitive, "multiple": multiple,
                                  "values": values, "notStated": not_stated,
                                  "endedValues": ended_values, "endedNotStated": ended_not_stated})

    # §4.9: the ESF+ indicators.
    esf = None
    if project.get("esf_plus"):
        def count(group, test):
            c = zero()
            for p in group:
                if test(p):
                    add(c, p["gender"])
            return c

        def has(bid, *codes):
            return lambda p: any(c in p["values"][bid] for c in codes)

        left = [p for p in people if p["ended"]]
        age = lambda test: (lambda p: p["age"] is not None and test(p["age"]))  # noqa: E731
        outputs = [
            ("total", lambda p: True),
            ("unemployed", has("labour_status", "unemployed", "long_term_unemployed")),
            ("long_term_unemployed", has("labour_status", "long_term_unemployed")),
            ("inactive", has("labour_status", "inactive")),
            ("employed", has("labour_status", "employed")),
            ("below_18", age(lambda a: a < 18)),
            ("age_18_29", age(lambda a: 18 <= a <= 29)),
            ("age_55_plus", age(lambda a: a >= 55)),
            ("isced_0_2", has("education", "isced_0_2")),
            ("isced_3_4", has("education", "isced_3_4")),
            ("isced_5_8", has("education", "isced_5_8")),
            ("disability", has("disability", "yes")),
            ("third_country_national", has("third_country_national", "yes")),
            ("foreign_background", has("foreign_background", "yes")),
            ("minority", has("minority", "yes")),
            ("homeless", has("homeless", "yes")),
            ("rural", has("rural", "yes")),
        ]
        results = [
            ("job_searching", lambda p: p["result"] == "job_searching"),
            ("education_training", lambda p: p["result"] == "education"),
            ("qualification", has("qualification", "yes")),
            ("employment", lambda p: p["result"] == "employment"),
        ]
        indicators = [dict(id=i, kind="output", **count(people, t)) for i, t in outputs] \
            + [dict(id=i, kind="result", **count(left, t)) for i, t in results]
        groups = ["labour_status", "age", "education", "disability", "third_country_national",
                  "foreign_background", "minority", "homeless", "rural", "qualification"]
        not_stated = []
        for g in groups:
            if g == "age":
                c = count(people, lambda p: p["age"] is None)
            elif g == "qualification":
                # A result: not stated among the ended.
                c = count(left, lambda p: not p["values"]["qualification"])
            else:
                c = count(people, lambda p, g=g: not p["values"][g])
            not_stated.append(dict(group=g, sensitive=g in ("disability", "minority"), **c))
        esf = {"indicators": indicators, "notStated": not_stated}

    # §4.10: month by month from the earlier of period.start and the first start to the as-of month.
    first = min([period_start] + [p["start"] for p in people])
    months = []
    y, m = first.year, first.month
    while (y, m) <= (as_of.year, as_of.month):
        last = dt.date(y, m, calendar.monthrange(y, m)[1])
        e = min(last, as_of)
        started = {"women": 0, "men": 0, "other": 0, "total": 0}
        ended_m, act, cum = zero(), zero(), zero()
        for p in people:
            if (p["start"].year, p["start"].month) == (y, m):
                add(started, p["gender"])
            if p["end"] is not None and (p["end"].year, p["end"].month) == (y, m) and p["end"] <= as_of:
                add(ended_m, p["gender"])
            if p["start"] <= e:
                add(cum, p["gender"])
                if p["end"] is None or p["end"] > e:
                    add(act, p["gender"])
        months.append({"month": f"{y:04d}-{m:02d}", "started": started, "ended": ended_m,
                       "active": act, "cumulative": cum})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    # Goals on breakdowns: the share of counted participants with a value in `values`.
    goals = []
    for g in project.get("goals") or []:
        if g["metric"] == "participants":
            goals.append({"id": g["id"], "metric": "participants", "outcome": counted["total"],
                          "target": g["target"], "met": counted["total"] >= g["target"]})
        elif g["metric"] == "breakdown_share":
            hits = sum(1 for p in people if any(v in p["values"][g["breakdown"]] for v in g["values"]))
            target = float(str(g["target"]).rstrip("%").strip())
            share = 100 * hits / counted["total"]
            goals.append({"id": g["id"], "metric": "breakdown_share", "numerator": hits,
                          "denominator": counted["total"], "outcome": round(share, 1),
                          "target": target, "met": share >= target})

    expected = {
        "asOf": as_of.isoformat(),
        "lateStarters": late,
        "participants": counted,
        "ended": ended,
        "active": active,
        "breakdowns": breakdown_figures,
        "esf": esf,
        "timeline": months,
        "goals": goals,
    }
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    summary(expected)


def summary(e):
    def gc(c):
        return f"{c['women']:>3} {c['men']:>3} {c['other']:>3} {c['total']:>4}"
    print(f"as of {e['asOf']}: participants {gc(e['participants'])}  ended {gc(e['ended'])}  "
          f"active {gc(e['active'])}  late starters {e['lateStarters']}")
    print("                          women men other total")
    for b in e["breakdowns"]:
        print(f"breakdown {b['id']}{' (sensitive)' if b['sensitive'] else ''}")
        for v in b["values"]:
            print(f"  {v['code']:24}{gc(v)}")
        print(f"  {'not stated':24}{gc(b['notStated'])}")
    if e["esf"]:
        print("ESF+ indicators")
        for i in e["esf"]["indicators"]:
            print(f"  {i['id']:24}{gc(i)}  {i['kind']}")
        print("ESF+ not stated")
        for n in e["esf"]["notStated"]:
            print(f"  {n['group']:24}{gc(n)}")
    print("timeline: month, started, ended, active, cumulative (totals)")
    for m in e["timeline"]:
        print(f"  {m['month']} {m['started']['total']:>3} {m['ended']['total']:>3} {m['active']['total']:>3} "
              f"{m['cumulative']['total']:>3}")
    for g in e["goals"]:
        print("goal", g)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/esf-hand")
