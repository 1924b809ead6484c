"""What a report publishes, read back from its slutrapport.xml and
slutrapport.xlsx, and the relations between its counts that follow from SPEC
§4's definitions. Written apart from slutrapport's disclosure code: it knows
only the SPEC, the XML schema, docs/xml.md, docs/xlsx.md and the project's
own project.yaml (goal definitions, which exit reason is which ESF+ result,
which breakdown takes several codes a cell: metadata, no personal data).

Keys name counts (g is W, M, O or T):
  ("P"|"A"|"E", scope, g)      participants, active, ended; scope "proj", "sub:<id>", "grp:<name>"
  ("X", scope, reason, g)      ended for an exit reason
  ("ACT", code, g)             participants in an activity (project)
  ("ACTSUB", sub, code, "T")   the same in one subproject (never published)
  ("AGE", i | "unknown", g)    age band i of the XML's ageBands, or no birth year
  ("BD", bid, code, g), ("BDNS", bid, g)      breakdown value / not stated (the ESF+ ones too)
  ("BDE", "qualification", code, g), ("BDNSE", "qualification", g)   over the ended
  ("BDSUB", bid, sub, code, "T"), ("BDNSSUB", bid, sub, "T")         per subproject (never published)
  ("ESF", indicator, g), ("ESFNS", group, g), ("AGE3054", g)
  ("TLS", month, g), ("TLE", month)   started in a month by gender, ended in a month
  ("GOALNUM", goal, "T")       a breakdown_share goal's numerator (several codes a cell)
"""
import xml.etree.ElementTree as ET

from truth import ESF_SENSITIVE, GENDERS, ALL, exit_reasons, declared_breakdowns, labels

NS = "{urn:slutrapport:1}"
ATTR_G = {"total": "T", "women": "W", "men": "M", "other": "O"}
ESF_AGE = {"below_18": (None, 17), "age_18_29": (18, 29), "age_55_plus": (55, None)}
YESNO = ("disability", "third_country_national", "foreign_background", "minority", "homeless", "rural")


def kstr(key):
    return "/".join(str(k) for k in key)


class Rel:
    """lo <= sum(coef * x) <= hi (None: unbounded); `why` names it."""
    __slots__ = ("coeffs", "lo", "hi", "why")

    def __init__(self, coeffs, lo, hi, why):
        c = {}
        for k, v in coeffs:
            c[k] = c.get(k, 0) + v
        self.coeffs = {k: v for k, v in c.items() if v != 0}
        self.lo, self.hi, self.why = lo, hi, why

    def holds(self, value):
        s = sum(v * value(k) for k, v in self.coeffs.items())
        return (self.lo is None or s >= self.lo) and (self.hi is None or s <= self.hi), s


def eq(parts, total, why):
    """sum(parts) == total, keys or (key, coef)."""
    return Rel([(p, 1) for p in parts] + [(total, -1)], 0, 0, why)


class Published:
    """Every figure the report shows: values, the hiding marks, and the relations it adds itself
    (shares, goals, met / not met)."""

    def __init__(self, n_main, n_sens):
        self.n_main, self.n_sens = n_main, n_sens
        self.values = {}        # key -> (value, where)
        self.primary = {}       # key -> (N, where)
        self.secondary = {}     # key -> (N, where)
        self.hidden = {}        # key -> where (hidden, no mark: timeline by gender, ...)
        self.rels = []          # relations the published shares and goals give
        self.conflicts = []     # two formats disagree on a figure
        self.notes = []
        self.keys = set()       # every count key the report has a cell for

    def n_of(self, key, sensitive_bd):
        t = key[0]
        sens = (t in ("BD", "BDNS") and key[1] in sensitive_bd) or \
               (t in ("ESF", "ESFNS") and key[1] in ESF_SENSITIVE)
        return max(self.n_main, 5) if sens else self.n_main

    def value(self, key, v, where):
        self.keys.add(key)
        if key in self.values and self.values[key][0] != v:
            self.conflicts.append(f"{kstr(key)}: {self.values[key][0]} in {self.values[key][1]}, {v} in {where}")
            return
        self.values.setdefault(key, (v, where))

    def mark(self, key, kind, n, where):
        self.keys.add(key)
        if kind == "primary":
            self.primary.setdefault(key, (n, where))
        elif kind == "secondary":
            self.secondary.setdefault(key, (n, where))
        else:
            self.hidden.setdefault(key, where)

    def share(self, num, den, shown, decimals, where):
        """A share shown as `shown` (percent, rounded half-up to `decimals`) of num / den; num and den
        are lists of keys. shown None: '–' (nothing to divide by)."""
        if shown is None:
            self.rels.append(Rel([(k, 1) for k in den], 0, 0, f"{where}: share '–' means its denominator is 0"))
            return
        scale = 10 ** decimals
        k = round(shown * scale)
        # half-up: k - 1/2 <= 100*scale*num/den < k + 1/2  <=>  (2k-1) den <= 200 scale num <= (2k+1) den - 1
        c = [(x, 200 * scale) for x in num] + [(x, -(2 * k - 1)) for x in den]
        self.rels.append(Rel(c, 0, None, f"{where}: share {shown}% (rounded half-up, {decimals} dec.) ≥ lower"))
        c = [(x, 200 * scale) for x in num] + [(x, -(2 * k + 1)) for x in den]
        self.rels.append(Rel(c, None, -1, f"{where}: share {shown}% (rounded half-up, {decimals} dec.) < upper"))


