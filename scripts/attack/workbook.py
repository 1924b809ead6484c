"""Every table sheet of slutrapport.xlsx (docs/xlsx.md), read with openpyxl into
the attacker's keys: a count is a number, "<N" a primary mark with its N,
".." a secondary mark, a share a fraction rounded to a whole percent. Sheets
are told apart by their caption (A1) in the English report (the driver
builds with --lang en); a sheet or a numeric cell this reader cannot place is
listed, never silently dropped."""
import re

import openpyxl

from truth import labels

GCOL = {"Women": "W", "Men": "M", "Other/not stated": "O", "Other": "O", "Total": "T"}
HIDDEN_RE = re.compile(r"^<(\d+)$")
NS_AFTER = {"employed": "labour_status", "age_55_plus": "age", "isced_5_8": "education"}
NS_AFTER.update({g: g for g in ("disability", "third_country_national", "foreign_background", "minority",
                                "homeless", "rural", "qualification")})


def cell_obs(pub, key, v, where, sensitive_bd):
    """A count cell."""
    if v is None or v == "":
        return False
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        pub.value(key, int(round(v)), where)
        return True
    s = str(v).strip()
    m = HIDDEN_RE.match(s)
    if m:
        pub.mark(key, "primary", int(m.group(1)), where)
        return True
    if s == "..":
        pub.mark(key, "secondary", pub.n_of(key, sensitive_bd), where)
        return True
    return False


def share_obs(pub, num, den, v, where):
    if v is None or v == "":
        return
    if isinstance(v, (int, float)):
        pub.share([num], [den], round(v * 100), 0, where)
    elif str(v).strip() == "\u2013":
        pub.share([num], [den], None, 0, where)


def rows_of(ws):
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    while rows and all(c is None for c in rows[-1]):
        rows.pop()
    return rows


def gender_table(pub, st, rows, where, keyfn, share_den=None, first=2):
    """Rows after the header whose first cell names a row (keyfn(label, index) -> key prefix or None);
    columns Women / Men / Other / Total, each maybe followed by '%'."""
    header = rows[1]
    cols = []
    for j, h in enumerate(header):
        if h in GCOL:
            pct = j + 1 < len(header) and header[j + 1] == "%"
            cols.append((j, GCOL[h], pct))
    unplaced = 0
    idx = 0
    for r in rows[first:]:
        if r[0] is None or all(c is None for c in r[1:]):
            continue  # a note under the table
        prefix = keyfn(str(r[0]), idx)
        idx += 1
        if prefix is None:
            unplaced += sum(1 for c in r[1:] if c is not None)
            continue
        for j, g, pct in cols:
            key = prefix + (g,)
            cell_obs(pub, key, r[j] if j < len(r) else None, f"{pub.fmt} '{where}' row '{r[0]}' {g}", st.sensitive)
            if pct and share_den is not None and j + 1 < len(r):
                den = share_den(prefix, g)
                if den is not None:
                    share_obs(pub, key, den, r[j + 1], f"{pub.fmt} '{where}' row '{r[0]}' {g} %")
    return unplaced


def read_xlsx(path, pub, st, project):
    wb = openpyxl.load_workbook(path, data_only=True)
    return read_tables([rows_of(ws) for ws in wb.worksheets], pub, st, project, "xlsx")


MD_NUMBER = re.compile(r"^-?[0-9][0-9,]*$")
MD_PERCENT = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*%$")


def md_cell(text):
    """A Markdown table cell as the workbook would hold it (English number format)."""
    t = text.strip().replace("\\<", "<").replace("\\|", "|")
    if t.startswith("**") and t.endswith("**") and len(t) > 4:
        t = t[2:-2]
    if t == "":
        return None
    if MD_NUMBER.match(t):
        return int(t.replace(",", ""))
    m = MD_PERCENT.match(t)
    if m:
        return float(m.group(1)) / 100
    return t


def read_md(path, pub, st, project):
    """The Markdown report's tables: a bold caption line, then a pipe table (the workbook's tables)."""
    lines = open(path, encoding="utf-8").read().splitlines()
    tables = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("**") and line.endswith("**") and len(line) > 4:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j + 1 < len(lines) and lines[j].startswith("|") and set(lines[j + 1].strip()) <= set("|:- "):
                rows = [[lines[i].strip()[2:-2]]]
                k = j
                while k < len(lines) and lines[k].startswith("|"):
                    if k != j + 1:
                        cells = [md_cell(c) for c in split_row(lines[k])]
                        rows.append(cells)
                    k += 1
                rows[1] = ["" if c is None else c for c in rows[1]]
                tables.append(rows)
                i = k
                continue
        i += 1
    return read_tables(tables, pub, st, project, "md")


