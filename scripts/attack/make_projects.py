#!/usr/bin/env python3
"""Project folders for the attacker test: a hand-made corpus of small projects
(the routes issue 23 names) and random projects from fixed seeds.

  make_projects.py OUTDIR [--random N] [--seed S]

Every project is valid input (project.yaml + participants.csv in the SPEC's
canonical columns, comma-separated UTF-8); run.py builds them all and a
project that does not build fails the run.
"""
import argparse
import csv
import datetime as dt
import os
import random

import yaml

D = dt.date


class NoAliases(yaml.SafeDumper):
    """slutrapport takes no YAML aliases (docs/input.md): write every value out."""

    def ignore_aliases(self, data):
        return True


def write_project(folder, project, rows, columns):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "project.yaml"), "w", encoding="utf-8") as f:
        yaml.dump(project, f, Dumper=NoAliases, allow_unicode=True, sort_keys=False, default_flow_style=False)
    with open(os.path.join(folder, "participants.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([r.get(c, "") for c in columns])


def person(i, gender, start, end=None, reason=None, birth=None, sub=None, **more):
    r = {"id": f"P{i:04d}", "gender": gender, "start_date": start.isoformat(),
         "end_date": end.isoformat() if end else "", "exit_reason": reason or "",
         "birth_year": "" if birth is None else str(birth)}
    if sub:
        r["subproject"] = sub
    r.update({k: v for k, v in more.items()})
    return r


# ---------------------------------------------------------------------------------------------
# the hand-made corpus

def corpus(out):
    made = []
    base_cols = ["id", "subproject", "gender", "birth_year", "start_date", "end_date", "exit_reason", "activities"]

    # c12: 12 participants, two subprojects with a participants goal each, a sensitive breakdown
    # with a breakdown_share goal per subproject, esf_plus with columns missing (minority, rural).
    rows = []
    g = ["kvinna", "man"] * 6
    for i in range(12):
        sub = "norr" if i < 7 else "syd"
        end = D(2023, 5, 1 + i) if i % 3 == 0 else None
        rows.append(person(i + 1, g[i], D(2023, 1, 2 + i), end, "arbete" if end and i % 2 == 0 else ("avbrutit" if end else None),
                           1990 + i, sub, activities="coaching" if i % 4 else "",
                           halsa="ja" if i in (1, 4, 8) else ("nej" if i != 11 else ""),
                           labour_status=["unemployed", "long_term_unemployed", "inactive", "employed"][i % 4],
                           education=["isced_0_2", "isced_3_4", ""][i % 3],
                           disability="ja" if i == 5 else "nej", third_country_national="nej",
                           foreign_background="ja" if i % 2 else "nej", homeless="nej", qualification="ja" if end else ""))
    p = {"id": "c12", "name": "Korpus 12", "period": {"start": D(2023, 1, 1), "end": D(2023, 12, 31)},
         "report": {"as_of": D(2023, 9, 30)}, "esf_plus": True,
         "subprojects": [{"id": "norr", "name": "Norr"}, {"id": "syd", "name": "Syd"}],
         "activities": [{"code": "coaching", "label": "Coaching"}],
         "breakdowns": [{"id": "halsa", "title": "Hälsa", "sensitive": True,
                         "values": [{"code": "ja", "label": "Ja"}, {"code": "nej", "label": "Nej"}]}],
         "goals": [{"id": "deltagare-norr", "metric": "participants", "target": 6, "subproject": "norr"},
                   {"id": "deltagare-syd", "metric": "participants", "target": 6, "subproject": "syd"},
                   {"id": "halsa-norr", "metric": "breakdown_share", "breakdown": "halsa", "values": ["nej"],
                    "target": "70%", "subproject": "norr"},
                   {"id": "halsa-syd", "metric": "breakdown_share", "breakdown": "halsa", "values": ["nej"],
                    "target": "70%", "subproject": "syd"}]}
    cols = base_cols + ["halsa", "labour_status", "education", "disability", "third_country_national",
                        "foreign_background", "homeless", "qualification"]
    write_project(os.path.join(out, "c12"), p, rows, cols)
    made.append("c12")

    # c30: 30 participants, every subproject in one area, an activity everyone took, a sensitive
    # breakdown with a goal per subproject, exit_share goals per subproject.
    rows = []
    for i in range(30):
        sub = ["a", "b", "c"][i % 3]
        end = D(2024, 3, 1 + i % 20) if i % 2 == 0 else None
        reason = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"][i % 5] if end else None
        rows.append(person(i + 1, "kvinna" if i % 3 else "man", D(2023, 6 + i % 6, 1 + i), end, reason,
                           1980 + i, sub, activities="alla;extra" if i % 5 == 0 else "alla",
                           stod=["psykisk", "fysisk", "ingen", ""][0 if i in (2, 17) else 1 if i in (5,) else 3 if i in (9, 10) else 2]))
    p = {"id": "c30", "name": "Korpus 30", "period": {"start": D(2023, 6, 1), "end": D(2024, 5, 31)},
         "subprojects": [{"id": s, "name": f"Del {s.upper()}", "group": "Alla"} for s in "abc"],
         "activities": [{"code": "alla", "label": "Gemensam start"}, {"code": "extra", "label": "Extra stöd"}],
         "breakdowns": [{"id": "stod", "title": "Stödbehov", "sensitive": True,
                         "values": [{"code": "psykisk", "label": "Psykisk ohälsa"}, {"code": "fysisk", "label": "Fysisk"},
                                    {"code": "ingen", "label": "Inget"}]}],
         "goals": [{"id": f"stod-{s}", "metric": "breakdown_share", "breakdown": "stod", "values": ["ingen"],
                    "target": "60%", "subproject": s} for s in "abc"]
         + [{"id": f"arbete-{s}", "metric": "exit_share", "reasons": ["arbete", "studier"], "target": "40%",
             "subproject": s} for s in "ab"]
         + [{"id": "alla", "metric": "activity_share", "activity": "alla", "target": "90%"}]}
    write_project(os.path.join(out, "c30"), p, rows, base_cols + ["stod"])
    made.append("c30")

    # c95: the goal on the "no" value of a sensitive breakdown (84.2 % of 95, 12 not stated), two
    # subprojects each with a per-subproject goal, a single-subproject area.
    rows = []
    for i in range(95):
        sub = "ost" if i < 60 else "vast"
        end = D(2022, 8, 1 + i % 28) if i % 4 else None
        reason = ["arbete", "studier", "annan_orsak", "fullfoljt", "avbrutit"][i % 5] if end else None
        rows.append(person(i + 1, "kvinna" if i % 2 else ("man" if i % 7 else "annat"), D(2021, 1 + i % 12, 1 + i % 27),
                           end, reason, None if i % 17 == 0 else 1960 + i % 45, sub,
                           activities="kurs" if i % 3 else "kurs;praktik",
                           beroende="ja" if i in (3, 40, 77) else ("" if i % 8 == 0 else "nej")))
    p = {"id": "c95", "name": "Korpus 95", "period": {"start": D(2021, 1, 1), "end": D(2022, 12, 31)},
         "report": {"as_of": D(2022, 9, 30)},
         "subprojects": [{"id": "ost", "name": "Öst", "group": "Stad"}, {"id": "vast", "name": "Väst", "group": "Land"}],
         "activities": [{"code": "kurs", "label": "Kurs"}, {"code": "praktik", "label": "Praktik"}],
         "breakdowns": [{"id": "beroende", "title": "Beroende", "sensitive": True,
                         "values": [{"code": "ja", "label": "Ja"}, {"code": "nej", "label": "Nej"}]}],
         "goals": [{"id": "nej", "metric": "breakdown_share", "breakdown": "beroende", "values": ["nej"], "target": "80%"},
                   {"id": "deltagare", "metric": "participants", "target": 90, "by_gender": {"kvinna": 45, "man": 45}},
                   {"id": "ost", "metric": "participants", "target": 50, "subproject": "ost"},
                   {"id": "vast", "metric": "participants", "target": 50, "subproject": "vast"},
                   {"id": "praktik", "metric": "activity_share", "activity": "praktik", "target": "30%", "subproject": "vast"}]}
    write_project(os.path.join(out, "c95"), p, rows, base_cols + ["beroende"])
    made.append("c95")
    return made


# ---------------------------------------------------------------------------------------------
# random projects

ESF_COLS = {"labour_status": ["unemployed", "long_term_unemployed", "inactive", "employed"],
            "education": ["isced_0_2", "isced_3_4", "isced_5_8"],
            "disability": None, "third_country_national": None, "foreign_background": None,
            "minority": None, "homeless": None, "rural": None, "qualification": None}


def random_project(seed, out):
    rnd = random.Random(seed)
    pid = f"r{seed:03d}"
    n = rnd.choice([rnd.randint(5, 20), rnd.randint(5, 60), rnd.randint(20, 300)])
    start = D(2020 + rnd.randint(0, 3), rnd.randint(1, 12), 1)
    end = start + dt.timedelta(days=rnd.randint(300, 900))
    as_of = rnd.choice([end, start + dt.timedelta(days=rnd.randint(200, (end - start).days))])
    project = {"id": pid, "name": f"Slump {seed}", "period": {"start": start, "end": end},
               "report": {"as_of": as_of}}
    nsub = rnd.choice([0, 1, 2, 2, 3, 4, 5, 6])
    subs = [f"s{i}" for i in range(nsub)]
    if subs:
        ngroups = rnd.choice([0, 1, 1, 2, 3])
        groups = [f"Område {c}" for c in "ABC"[:ngroups]]
        project["subprojects"] = []
        for i, s in enumerate(subs):
            d = {"id": s, "name": f"Delprojekt {s.upper()}"}
            if groups:
                d["group"] = groups[i % len(groups)] if i < len(groups) else rnd.choice(groups)
            project["subprojects"].append(d)
    if rnd.random() < 0.4:
        k = rnd.randint(2, 6)
        reasons = []
        for i in range(k):
            r = {"code": f"orsak{i}", "label": f"Orsak {i}", "positive": rnd.random() < 0.5}
            res = rnd.choice([None, None, "job_searching", "education", "employment"])
            if res:
                r["esf_result"] = res
            reasons.append(r)
        project["exit_reasons"] = reasons
        reason_codes = [r["code"] for r in reasons]
    else:
        reason_codes = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"]
    reason_w = [rnd.random() + 0.05 for _ in reason_codes]
    nact = rnd.choice([0, 0, 1, 2, 3, 4])
    acts = [f"akt{i}" for i in range(nact)]
    act_p = [rnd.choice([1.0, rnd.random(), rnd.random() * 0.2]) for _ in acts]
    if acts:
        project["activities"] = [{"code": a, "label": f"Aktivitet {a}"} for a in acts]
    band_choice = rnd.random()
    if band_choice < 0.2:
        project["age_bands"] = []
    elif band_choice < 0.6:
        lims = sorted(rnd.sample(range(16, 66), rnd.randint(1, 4)))
        project["age_bands"] = lims
    nb = rnd.choice([0, 0, 1, 1, 2, 3])
    bds = []
    for b in range(nb):
        k = rnd.randint(2, 4)
        bd = {"id": f"bd{b}", "title": f"Uppdelning {b}", "values": [{"code": f"v{j}", "label": f"Värde {b}.{j}"} for j in range(k)]}
        if rnd.random() < 0.5:
            bd["sensitive"] = True
        if rnd.random() < 0.3:
            bd["multiple"] = True
        bd_w = [rnd.random() + 0.02 for _ in range(k)]
        bds.append((bd, bd_w, rnd.choice([0, 0.02, 0.1, 0.3])))
    if bds:
        project["breakdowns"] = [b for b, _, _ in bds]
    esf = rnd.random() < 0.35
    esf_present = {}
    if esf:
        project["esf_plus"] = True
        for c in ESF_COLS:
            if rnd.random() < 0.85:
                esf_present[c] = (rnd.choice([0, 0.03, 0.15]), rnd.choice([0.02, 0.1, 0.3, 0.6]))
    p_other = rnd.choice([0, 0, 0.02, 0.1])
    p_women = rnd.uniform(0.2, 0.8)
    p_end = rnd.uniform(0.1, 0.95)
    p_birth_missing = rnd.choice([0, 0, 0.05, 0.3])
    rows = []
    span = (as_of - start).days
    for i in range(n):
        u = rnd.random()
        g = "annat" if u < p_other else ("kvinna" if u < p_other + p_women else "man")
        s = start + dt.timedelta(days=rnd.randint(0, max(0, span + 40)))  # some start after the as-of date
        e = None
        reason = None
        if rnd.random() < p_end:
            e = s + dt.timedelta(days=rnd.randint(0, 400))
            reason = rnd.choices(reason_codes, reason_w)[0]
        birth = None if rnd.random() < p_birth_missing else s.year - rnd.randint(15, 67)
        r = person(i + 1, g, s, e, reason, birth, rnd.choice(subs) if subs else None)
        taken = [a for a, pa in zip(acts, act_p) if rnd.random() < pa]
        r["activities"] = ";".join(taken)
        for bd, w, pns in bds:
            if rnd.random() < pns:
                r[bd["id"]] = ""
            elif bd.get("multiple"):
                vals = [v["code"] for v, wj in zip(bd["values"], w) if rnd.random() < wj / sum(w) * 1.5] or \
                       [rnd.choices([v["code"] for v in bd["values"]], w)[0]]
                r[bd["id"]] = "|".join(vals)
            else:
                r[bd["id"]] = rnd.choices([v["code"] for v in bd["values"]], w)[0]
        for c, (pns, pyes) in esf_present.items():
            if c == "qualification" and e is None:
                r[c] = ""
            elif rnd.random() < pns:
                r[c] = ""
            elif ESF_COLS[c]:
                r[c] = rnd.choice(ESF_COLS[c])
            else:
                r[c] = rnd.choice(["ja", "Ja", "yes", "1"]) if rnd.random() < pyes else rnd.choice(["nej", "no", "0"])
        rows.append(r)
    goals = []
    for j in range(rnd.choice([0, 1, 2, 3, 4])):
        kind = rnd.choice(["participants", "exit_share", "activity_share", "breakdown_share", "reported"])
        gid = f"mal{j}"
        sub = rnd.choice(subs) if subs and rnd.random() < 0.4 else None
        goal = {"id": gid, "text": f"Mål {j}"}
        if kind == "participants":
            goal.update(metric="participants", target=rnd.randint(1, max(2, n)))
            if rnd.random() < 0.4:
                goal["by_gender"] = {"kvinna": rnd.randint(0, n // 2 + 1), "man": rnd.randint(0, n // 2 + 1)}
        elif kind == "exit_share":
            goal.update(metric="exit_share", reasons=rnd.sample(reason_codes, rnd.randint(1, 2)), target=f"{rnd.randint(5, 95)}%")
        elif kind == "activity_share" and acts:
            goal.update(metric="activity_share", activity=rnd.choice(acts), target=f"{rnd.randint(5, 95)}%")
        elif kind == "breakdown_share" and (bds or esf):
            choices = [(b["id"], [v["code"] for v in b["values"]]) for b, _, _ in bds]
            if esf:
                choices += [("labour_status", ESF_COLS["labour_status"]), ("education", ESF_COLS["education"]),
                            ("disability", ["yes", "no"]), ("foreign_background", ["yes", "no"])]
            bid, codes = rnd.choice(choices)
            goal.update(metric="breakdown_share", breakdown=bid, values=rnd.sample(codes, rnd.randint(1, min(2, len(codes)))),
                        target=f"{rnd.randint(5, 95)}%")
        elif kind == "reported":
            goal.update(metric="reported", target="80%", reported=f"{rnd.randint(50, 99)}%", source="Enkät")
        else:
            continue
        if sub and kind != "reported":
            goal["subproject"] = sub
        goals.append(goal)
    if goals:
        project["goals"] = goals
    cols = ["id", "subproject", "gender", "birth_year", "start_date", "end_date", "exit_reason", "activities"]
    if not subs:
        cols.remove("subproject")
    cols += [b["id"] for b, _, _ in bds] + list(esf_present)
    write_project(os.path.join(out, pid), project, rows, cols)
    return pid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--random", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    made = corpus(a.out)
    for s in range(a.seed, a.seed + a.random):
        made.append(random_project(s, a.out))
    print(f"{len(made)} projects in {a.out}")


if __name__ == "__main__":
    main()