def gender_attrs(el, prefix, pub, sensitive_bd, where, extra=()):
    """An element's GenderCounts (and `extra` (attr, key) pairs) as values or marks."""
    suppressed = set((el.get("suppressed") or "").split())
    prim = set((el.get("suppressedPrimary") or "").split())
    sec = set((el.get("suppressedSecondary") or "").split())
    pairs = [(a, prefix + (g,)) for a, g in ATTR_G.items()] + list(extra)
    for attr, key in pairs:
        if el.get(attr) is not None:
            pub.value(key, int(el.get(attr)), f"xml {where}@{attr}")
        elif attr in prim:
            pub.mark(key, "primary", pub.n_of(key, sensitive_bd), f"xml {where}@{attr}")
        elif attr in sec:
            pub.mark(key, "secondary", pub.n_of(key, sensitive_bd), f"xml {where}@{attr}")
        elif attr in suppressed:
            pub.mark(key, "hidden", None, f"xml {where}@{attr}")
    return suppressed


class Structure:
    def __init__(self):
        self.scopes = []            # "proj", "sub:..", "grp:.."
        self.subs = []              # reported subproject ids, in order
        self.sub_names = {}
        self.groups = {}            # name -> [sub ids]
        self.reasons = []           # exit reason codes, in order
        self.reason_labels = {}
        self.activities = []
        self.bands = []             # [(from, to)]
        self.has_unknown_band = False
        self.breakdowns = []        # user breakdown ids
        self.sensitive = set()
        self.esf = False
        self.esf_ns_groups = set()
        self.months = []
        self.goals = []             # xml goal elements
        self.indicator_labels = {}
        self.value_labels = {}
        self.has_timeline_gender = False