def split_row(line):
    """A pipe table row's cells; `\\|` is a pipe inside a cell."""
    cells, cur, esc = [], "", False
    for ch in line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]:
        if ch == "|" and not esc:
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        esc = ch == "\\" and not esc
    cells.append(cur)
    return cells


def read_tables(tables, pub, st, project, fmt):
    pub.fmt = fmt
    unplaced = []
    sub_by_name = {name: sid for sid, name in st.sub_names.items()}
    bd_titles = {}
    for b in project.get("breakdowns") or []:
        for t in labels(b.get("title")) + [str(b["id"])]:
            bd_titles[t] = str(b["id"])
    goals_seen = False
    for rows in tables:
        if not rows:
            continue
        cap = str(rows[0][0] or "")
        if cap == "Project details":
            continue
        n = 0
        if cap == "Participants by gender":
            fam = {"Participants": "P", "Active": "A", "Ended": "E"}
            n = gender_table(pub, st, rows, cap, lambda lab, i: (fam[lab], "proj") if lab in fam else None)
        elif cap == "Participants by age at start":
            def agekey(lab, i):
                if lab == "Total":
                    return ("P", "proj")
                if lab in ("Not known", "Not stated"):
                    return ("AGE", "unknown")
                return ("AGE", i) if i < len(st.bands) else None
            n = gender_table(pub, st, rows, cap, agekey)
        elif cap == "Participants by quarter":
            n = 0  # totals only: what the timeline's months give, summed
        elif cap.startswith("Exit reasons") and cap.endswith(" by gender"):
            mid = cap[len("Exit reasons"):-len(" by gender")].strip()
            if mid == "":
                scope = "proj"
            elif mid.startswith("in the area "):
                scope = "grp:" + mid[len("in the area "):]
            elif mid.startswith("in ") and mid[3:] in sub_by_name:
                scope = "sub:" + sub_by_name[mid[3:]]
            else:
                scope = None
            if scope is None or scope not in st.scopes:
                unplaced.append(f"{fmt} table '{cap}': scope unknown")
                continue
            lab2code = {lab: c for c, lab in st.reason_labels.items()}

            def exitkey(lab, i, scope=scope):
                if lab == "Ended":
                    return ("E", scope)
                if lab in lab2code:
                    return ("X", scope, lab2code[lab])
                return None
            n = gender_table(pub, st, rows, cap, exitkey,
                             share_den=lambda prefix, g, scope=scope: ("E", scope, g) if prefix[0] == "X" else None)
        elif cap == "Time in the project of ended participants":
            n = gender_table(pub, st, rows[:3], cap, lambda lab, i: ("E", "proj") if lab == "Ended" else None)
            header = rows[1]
            med = rows[3] if len(rows) > 3 else None
            if med is not None:
                for j, h in enumerate(header):
                    if h in GCOL and GCOL[h] != "T":
                        v = med[j] if j < len(med) else None
                        g = GCOL[h]
                        if isinstance(v, (int, float)):
                            pub.rels.append(_rel_ge1(("E", "proj", g), f"{pub.fmt} median of {g} shown"))
                        elif v == "\u2013":
                            pub.rels.append(_rel_eq0(("E", "proj", g), f"{pub.fmt} median of {g} '–'"))
        elif cap == "Participants per activity":
            n = gender_table(pub, st, rows, cap,
                             lambda lab, i: ("ACT", st.activities[i]) if i < len(st.activities) else None,
                             share_den=lambda prefix, g: ("P", "proj", g))
        elif cap == "Participants per subproject":
            n = subproject_sheet(pub, st, rows, cap, sub_by_name)
        elif cap.startswith("Participants") and "per area" in cap:
            n = area_sheet(pub, st, rows, cap)
        elif cap in bd_titles and bd_titles[cap] in st.breakdowns:
            bid = bd_titles[cap]
            codes = [c for (b, c) in st.value_labels if b == bid]

            def bdkey(lab, i, bid=bid, codes=codes):
                if lab == "Not stated":
                    return ("BDNS", bid)
                return ("BD", bid, codes[i]) if i < len(codes) else None
            n = gender_table(pub, st, rows, cap, bdkey, share_den=lambda prefix, g: ("P", "proj", g))
        elif cap.startswith("Output indicators") or cap.startswith("Result indicators"):
            last = [None]

            def indkey(lab, i, last=last):
                if lab in st.indicator_labels:
                    last[0] = st.indicator_labels[lab]
                    return ("ESF", last[0])
                grp = NS_AFTER.get(last[0])
                return ("ESFNS", grp) if grp else None
            n = gender_table(pub, st, rows, cap, indkey)
        elif cap == "Goals, targets and outcomes":
            goals_seen = True
            n = goals_sheet(pub, st, rows, cap)
        else:
            unplaced.append(f"{fmt} table '{cap}' not read")
            continue
        if n:
            unplaced.append(f"{fmt} table '{cap}': {n} cells not placed")
    return unplaced


