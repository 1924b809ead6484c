"""The true figures of a project, worked out from its inputs with SPEC §3 and §4
written out again here, apart from slutrapport (which this never runs).

`true_figures(folder, as_of=None)` returns {key: int} for every count the
attacker's model names (keys are tuples, see attack.py), including figures the
report never publishes (active by gender per subproject, a subproject's
activity counts, a goal's numerator): the self-check evaluates every relation
on these numbers, so a relation that does not follow from SPEC §4's
definitions fails there, and every figure the report shows is compared with
them.

Supported inputs: participants.csv (UTF-8 with or without BOM, else
Windows-1252; `,` `;` or tab; the SPEC's column names and Swedish aliases),
counts.csv and counts.xlsx. Re-entries (one id on several rows) are not
supported: the script stops, naming the project.
"""
import calendar
import csv
import datetime as dt
import io
import os

import yaml

GENDER_WORDS = {
    "kvinna": "W", "k": "W", "woman": "W", "female": "W", "f": "W",
    "man": "M", "m": "M", "male": "M",
    "annat": "O", "ej angivet": "O", "other": "O", "x": "O",
}
GENDERS = ("W", "M", "O")
ALL = ("W", "M", "O", "T")

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
COUNTS_COLUMNS = {
    "subproject": ["subproject", "delprojekt"],
    "gender": ["gender", "kön", "kon"],
    "exit_reason": ["exit_reason", "avslutsorsak"],
    "count": ["count", "antal"],
}
YES = {"ja", "yes", "j", "y", "1", "x", "true", "sant"}
NO = {"nej", "no", "n", "0", "false", "falskt"}

# SPEC §3.6: the ESF+ breakdowns, their columns and codes (with the Swedish words).
ESF_BREAKDOWNS = {
    "labour_status": (["labour_status", "arbetsmarknadsstatus"], {
        "unemployed": ["unemployed", "arbetslös"],
        "long_term_unemployed": ["long_term_unemployed", "långtidsarbetslös"],
        "inactive": ["inactive", "utanför arbetskraften", "inaktiv"],
        "employed": ["employed", "sysselsatt", "anställd", "egenföretagare"]}),
    "education": (["education", "utbildningsniva", "utbildningsnivå"], {
        "isced_0_2": ["isced_0_2", "förgymnasial", "grundskola"],
        "isced_3_4": ["isced_3_4", "gymnasial", "gymnasium"],
        "isced_5_8": ["isced_5_8", "eftergymnasial", "högskola", "universitet"]}),
    "disability": (["disability", "funktionsnedsattning", "funktionsnedsättning"], None),
    "third_country_national": (["third_country_national", "tredjelandsmedborgare"], None),
    "foreign_background": (["foreign_background", "utlandsk_bakgrund", "utländsk_bakgrund"], None),
    "minority": (["minority", "minoritet"], None),
    "homeless": (["homeless", "hemlos", "hemlös"], None),
    "rural": (["rural", "landsbygd"], None),
    "qualification": (["qualification", "kvalifikation"], None),
}
ESF_SENSITIVE = ("disability", "minority")
DEFAULT_REASONS = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"]
DEFAULT_REASON_LABELS = {"arbete": ["Arbete", "Employment"], "studier": ["Studier", "Studies"],
                         "avbrutit": ["Avbrutit", "Dropped out"], "annan_orsak": ["Annan orsak", "Other reason"],
                         "fullfoljt": ["Fullföljt projektet", "Completed the project"]}
DEFAULT_ESF_RESULT = {"arbete": "employment", "studier": "education"}


def norm(text):
    """Codes and names compare in any case, with `_`, `-` and space alike (SPEC §3.2)."""
    return " ".join(str(text).strip().lower().replace("_", " ").replace("-", " ").split())


def norm_header(text):
    return norm(text).replace("å", "a").replace("ä", "a").replace("ö", "o")