def read_xml(path, project, n_main):
    n_sens = max(n_main, 5)
    pub = Published(n_main, n_sens)
    st = Structure()
    root = ET.parse(path).getroot()
    st.lang = root.get("lang")
    for b in root.findall(f"{NS}breakdowns/{NS}breakdown"):
        st.breakdowns.append(b.get("id"))
        if b.get("sensitive") == "true":
            st.sensitive.add(b.get("id"))
    sens = st.sensitive

    def counts_block(el, scope, where):
        p = el.find(NS + "participants")
        if p is None:
            return False
        gender_attrs(p, ("P", scope), pub, sens, where + "/participants",
                     extra=[("active", ("A", scope, "T")), ("ended", ("E", scope, "T"))])
        ex = el.find(NS + "exits")
        if ex is not None:
            gender_attrs(ex, ("_",), pub, sens, where + "/exits", extra=[("ended", ("E", scope, "T"))])
            for e in ex.findall(NS + "exit"):
                r = e.get("reason")
                w = f"{where}/exit[{r}]"
                gender_attrs(e, ("X", scope, r), pub, sens, w)
                if e.get("share") is not None:
                    pub.share([("X", scope, r, "T")], [("E", scope, "T")], float(e.get("share")), 1, "xml " + w + "@share")
        return True

    if counts_block(root, "proj", "project"):
        st.scopes.append("proj")
    ex = root.find(NS + "exits")
    if ex is not None:
        st.reasons = [e.get("reason") for e in ex.findall(NS + "exit")]
        st.reason_labels = {e.get("reason"): e.get("label") for e in ex.findall(NS + "exit")}
    for s in root.findall(f"{NS}subprojects/{NS}subproject"):
        st.sub_names[s.get("id")] = s.get("name")
        if s.get("reported") == "false":
            continue
        if counts_block(s, "sub:" + s.get("id"), f"subproject[{s.get('id')}]"):
            st.subs.append(s.get("id"))
            st.scopes.append("sub:" + s.get("id"))
    for g in root.findall(f"{NS}groups/{NS}group"):
        if g.get("reported") == "false":
            continue
        if counts_block(g, "grp:" + g.get("name"), f"group[{g.get('name')}]"):
            st.groups[g.get("name")] = g.get("subprojects").split()
            st.scopes.append("grp:" + g.get("name"))
    for a in root.findall(f"{NS}activities/{NS}activity"):
        code = a.get("code")
        st.activities.append(code)
        gender_attrs(a, ("ACT", code), pub, sens, f"activity[{code}]")
        if a.get("share") is not None:
            pub.share([("ACT", code, "T")], [("P", "proj", "T")], float(a.get("share")), 1, f"xml activity[{code}]@share")
    ages = root.find(NS + "ageBands")
    if ages is not None:
        i = 0
        for b in ages.findall(NS + "ageBand"):
            if b.get("unknown") == "true":
                st.has_unknown_band = True
                gender_attrs(b, ("AGE", "unknown"), pub, sens, "ageBand[unknown]")
            else:
                st.bands.append((int(b.get("from")) if b.get("from") else None, int(b.get("to")) if b.get("to") else None))
                gender_attrs(b, ("AGE", i), pub, sens, f"ageBand[{i}]")
                i += 1
        if not st.has_unknown_band:
            for g in ALL:
                pub.value(("AGE", "unknown", g), 0, "xml ageBands: no unknown band")
    d = root.find(NS + "durations")
    if d is not None:
        st.durations = d
        pub.value(("E", "proj", "T"), int(d.get("ended")), "xml durations@ended")
        sup = set((d.get("suppressed") or "").split())
        for attr, g in (("womenMedianDays", "W"), ("menMedianDays", "M"), ("otherMedianDays", "O")):
            if d.get(attr) is not None:
                pub.rels.append(Rel([(("E", "proj", g), 1)], 1, None, f"xml durations@{attr} shown: someone ended"))
            elif attr not in sup:
                pub.rels.append(Rel([(("E", "proj", g), 1)], 0, 0, f"xml durations@{attr} absent: nobody ended"))
    for b in root.findall(f"{NS}breakdowns/{NS}breakdown"):
        bid = b.get("id")
        for v in b.findall(NS + "value"):
            code = v.get("code")
            st.value_labels[(bid, code)] = v.get("label") or code
            w = f"breakdown[{bid}]/value[{code}]"
            gender_attrs(v, ("BD", bid, code), pub, sens, w)
            if v.get("share") is not None:
                pub.share([("BD", bid, code, "T")], [("P", "proj", "T")], float(v.get("share")), 1, "xml " + w + "@share")
        ns = b.find(NS + "notStated")
        if ns is not None:
            gender_attrs(ns, ("BDNS", bid), pub, sens, f"breakdown[{bid}]/notStated")
            if ns.get("share") is not None:
                pub.share([("BDNS", bid, "T")], [("P", "proj", "T")], float(ns.get("share")), 1,
                          f"xml breakdown[{bid}]/notStated@share")
        else:
            for g in ALL:
                pub.value(("BDNS", bid, g), 0, f"xml breakdown[{bid}]: no notStated")
    esf = root.find(NS + "esfPlus")
    if esf is not None:
        st.esf = True
        for i in esf.findall(NS + "indicator"):
            st.indicator_labels[i.get("label")] = i.get("id")
            gender_attrs(i, ("ESF", i.get("id")), pub, sens, f"esfPlus/indicator[{i.get('id')}]")
        seen = set()
        for n in esf.findall(NS + "notStated"):
            seen.add(n.get("group"))
            gender_attrs(n, ("ESFNS", n.get("group")), pub, sens, f"esfPlus/notStated[{n.get('group')}]")
        for grp in ["labour_status", "age", "education", "qualification"] + list(YESNO):
            if grp not in seen:
                for g in ALL:
                    pub.value(("ESFNS", grp, g), 0, f"xml esfPlus: no notStated[{grp}]")
        if esf.find(NS + "complete") is not None or esf.find(NS + "notFollowedUp") is not None:
            pub.notes.append("esfPlus complete / follow-up figures are not modelled")
    for m in root.findall(f"{NS}timeline/{NS}month"):
        month = m.get("month")
        st.months.append((month, int(m.get("active")), int(m.get("cumulative"))))
        pub.value(("TLS", month, "T"), int(m.get("started")), f"xml month[{month}]@started")
        pub.value(("TLE", month), int(m.get("ended")), f"xml month[{month}]@ended")
        sup = set((m.get("suppressed") or "").split())
        prim = set((m.get("suppressedPrimary") or "").split())
        sec = set((m.get("suppressedSecondary") or "").split())
        for attr, g in (("startedWomen", "W"), ("startedMen", "M"), ("startedOther", "O")):
            key = ("TLS", month, g)
            if m.get(attr) is not None:
                pub.value(key, int(m.get(attr)), f"xml month[{month}]@{attr}")
            elif attr in prim:
                pub.mark(key, "primary", n_main, f"xml month[{month}]@{attr}")
            elif attr in sec:
                pub.mark(key, "secondary", n_main, f"xml month[{month}]@{attr}")
            else:
                pub.mark(key, "hidden", None, f"xml month[{month}]@{attr}")
    for goal in root.findall(f"{NS}goals/{NS}goal"):
        st.goals.append(goal)
    read_goals_xml(st, pub, project)
    return pub, st