def _rel_ge1(key, why):
    from model import Rel
    return Rel([(key, 1)], 1, None, why)


def _rel_eq0(key, why):
    from model import Rel
    return Rel([(key, 1)], 0, 0, why)


def subproject_sheet(pub, st, rows, cap, sub_by_name):
    header = rows[1]
    cols = {h: j for j, h in enumerate(header)}
    unplaced = 0
    for r in rows[2:]:
        if r[0] is None or all(c is None for c in r[1:]):
            continue
        lab = str(r[0])
        scope = "proj" if lab == "Total" else ("sub:" + sub_by_name[lab]) if lab in sub_by_name else None
        if scope is None:
            unplaced += 1
            continue
        if scope != "proj" and scope not in st.scopes:
            continue  # not reported
        for h, j in cols.items():
            if j >= len(r):
                continue
            if h in GCOL:
                cell_obs(pub, ("P", scope, GCOL[h]), r[j], f"{pub.fmt} '{cap}' row '{lab}' {h}", st.sensitive)
            elif h == "Active":
                cell_obs(pub, ("A", scope, "T"), r[j], f"{pub.fmt} '{cap}' row '{lab}' {h}", st.sensitive)
            elif h == "Ended":
                cell_obs(pub, ("E", scope, "T"), r[j], f"{pub.fmt} '{cap}' row '{lab}' {h}", st.sensitive)
    return unplaced


def area_sheet(pub, st, rows, cap):
    header = rows[1]
    cols = {h: j for j, h in enumerate(header)}
    unplaced = 0
    for r in rows[2:]:
        if r[0] is None or all(c is None for c in r[1:]):
            continue
        lab = str(r[0])
        scope = "proj" if lab == "Total" else "grp:" + lab
        if scope != "proj" and scope not in st.scopes:
            if any(isinstance(c, (int, float)) for c in r[2:]):
                unplaced += 1
            continue
        for h, j in cols.items():
            if h in GCOL and j < len(r):
                cell_obs(pub, ("P", scope, GCOL[h]), r[j], f"{pub.fmt} '{cap}' row '{lab}' {h}", st.sensitive)
    return unplaced


def goals_sheet(pub, st, rows, cap):
    """Rows in the XML's goal order; 'of whom …' rows follow a goal with by_gender targets."""
    from model import Rel
    infos = list(st.goal_info_all)
    i = -1
    unplaced = 0
    for r in rows[2:]:
        if r[0] is None or (len(r) > 3 and all(c is None for c in r[1:])):
            continue
        lab = str(r[0])
        outcome = r[3] if len(r) > 3 else None
        met = str(r[4]) if len(r) > 4 and r[4] is not None else ""
        if lab.startswith("of whom "):
            if i < 0 or infos[i] is None or infos[i][1] != "count":
                unplaced += 1
                continue
            g = {"women": "W", "men": "M", "other": "O", "other/not stated": "O"}.get(lab[len("of whom "):])
            scope = infos[i][2][0][1]
            key = ("P", scope, g)
            where = f"{pub.fmt} '{cap}' row '{lab}'"
            cell_obs(pub, key, outcome, where + " outcome", st.sensitive)
            t = r[2]
            if isinstance(t, (int, float)):
                if met.startswith("\u2713"):
                    pub.rels.append(Rel([(key, 1)], int(t), None, where + f" met: ≥ {int(t)}"))
                elif met.startswith("\u2717") or "not yet" in met:
                    pub.rels.append(Rel([(key, 1)], None, int(t) - 1, where + f" not met: < {int(t)}"))
            continue
        i += 1
        if i >= len(infos):
            unplaced += 1
            continue
        info = infos[i]
        if info is None:
            continue
        gid, unit, num, den, _ = info
        where = f"{pub.fmt} '{cap}' goal {gid}"
        t = r[2]
        if unit == "count":
            cell_obs(pub, num[0], outcome, where + " outcome", st.sensitive)
        elif unit == "percent" and num is not None:
            if isinstance(outcome, (int, float)):
                pub.share(num, den, round(outcome * 100), 0, where + " outcome")
            if isinstance(t, (int, float)):
                t10 = round(t * 1000)
                if met.startswith("\u2713"):
                    pub.rels.append(Rel([(k, 2000) for k in num] + [(k, -(2 * t10 - 1)) for k in den], 0, None, where + " met"))
                elif met.startswith("\u2717") or "not yet" in met:
                    pub.rels.append(Rel([(k, 1000) for k in num] + [(k, -t10) for k in den], None, -1, where + " not met"))
    return unplaced