def labels(value):
    """A label, or a {sv: .., en: ..} map of them."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v) for v in value.values()]
    return [str(value)]


def as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


def load_project(folder):
    with open(os.path.join(folder, "project.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def exit_reasons(project):
    """[(code, [spellings], esf_result)] in configured order."""
    out = []
    if project.get("exit_reasons"):
        for r in project["exit_reasons"]:
            code = str(r["code"])
            out.append((code, [code] + labels(r.get("label")), r.get("esf_result") or DEFAULT_ESF_RESULT.get(code)))
    else:
        for code in DEFAULT_REASONS:
            out.append((code, [code] + DEFAULT_REASON_LABELS[code], DEFAULT_ESF_RESULT.get(code)))
    return out


def declared_breakdowns(project):
    """{id: (multiple, [header names], {code: [spellings]} or None for yes/no, sensitive, esf)}."""
    out = {}
    for b in project.get("breakdowns") or []:
        values = {str(v["code"]): [str(v["code"])] + labels(v.get("label")) for v in b["values"]}
        col = str(b.get("column", b["id"]))
        out[b["id"]] = (bool(b.get("multiple", False)) in (True,) or str(b.get("multiple")).lower() in ("true", "yes", "ja"),
                        [col], values, str(b.get("sensitive", False)).lower() in ("true", "yes", "ja"), False)
    if project.get("esf_plus"):
        for bid, (cols, values) in ESF_BREAKDOWNS.items():
            out[bid] = (False, cols, values, bid in ESF_SENSITIVE, True)
    return out


def age_band_list(project):
    """[(from, to)] with None for an open end, as SPEC §4.7 and the XML's ageBands."""
    limits = project.get("age_bands", [18, 30, 55])
    if limits is None:
        limits = [18, 30, 55]
    if not limits:
        return []
    bands = [(None, limits[0] - 1)]
    for a, b in zip(limits, limits[1:]):
        bands.append((a, b - 1))
    bands.append((limits[-1], None))
    return bands


def in_band(age, band):
    lo, hi = band
    return (lo is None or age >= lo) and (hi is None or age <= hi)


def read_table(path):
    """Rows of a CSV (any of the three delimiters, UTF-8 or Windows-1252) or a workbook's first sheet."""
    if path.lower().endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = []
        for r in ws.iter_rows(values_only=True):
            cells = ["" if c is None else (str(int(c)) if isinstance(c, float) and c == int(c) else str(c)) for c in r]
            if any(c.strip() for c in cells):
                rows.append(cells)
        return rows
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.splitlines()[0] if text else ""
    delim = max([",", ";", "\t"], key=first.count)
    return [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim) if any(c.strip() for c in r)]


def find_column(header, names):
    wanted = {norm_header(n) for n in names}
    for i, h in enumerate(header):
        if norm_header(h) in wanted:
            return i
    return None


def match_code(cell, table):
    """The code a cell names, from {code: [spellings]}."""
    n = norm(cell)
    hits = [code for code, spellings in table.items() if n in {norm(s) for s in spellings}]
    if len(hits) != 1:
        raise ValueError(f"not a code: {cell!r}")
    return hits[0]


def split_codes(cell, table):
    cell = cell.strip()
    if not cell:
        return []
    parts = [p for p in cell.replace("|", ";").split(";")]
    out = []
    for p in parts:
        if not p.strip():
            continue
        try:
            codes = [match_code(p, table)]
        except ValueError:
            codes = [match_code(q, table) for q in p.split(",") if q.strip()]
        for c in codes:
            if c not in out:
                out.append(c)
    return out


def participant_file(folder, project):
    names = {f.lower(): f for f in os.listdir(folder)}
    if project.get("data"):
        return os.path.join(folder, project["data"]), project.get("data_kind", "participants")
    for n in ("participants.csv", "participants.xlsx"):
        if n in names:
            return os.path.join(folder, names[n]), "participants"
    for n in ("counts.csv", "counts.xlsx"):
        if n in names:
            return os.path.join(folder, names[n]), "counts"
    return None, None


class Truth(dict):
    """{key: count}; a missing key reads 0 (a count of nobody)."""

    def __missing__(self, key):
        return 0

    def add(self, key_prefix, gender, n=1):
        self[key_prefix + (gender,)] += n
        self[key_prefix + ("T",)] += n