def goal_parts(goal_yaml, st, scope):
    """(numerator keys, denominator keys, extra relations) of a share goal, from SPEC §3.1 / §3.6."""
    m = goal_yaml.get("metric")
    gid = str(goal_yaml["id"])
    if m == "exit_share":
        reasons = [str(r) for r in goal_yaml.get("reasons") or []]
        codes = []
        for r in reasons:
            hit = [c for c in st.reasons if c == r or (st.reason_labels.get(c) or "").lower() == r.lower()]
            codes += hit[:1]
        return [("X", scope, c, "T") for c in codes], [("E", scope, "T")], []
    if m == "activity_share":
        a = str(goal_yaml.get("activity"))
        if scope == "proj":
            return [("ACT", a, "T")], [("P", "proj", "T")], []
        return [("ACTSUB", scope[4:], a, "T")], [("P", scope, "T")], []
    if m == "breakdown_share":
        bid = str(goal_yaml.get("breakdown"))
        vals = [str(v) for v in goal_yaml.get("values") or []]
        if bid == "qualification":
            return None
        multiple = st.multiple.get(bid, False)
        if scope == "proj":
            keys = [("BD", bid, v, "T") for v in vals]
        else:
            keys = [("BDSUB", bid, scope[4:], v, "T") for v in vals]
        if not multiple or len(vals) == 1:
            return keys, [("P", scope, "T")], []
        num = ("GOALNUM", gid, "T")
        extra = [Rel([(k, 1), (num, -1)], None, 0, f"goal {gid}: each value's count ≤ its numerator") for k in keys]
        extra.append(Rel([(k, 1) for k in keys] + [(num, -1)], 0, None, f"goal {gid}: numerator ≤ sum of its values"))
        return [num], [("P", scope, "T")], extra
    return None


def read_goals_xml(st, pub, project):
    ymap = {str(g["id"]): g for g in (project.get("goals") or [])}
    st.multiple = {bid: spec[0] for bid, spec in declared_breakdowns(project).items()}
    st.goal_info = []
    st.goal_info_all = []
    for goal in st.goals:
        n_before = len(st.goal_info)
        read_goal(goal, st, pub, ymap)
        st.goal_info_all.append(st.goal_info[-1] if len(st.goal_info) > n_before else None)


def read_goal(goal, st, pub, ymap):
    if True:
        gid = goal.get("id")
        gy = ymap.get(gid, {})
        scope = "sub:" + goal.get("subproject") if goal.get("subproject") else "proj"
        if scope != "proj" and goal.get("subproject") not in st.subs:
            return
        metric = goal.get("metric")
        where = f"xml goal[{gid}]"
        if metric == "participants":
            target = int(float(goal.get("target")))
            key = ("P", scope, "T")
            if goal.get("outcome") is not None:
                pub.value(key, int(goal.get("outcome")), where + "@outcome")
            bys = goal.findall(NS + "byGender")
            met_parts = []
            for bg in bys:
                g = {"women": "W", "men": "M", "other": "O"}[bg.get("gender")]
                gk = ("P", scope, g)
                if bg.get("outcome") is not None:
                    pub.value(gk, int(bg.get("outcome")), f"{where}/byGender[{g}]@outcome")
                if bg.get("met") is not None:
                    t = int(bg.get("target"))
                    met_parts.append(bg.get("met"))
                    if bg.get("met") == "true":
                        pub.rels.append(Rel([(gk, 1)], t, None, f"{where}/byGender[{g}] met: ≥ {t}"))
                    else:
                        pub.rels.append(Rel([(gk, 1)], None, t - 1, f"{where}/byGender[{g}] not met: < {t}"))
                else:
                    met_parts.append(None)
            if goal.get("met") == "true":
                pub.rels.append(Rel([(key, 1)], target, None, f"{where} met: ≥ {target}"))
            elif goal.get("met") == "false" and all(x == "true" for x in met_parts):
                pub.rels.append(Rel([(key, 1)], None, target - 1, f"{where} not met: < {target}"))
            st.goal_info.append((gid, "count", [key], None, []))
        elif metric in ("exit_share", "activity_share", "breakdown_share"):
            parts = goal_parts(gy, st, scope)
            if parts is None:
                pub.notes.append(f"goal {gid}: not modelled")
                return
            num, den, extra = parts
            pub.rels.extend(extra)
            st.goal_info.append((gid, "percent", num, den, extra))
            if goal.get("outcome") is not None:
                pub.share(num, den, float(goal.get("outcome")), 1, where + "@outcome")
            t10 = round(float(goal.get("target")) * 10)
            if goal.get("met") == "true":
                # met is outcome >= target; whether on the exact or the rounded share, the exact share is
                # at least target - 0.05: 2000 num >= (2 t10 - 1) den
                pub.rels.append(Rel([(k, 2000) for k in num] + [(k, -(2 * t10 - 1)) for k in den], 0, None,
                                    f"{where} met: share ≥ {t10 / 10}% (−0.05)"))
            elif goal.get("met") == "false":
                pub.rels.append(Rel([(k, 1000) for k in num] + [(k, -t10) for k in den], None, -1,
                                    f"{where} not met: share < {t10 / 10}%"))
        else:
            st.goal_info.append((gid, "reported", None, None, []))