def scopes_of(project, sub):
    """The scopes a subproject's participant counts under: the project, the subproject, its group."""
    out = ["proj"]
    if sub is not None:
        out.append("sub:" + sub)
        for s in project.get("subprojects") or []:
            if str(s["id"]) == sub and s.get("group"):
                out.append("grp:" + str(s["group"]) if not isinstance(s["group"], dict) else "grp:" + labels(s["group"])[0])
    return out


def true_figures(folder, as_of=None):
    project = load_project(folder)
    if as_of is None:
        as_of = (project.get("report") or {}).get("as_of") or project["period"]["end"]
    as_of = as_date(as_of)
    path, kind = participant_file(folder, project)
    if path is None:
        return None
    reasons = exit_reasons(project)
    reason_table = {code: sp for code, sp, _ in reasons}
    subs = {str(s["id"]): [str(s["id"])] + labels(s.get("name")) for s in project.get("subprojects") or []}
    t = Truth()
    rows = read_table(path)
    header, body = rows[0], rows[1:]
    if kind == "counts":
        col = {k: find_column(header, v) for k, v in COUNTS_COLUMNS.items()}
        reported = set()
        for r in body:
            r = r + [""] * (len(header) - len(r))
            sub = match_code(r[col["subproject"]], subs) if subs and col["subproject"] is not None else None
            if sub:
                reported.add(sub)
            g = GENDER_WORDS[r[col["gender"]].strip().lower()]
            reason = r[col["exit_reason"]].strip() if col["exit_reason"] is not None else ""
            n = int(float(r[col["count"]]))
            for sc in scopes_of(project, sub):
                t.add(("P", sc), g, n)
                if reason:
                    code = match_code(reason, reason_table)
                    t.add(("E", sc), g, n)
                    t.add(("X", sc, code), g, n)
                else:
                    t.add(("A", sc), g, n)
        t.reported = reported
        t.kind = "counts"
        return t

    col = {k: find_column(header, v) for k, v in STANDARD_COLUMNS.items()}
    breakdowns = declared_breakdowns(project)
    bcol = {bid: find_column(header, spec[1]) for bid, spec in breakdowns.items()}
    activities = {str(a["code"]): [str(a["code"])] + labels(a.get("label")) for a in project.get("activities") or []}
    bands = age_band_list(project)
    esf_result = {code: res for code, _, res in reasons}
    goals = project.get("goals") or []
    people = []
    seen = set()
    for r in body:
        r = r + [""] * (len(header) - len(r))
        pid = r[col["id"]].strip()
        if pid in seen:
            raise SystemExit(f"{folder}: re-entries are not supported by the attacker's truth reader")
        seen.add(pid)
        start = as_date(r[col["start_date"]])
        if start > as_of:
            continue
        end_text = r[col["end_date"]].strip() if col["end_date"] is not None else ""
        end = as_date(end_text) if end_text else None
        ended = end is not None and end <= as_of
        birth = r[col["birth_year"]].strip() if col["birth_year"] is not None else ""
        p = {
            "g": GENDER_WORDS[r[col["gender"]].strip().lower()],
            "sub": match_code(r[col["subproject"]], subs) if subs else None,
            "start": start, "end": end, "ended": ended,
            "age": start.year - int(birth) if birth else None,
            "reason": match_code(r[col["exit_reason"]], reason_table) if end is not None else None,
            "acts": split_codes(r[col["activities"]], activities) if col["activities"] is not None else [],
            "values": {},
        }
        for bid, (multiple, _, table, _, esf) in breakdowns.items():
            i = bcol[bid]
            cell = r[i].strip() if i is not None else ""
            if table is None:
                v = cell.lower()
                p["values"][bid] = ["yes"] if v in YES else ["no"] if v in NO else [] if not v else None
                if p["values"][bid] is None:
                    raise ValueError(f"not yes/no: {cell!r}")
            elif multiple:
                p["values"][bid] = split_codes(cell, table)
            else:
                p["values"][bid] = [match_code(cell, table)] if cell else []
        people.append(p)

    for p in people:
        g = p["g"]
        for sc in scopes_of(project, p["sub"]):
            t.add(("P", sc), g)
            if p["ended"]:
                t.add(("E", sc), g)
                t.add(("X", sc, p["reason"]), g)
            else:
                t.add(("A", sc), g)
        for a in p["acts"]:
            t.add(("ACT", a), g)
            if p["sub"]:
                t[("ACTSUB", p["sub"], a, "T")] += 1
        if bands:
            if p["age"] is None:
                t.add(("AGE", "unknown"), g)
            else:
                for i, band in enumerate(bands):
                    if in_band(p["age"], band):
                        t.add(("AGE", i), g)
        for bid, (multiple, _, table, sensitive, esf) in breakdowns.items():
            vals = p["values"][bid]
            if bid == "qualification" and esf:
                if p["ended"]:
                    if vals:
                        t.add(("BDE", bid, vals[0]), g)
                    else:
                        t.add(("BDNSE", bid), g)
                continue
            if not vals:
                t.add(("BDNS", bid), g)
                if p["sub"]:
                    t[("BDNSSUB", bid, p["sub"], "T")] += 1
            for v in vals:
                t.add(("BD", bid, v), g)
                if p["sub"]:
                    t[("BDSUB", bid, p["sub"], v, "T")] += 1
        if project.get("esf_plus"):
            if p["age"] is not None and 30 <= p["age"] <= 54:
                t.add(("AGE3054",), g)
            ls = p["values"]["labour_status"]
            if "unemployed" in ls or "long_term_unemployed" in ls:
                t.add(("ESF", "unemployed"), g)
            if p["ended"] and esf_result.get(p["reason"]):
                name = {"job_searching": "job_searching", "education": "education_training",
                        "employment": "employment"}[esf_result[p["reason"]]]
                t.add(("ESF", name), g)
        for goal in goals:
            if goal.get("metric") == "breakdown_share" and goal.get("breakdown") in breakdowns:
                scope_sub = goal.get("subproject")
                if scope_sub is not None and p["sub"] != str(scope_sub):
                    continue
                if any(v in [str(x) for x in goal.get("values") or []] for v in p["values"][goal["breakdown"]] or []):
                    t[("GOALNUM", str(goal["id"]), "T")] += 1

    if project.get("esf_plus"):
        for g in ALL:
            t[("ESF", "total", g)] = t[("P", "proj", g)]
            t[("ESF", "long_term_unemployed", g)] = t[("BD", "labour_status", "long_term_unemployed", g)]
            t[("ESF", "inactive", g)] = t[("BD", "labour_status", "inactive", g)]
            t[("ESF", "employed", g)] = t[("BD", "labour_status", "employed", g)]
            for c in ("isced_0_2", "isced_3_4", "isced_5_8"):
                t[("ESF", c, g)] = t[("BD", "education", c, g)]
            for b in ("disability", "third_country_national", "foreign_background", "minority", "homeless", "rural"):
                t[("ESF", b, g)] = t[("BD", b, "yes", g)]
                t[("ESFNS", b, g)] = t[("BDNS", b, g)]
            t[("ESF", "qualification", g)] = t[("BDE", "qualification", "yes", g)]
            t[("ESFNS", "qualification", g)] = t[("BDNSE", "qualification", g)]
            t[("ESFNS", "labour_status", g)] = t[("BDNS", "labour_status", g)]
            t[("ESFNS", "education", g)] = t[("BDNS", "education", g)]
        for p in people:
            a = p["age"]
            key = None if a is None else "below_18" if a < 18 else "age_18_29" if a <= 29 else "age_55_plus" if a >= 55 else None
            if key:
                t.add(("ESF", key), p["g"])
            if a is None:
                t.add(("ESFNS", "age"), p["g"])

    # SPEC §4.10: months from the earlier of period.start and the first counted start to the as-of month.
    if people:
        first = min([as_date(project["period"]["start"])] + [p["start"] for p in people])
        y, m = first.year, first.month
        while (y, m) <= (as_of.year, as_of.month):
            month = f"{y:04d}-{m:02d}"
            for p in people:
                if (p["start"].year, p["start"].month) == (y, m):
                    t.add(("TLS", month), p["g"])
                if p["ended"] and (p["end"].year, p["end"].month) == (y, m):
                    t[("TLE", month)] += 1
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    t.kind = "participants"
    t.reported = None
    return t