def relations(st, project):
    """Every linear relation between the report's counts that follows from SPEC §4's definitions."""
    rels = []
    gs = GENDERS
    fams = [("P",), ("A",), ("E",)] + [("X", r) for r in st.reasons]

    def k(fam, scope, g):
        return (fam[0], scope) + tuple(fam[1:]) + (g,)

    for scope in st.scopes:
        for fam in fams:
            rels.append(eq([k(fam, scope, g) for g in gs], k(fam, scope, "T"), f"{scope} {'/'.join(fam)}: women+men+other = total"))
        for g in ALL:
            rels.append(eq([k(("X", r), scope, g) for r in st.reasons], k(("E",), scope, g),
                           f"{scope} [{g}]: exit reasons add up to the ended") if st.reasons else None)
            rels.append(eq([k(("A",), scope, g), k(("E",), scope, g)], k(("P",), scope, g), f"{scope} [{g}]: active + ended = participants"))
    if st.subs:
        for fam in fams:
            for g in ALL:
                rels.append(eq([k(fam, "sub:" + s, g) for s in st.subs], k(fam, "proj", g),
                               f"subprojects add up to the project: {'/'.join(fam)} [{g}]"))
    for name, members in st.groups.items():
        members = [s for s in members if s in st.subs]
        for fam in fams:
            for g in ALL:
                rels.append(eq([k(fam, "sub:" + s, g) for s in members], k(fam, "grp:" + name, g),
                               f"area {name}'s subprojects add up to it: {'/'.join(fam)} [{g}]"))
    # activities (project): each at most the participants
    for a in st.activities:
        rels.append(eq([("ACT", a, g) for g in gs], ("ACT", a, "T"), f"activity {a}: women+men+other = total"))
        for g in ALL:
            rels.append(Rel([(("ACT", a, g), 1), (("P", "proj", g), -1)], None, 0, f"activity {a} [{g}] ≤ participants"))
        if st.subs:
            rels.append(eq([("ACTSUB", s, a, "T") for s in st.subs], ("ACT", a, "T"), f"activity {a}: subprojects add up"))
            for s in st.subs:
                rels.append(Rel([(("ACTSUB", s, a, "T"), 1), (("P", "sub:" + s, "T"), -1)], None, 0,
                                f"activity {a} in {s} ≤ its participants"))
    # age bands
    if st.bands:
        for i in list(range(len(st.bands))) + ["unknown"]:
            rels.append(eq([("AGE", i, g) for g in gs], ("AGE", i, "T"), f"age band {i}: women+men+other = total"))
        for g in ALL:
            rels.append(eq([("AGE", i, g) for i in range(len(st.bands))] + [("AGE", "unknown", g)], ("P", "proj", g),
                           f"age bands add up to the participants [{g}]"))
    # breakdowns (the user's and the ESF+ ones)
    bds = declared_breakdowns(project)
    for bid, (multiple, _, table, sensitive, esf) in bds.items():
        if not esf and bid not in st.breakdowns:
            continue
        if esf and not st.esf:
            continue
        codes = list(table) if table is not None else ["yes", "no"]
        over = "E" if bid == "qualification" else "P"
        bk, nk = ("BDE", "BDNSE") if bid == "qualification" else ("BD", "BDNS")
        for c in codes:
            rels.append(eq([(bk, bid, c, g) for g in gs], (bk, bid, c, "T"), f"breakdown {bid}={c}: women+men+other = total"))
        rels.append(eq([(nk, bid, g) for g in gs], (nk, bid, "T"), f"breakdown {bid} not stated: women+men+other = total"))
        for g in ALL:
            if not multiple:
                rels.append(eq([(bk, bid, c, g) for c in codes] + [(nk, bid, g)], (over, "proj", g),
                               f"breakdown {bid}: values + not stated = {'ended' if over == 'E' else 'participants'} [{g}]"))
            else:
                for c in codes:
                    rels.append(Rel([((bk, bid, c, g), 1), ((nk, bid, g), 1), ((over, "proj", g), -1)], None, 0,
                                    f"breakdown {bid}={c} + not stated ≤ participants [{g}]"))
                rels.append(Rel([((bk, bid, c, g), 1) for c in codes] + [((nk, bid, g), 1), ((over, "proj", g), -1)], 0, None,
                                f"breakdown {bid}: sum of values + not stated ≥ participants [{g}]"))
        if st.subs and bid != "qualification":
            for c in codes:
                rels.append(eq([("BDSUB", bid, s, c, "T") for s in st.subs], ("BD", bid, c, "T"), f"breakdown {bid}={c}: subprojects add up"))
            rels.append(eq([("BDNSSUB", bid, s, "T") for s in st.subs], ("BDNS", bid, "T"), f"breakdown {bid} not stated: subprojects add up"))
            for s in st.subs:
                if not multiple:
                    rels.append(eq([("BDSUB", bid, s, c, "T") for c in codes] + [("BDNSSUB", bid, s, "T")], ("P", "sub:" + s, "T"),
                                   f"breakdown {bid} in {s}: values + not stated = its participants"))
                else:
                    for c in codes:
                        rels.append(Rel([(("BDSUB", bid, s, c, "T"), 1), (("BDNSSUB", bid, s, "T"), 1), (("P", "sub:" + s, "T"), -1)],
                                        None, 0, f"breakdown {bid}={c} in {s} + not stated ≤ its participants"))
    # ESF+ indicators
    if st.esf:
        resmap = {"job_searching": "job_searching", "education": "education_training", "employment": "employment"}
        by_result = {v: [] for v in resmap.values()}
        for code, _, res in exit_reasons(project):
            if res in resmap and code in st.reasons:
                by_result[resmap[res]].append(code)
        for g in ALL:
            L = lambda c: ("BD", "labour_status", c, g)  # noqa: E731
            rels += [eq([("P", "proj", g)], ("ESF", "total", g), f"ESF+ total = participants [{g}]"),
                     eq([L("unemployed"), L("long_term_unemployed")], ("ESF", "unemployed", g), f"ESF+ unemployed incl. long-term [{g}]"),
                     eq([L("long_term_unemployed")], ("ESF", "long_term_unemployed", g), f"ESF+ long-term unemployed [{g}]"),
                     eq([L("inactive")], ("ESF", "inactive", g), f"ESF+ inactive [{g}]"),
                     eq([L("employed")], ("ESF", "employed", g), f"ESF+ employed [{g}]"),
                     eq([("BDNS", "labour_status", g)], ("ESFNS", "labour_status", g), f"ESF+ labour status not stated [{g}]"),
                     eq([("BDNS", "education", g)], ("ESFNS", "education", g), f"ESF+ education not stated [{g}]"),
                     eq([("BDNSE", "qualification", g)], ("ESFNS", "qualification", g), f"ESF+ qualification not stated [{g}]"),
                     eq([("BDE", "qualification", "yes", g)], ("ESF", "qualification", g), f"ESF+ qualification [{g}]")]
            for c in ("isced_0_2", "isced_3_4", "isced_5_8"):
                rels.append(eq([("BD", "education", c, g)], ("ESF", c, g), f"ESF+ {c} [{g}]"))
            for b in YESNO:
                rels.append(eq([("BD", b, "yes", g)], ("ESF", b, g), f"ESF+ {b} [{g}]"))
                rels.append(eq([("BDNS", b, g)], ("ESFNS", b, g), f"ESF+ {b} not stated [{g}]"))
            for ind, codes in by_result.items():
                rels.append(eq([("X", "proj", c, g) for c in codes], ("ESF", ind, g), f"ESF+ {ind} = exits with that esf_result [{g}]"))
            # age groups: below 18, 18-29, (30-54), 55+, not stated = participants
            rels.append(eq([("ESF", "below_18", g), ("ESF", "age_18_29", g), ("AGE3054", g), ("ESF", "age_55_plus", g),
                            ("ESFNS", "age", g)], ("P", "proj", g), f"ESF+ age groups + not stated = participants [{g}]"))
            if st.bands:
                rels.append(eq([("AGE", "unknown", g)], ("ESFNS", "age", g), f"ESF+ age not stated = age band unknown [{g}]"))
                for ind, (lo, hi) in list(ESF_AGE.items()) + [("AGE3054", (30, 54))]:
                    key = ("AGE3054", g) if ind == "AGE3054" else ("ESF", ind, g)
                    inside, touching = [], []
                    for i, (bl, bh) in enumerate(st.bands):
                        blo = -1 if bl is None else bl
                        bhi = 999 if bh is None else bh
                        glo = -1 if lo is None else lo
                        ghi = 999 if hi is None else hi
                        if blo >= glo and bhi <= ghi:
                            inside.append(("AGE", i, g))
                        if not (bhi < glo or blo > ghi):
                            touching.append(("AGE", i, g))
                    rels.append(Rel([(x, 1) for x in inside] + [(key, -1)], None, 0, f"age bands inside ESF+ {ind} ≤ it [{g}]"))
                    rels.append(Rel([(x, 1) for x in touching] + [(key, -1)], 0, None, f"ESF+ {ind} ≤ the age bands it touches [{g}]"))
        for key in ["unemployed", "long_term_unemployed", "inactive", "employed", "isced_0_2", "isced_3_4", "isced_5_8",
                    "below_18", "age_18_29", "age_55_plus", "job_searching", "education_training", "employment",
                    "qualification", "total"] + list(YESNO):
            rels.append(eq([("ESF", key, g) for g in gs], ("ESF", key, "T"), f"ESF+ {key}: women+men+other = total"))
        for key in ["labour_status", "education", "age", "qualification"] + list(YESNO):
            rels.append(eq([("ESFNS", key, g) for g in gs], ("ESFNS", key, "T"), f"ESF+ {key} not stated: women+men+other = total"))
        rels.append(eq([("AGE3054", g) for g in gs], ("AGE3054", "T"), "age 30-54: women+men+other = total"))
    # timeline
    if st.months:
        for m, _, _ in st.months:
            rels.append(eq([("TLS", m, g) for g in gs], ("TLS", m, "T"), f"month {m}: started women+men+other = total"))
        for g in ALL:
            rels.append(eq([("TLS", m, g) for m, _, _ in st.months], ("P", "proj", g), f"months' started add up to the participants [{g}]"))
        rels.append(eq([("TLE", m) for m, _, _ in st.months], ("E", "proj", "T"), "months' ended add up to the ended"))
        cum = []
        ends = []
        for m, active, cumulative in st.months:
            cum.append(("TLS", m, "T"))
            ends.append(("TLE", m))
            rels.append(Rel([(x, 1) for x in cum], cumulative, cumulative, f"month {m}: cumulative = started so far"))
            rels.append(Rel([(x, 1) for x in cum] + [(x, -1) for x in ends], active, active, f"month {m}: active = started − ended so far"))
    return [r for r in rels if r is not None]
