"""The figures of one report, read from its slutrapport.xml (SPEC §5), and how
the report writes them: shared by scripts/check-docx.py (python-docx reads
every table of the .docx), scripts/check-xlsx.py (openpyxl reads every table
sheet of the .xlsx) and scripts/check-pdf.py (pdftotext of the PDF a real
client made). The XML is the contract; these scripts hold the other
formats to it, so they know only what the XML says and how a number reads.

Disclosure control: a count the XML leaves out (named in `suppressed`) must be
hidden in the table too ("<N" or ".."); a figure the XML does not carry but
that follows from shown ones (ended women = the sum of the exits' women) must
equal that sum, or be hidden; one that follows from a hidden count is not
checked (and counted as such).
"""
import xml.etree.ElementTree as ET

NS = "{urn:slutrapport:1}"
GENDERS = ("women", "men", "other")

# How numbers read (Sources/SlutrapportKit/Translations/Translation+<code>.swift):
# group separator, decimal mark, between a number and its per cent sign.
NUMBER_FORMATS = {"sv": ("\u00a0", ",", "\u00a0"), "en": (",", ".", "")}
# What a subproject with no row in counts.csv shows in place of its counts
# (SPEC §3.3; the XML writes it reported="false", with no counts).
NOT_REPORTED = {"sv": "ej rapporterat", "en": "not reported"}


class NumberStyle:
    def __init__(self, lang):
        self.group, self.decimal, self.percent_gap = NUMBER_FORMATS[lang]
        self.not_reported = NOT_REPORTED[lang]

    def not_reported_cells(self, n):
        """A row's n count cells when it did not report: the words once, then blanks; never zeros."""
        return [Exact(self.not_reported)] + [Exact("")] * (n - 1)

    def count(self, n):
        digits = str(abs(n))
        out = ""
        for i, c in enumerate(digits):
            if i > 0 and (len(digits) - i) % 3 == 0:
                out += self.group
            out += c
        return ("\u2212" + out) if n < 0 else out

    def percent_whole(self, whole):
        return self.count(whole) + self.percent_gap + "%"

    def percent_tenths(self, tenths):
        """A target or reported value: one decimal only when it is not zero."""
        text = self.count(tenths // 10) if tenths % 10 == 0 else self.count(tenths // 10) + self.decimal + str(tenths % 10)
        return text + self.percent_gap + "%"

    def amount(self, n, unit="kr"):
        return f"{self.count(n)}\u00a0{unit}"


def whole_percent(numerator, denominator):
    """Rounded half-up, as `Share.whole`."""
    return (numerator * 200 + denominator) // (2 * denominator)


def tenths(text):
    """`57.5` → 575 (the XML's one-decimal figures)."""
    whole, _, frac = text.partition(".")
    return int(whole) * 10 + (int(frac[:1]) if frac else 0)


class Hidden:
    """A count the XML leaves out: disclosure control hides it."""

    def __repr__(self):
        return "hidden"


HIDDEN = Hidden()


class Counts:
    """One element's counts: an int, HIDDEN (named in `suppressed`), or None (absent)."""

    def __init__(self, element):
        suppressed = set((element.get("suppressed") or "").split()) if element is not None else set()
        self.values = {}
        for name in ("total", "active", "ended") + GENDERS:
            if element is not None and element.get(name) is not None:
                self.values[name] = int(element.get(name))
            elif name in suppressed:
                self.values[name] = HIDDEN
            else:
                self.values[name] = None

    def __getitem__(self, name):
        return self.values[name]


def known(v):
    return isinstance(v, int)


class Breakdown:
    """Participants and exits of the project, a group or a subproject."""

    def __init__(self, element):
        self.participants = Counts(element.find(NS + "participants") if element is not None else None)
        exits = element.find(NS + "exits") if element is not None else None
        self.exits = [Counts(e) for e in exits.findall(NS + "exit")] if exits is not None else []
        self.ended_total = self.participants["ended"]
        if exits is not None and exits.get("ended") is not None:
            self.ended_total = int(exits.get("ended"))

    def ended(self, gender):
        """The ended of one gender: the sum of its exits, known only when every one is shown."""
        if gender is None:
            return self.ended_total
        parts = [e[gender] for e in self.exits]
        return sum(parts) if all(known(p) for p in parts) else None

    def active(self, gender):
        if gender is None:
            return self.participants["active"]
        total, ended = self.participants[gender], self.ended(gender)
        return total - ended if known(total) and known(ended) else None

    def has_ended(self):
        # A hidden count is never zero (zeros are shown), so a hidden ended total means some ended.
        return self.ended_total is HIDDEN or (known(self.ended_total) and self.ended_total > 0)


class Report:
    def __init__(self, path):
        self.root = ET.parse(path).getroot()
        self.lang = self.root.get("lang")
        self.style = NumberStyle(self.lang)
        self.project = Breakdown(self.root)
        self.has_figures = self.root.find(NS + "participants") is not None

    def key_figures(self):
        """What any rendering of the report must show: participants, women, men, each exit's total."""
        p = self.project.participants
        figures = [("participants", p["total"]), ("women", p["women"]), ("men", p["men"])]
        exits = self.root.find(NS + "exits")
        if exits is not None:
            figures += [(f"exit {e.get('reason')}", Counts(e)["total"]) for e in exits.findall(NS + "exit")]
        return [(name, v) for name, v in figures if known(v)]


# What a table cell must read. `check` returns None when the cell is right,
# else what it should have been; `checked` says whether the XML decides it.
class Cell:
    checked = True


class Exact(Cell):
    def __init__(self, text):
        self.text = text

    def check(self, actual, context):
        return None if actual == self.text else repr(self.text)


class Count(Cell):
    """A count: straight from the XML, or `derived` from counts it shows."""

    def __init__(self, value, derived=False):
        self.value, self.derived = value, derived
        self.checked = value is not None

    def check(self, actual, context):
        if self.value is None:
            return None
        if self.value is HIDDEN:
            return None if context.is_hidden_mark(actual) else "a hidden count (<N or ..)"
        want = context.style.count(self.value)
        if actual == want:
            return None
        # A derived figure the XML does not carry may itself be hidden: ".." anywhere, "<N" when small.
        if self.derived and (actual == ".." or (context.is_hidden_mark(actual) and 0 < self.value < context.threshold)):
            return None
        return repr(want)


class Share(Cell):
    """A count's share of a denominator; `at` is where the table shows a denominator the XML
    does not carry (row, column), which may be hidden there."""

    def __init__(self, numerator, denominator, at):
        self.numerator, self.denominator, self.at = numerator, denominator, at
        self.checked = numerator is HIDDEN or denominator is HIDDEN or (known(numerator) and denominator is not None)

    def check(self, actual, context):
        if self.numerator is HIDDEN or self.denominator is HIDDEN or (self.at and context.is_hidden_mark(context.cell(*self.at))):
            return None if actual == "" else "'' (a share of a hidden count)"
        if not self.checked:
            return None
        want = "\u2013" if self.denominator == 0 else context.style.percent_whole(whole_percent(self.numerator, self.denominator))
        return None if actual == want else repr(want)


class GoalShare(Cell):
    """A goal's share outcome, shown as a whole percent of a figure the XML gives in tenths."""

    def __init__(self, tenths_value):
        self.tenths = tenths_value

    def check(self, actual, context):
        # Half-up from the exact share: at .5 in tenths the exact value may lie on either side.
        wholes = {(self.tenths + 5) // 10} | ({self.tenths // 10} if self.tenths % 10 == 5 else set())
        options = [context.style.percent_whole(w) for w in sorted(wholes)]
        return None if actual in options else " or ".join(map(repr, options))


class HiddenOutcome(Cell):
    def check(self, actual, context):
        return None if context.is_hidden_mark(actual) or actual == "\u2013" else "a hidden outcome (<N or \u2013)"


class Met(Cell):
    def __init__(self, met):
        self.met = met

    def check(self, actual, context):
        if self.met is None:
            return None if actual == "\u2013" else repr("\u2013")
        mark = "\u2713" if self.met == "true" else "\u2717"
        return None if actual.startswith(mark + " ") and len(actual) > 2 else f"{mark} and a word"


class Anything(Cell):
    """Text the XML does not hold (a metric's name): neither checked nor counted."""
    checked = None

    def check(self, actual, context):
        return None


class Table:
    def __init__(self, name, rows):
        self.name, self.rows = name, rows


def shown_genders(counts_list):
    """Women and men always, other only where some count of it is not zero (ReportViewBuilder.genders)."""
    has_other = any(known(c) and c > 0 for c in counts_list)
    return ["women", "men", "other"] if has_other else ["women", "men"]


def gender_counts(counts, genders):
    return [Count(counts[g]) for g in genders] + [Count(counts["total"])]


def exits_table(name, b, first_row=1):
    """Exit reasons by gender, each with its share of the ended; the ended last (exitsTable)."""
    columns = shown_genders([e["other"] for e in b.exits] + [b.ended("other")]) + [None]
    ended_row = first_row + len(b.exits)
    rows = []
    for e in b.exits:
        cells = []
        for c, g in enumerate(columns):
            value = e[g or "total"]
            cells += [Count(value), Share(value, b.ended(g), (ended_row, 1 + 2 * c))]
        rows.append(cells)
    ended = []
    for g in columns:
        ended += [Count(b.ended(g), derived=g is not None), Exact("")]
    return Table(name, rows + [ended])


# The ESF+ group whose "not stated" row follows an indicator's (ReportViewBuilder.notStatedGroup).
NOT_STATED_AFTER = {"employed": "labour_status", "age_55_plus": "age", "isced_5_8": "education"}
NOT_STATED_AFTER.update({g: g for g in ("disability", "third_country_national", "foreign_background", "minority",
                                        "homeless", "rural", "qualification")})


def nonzero(v):
    # A hidden count is never zero (zeros are shown).
    return v is HIDDEN or (known(v) and v > 0)


def breakdown_tables(root, participants):
    """The project's own breakdowns, then the ESF+ output and result indicators (SPEC §4.8-9)."""
    tables = []
    genders = shown_genders([participants["other"]]) + [None]
    for b in root.findall(f"{NS}breakdowns/{NS}breakdown"):
        # Each value, then "not stated" where non-zero: counts with their share of the counted participants.
        rows = []
        for element in b.findall(NS + "value") + b.findall(NS + "notStated"):
            c = Counts(element)
            cells = []
            for g in genders:
                cells += [Count(c[g or "total"]), Share(c[g or "total"], participants[g or "total"], None)]
            rows.append(cells)
        tables.append(Table(f"breakdown {b.get('id')}", rows))
    esf = root.find(NS + "esfPlus")
    if esf is not None:
        indicators = [(i.get("id"), i.get("kind"), Counts(i)) for i in esf.findall(NS + "indicator")]
        not_stated = {n.get("group"): Counts(n) for n in esf.findall(NS + "notStated")}
        others = [c["other"] for _, _, c in indicators] + [c["other"] for c in not_stated.values()]
        genders = (["women", "men", "other"] if any(nonzero(v) for v in others) else ["women", "men"]) + [None]
        rows = {"output": [], "result": []}
        for ident, kind, counts in indicators:
            rows[kind].append([Count(counts[g or "total"]) for g in genders])
            group = not_stated.get(NOT_STATED_AFTER.get(ident))
            if group is not None:
                rows[kind].append([Count(group[g or "total"]) for g in genders])
        tables += [Table("ESF+ output indicators", rows["output"]), Table("ESF+ result indicators", rows["result"])]
    return tables


def expected_tables(report):
    """The figure tables of the report in reading order (ReportViewBuilder.figureBlocks)."""
    root, style, project = report.root, report.style, report.project
    tables = []
    subprojects = root.findall(f"{NS}subprojects/{NS}subproject")
    groups = root.findall(f"{NS}groups/{NS}group")
    if report.has_figures:
        p = project.participants
        genders = shown_genders([p["other"]]) + [None]
        tables.append(Table("participants", [
            [Count(p[g or "total"]) for g in genders],
            [Count(project.active(g), derived=g is not None) for g in genders],
            [Count(project.ended(g), derived=g is not None) for g in genders]]))
        bands = [(band, Counts(band)) for band in root.findall(f"{NS}ageBands/{NS}ageBand")]
        if any(band.get("unknown") != "true" and nonzero(c["total"]) for band, c in bands):
            genders = shown_genders([c["other"] for _, c in bands]) + [None]
            rows = [[Count(c[g or "total"]) for g in genders] for band, c in bands
                    if band.get("unknown") != "true" or nonzero(c["total"])]
            tables.append(Table("age bands", rows + [[Count(p[g or "total"]) for g in genders]]))
        # By calendar quarter (SPEC §4.10): started and ended summed over its months, active and
        # cumulative of its last month; totals only (ReportViewBuilder.timelineBlock).
        quarters = []
        for month in root.findall(f"{NS}timeline/{NS}month"):
            year, m = month.get("month").split("-")
            key = (year, (int(m) + 2) // 3)
            row = [int(month.get(a)) for a in ("started", "ended", "active", "cumulative")]
            if quarters and quarters[-1][0] == key:
                last = quarters[-1][1]
                quarters[-1] = (key, [last[0] + row[0], last[1] + row[1], row[2], row[3]])
            else:
                quarters.append((key, row))
        if quarters:
            tables.append(Table("quarters", [[Count(v) for v in row] for _, row in quarters]))
        if project.has_ended():
            tables.append(exits_table("exits", project))
            durations = root.find(NS + "durations")
            if durations is not None:
                genders = shown_genders([project.ended("other")]) + [None]
                hidden = set((durations.get("suppressed") or "").split())
                medians = []
                for g in genders:
                    name = (g + "MedianDays") if g else "medianDays"
                    value = durations.get(name)
                    medians.append(Count(int(value)) if value is not None else Exact("") if name in hidden else Exact("\u2013"))
                tables.append(Table("durations", [
                    [Count(project.ended(g), derived=g is not None) if g else Count(int(durations.get("ended"))) for g in genders],
                    medians]))
        activities = [Counts(a) for a in root.findall(f"{NS}activities/{NS}activity")]
        if activities:
            genders = shown_genders([p["other"]]) + [None]
            rows = []
            for a in activities:
                cells = []
                for c, g in enumerate(genders):
                    # The denominator is a count of participants, which the XML gives itself.
                    cells += [Count(a[g or "total"]), Share(a[g or "total"], p[g or "total"], None)]
                rows.append(cells)
            tables.append(Table("activities", rows))
        tables += breakdown_tables(root, p)
        if subprojects:
            breakdowns = [Breakdown(s) for s in subprojects]
            has_groups = any(s.get("group") is not None for s in subprojects)
            has_granted = any(s.get("granted") is not None for s in subprojects)
            genders = shown_genders([b.participants["other"] for b in breakdowns]) + [None]

            def row(b, group, granted, reported=True):
                cells = [Exact(group)] if has_groups else []
                if reported:
                    cells += [Count(b.participants[g or "total"]) for g in genders]
                    cells += [Count(b.participants["active"]), Count(b.participants["ended"])]
                else:
                    cells += style.not_reported_cells(len(genders) + 2)
                if has_granted:
                    cells.append(Exact(style.amount(granted) if granted is not None else ""))
                return cells
            rows = [row(b, s.get("group") or "", int(s.get("granted")) if s.get("granted") else None, s.get("reported") != "false")
                    for s, b in zip(subprojects, breakdowns)]
            granted_total = sum(int(s.get("granted")) for s in subprojects if s.get("granted")) if has_granted else None
            rows.append(row(project, "", granted_total))
            tables.append(Table("subprojects", rows))
            group_breakdowns = [Breakdown(g) for g in groups]
            if groups:
                has_granted = any(g.get("granted") is not None for g in groups)
                genders = shown_genders([b.participants["other"] for b in group_breakdowns]) + [None]

                def group_row(n, b, granted, reported=True):
                    cells = [Count(n)] + ([Count(b.participants[g or "total"]) for g in genders] if reported
                                          else style.not_reported_cells(len(genders)))
                    if has_granted:
                        cells.append(Exact(style.amount(granted) if granted is not None else ""))
                    return cells
                sizes = [len(g.get("subprojects").split()) for g in groups]
                rows = [group_row(n, b, int(g.get("granted")) if g.get("granted") else None, g.get("reported") != "false")
                        for n, g, b in zip(sizes, groups, group_breakdowns)]
                if sum(sizes) == len(subprojects):
                    granted = [int(g.get("granted")) for g in groups if g.get("granted")]
                    rows.append(group_row(len(subprojects), project, sum(granted) if granted else None))
                tables.append(Table("groups", rows))
            for g, b in zip(groups, group_breakdowns):
                if b.has_ended():
                    tables.append(exits_table(f"exits of group {g.get('name')}", b))
            for s, b in zip(subprojects, breakdowns):
                if b.has_ended():
                    tables.append(exits_table(f"exits of subproject {s.get('id')}", b))
    goals = root.findall(f"{NS}goals/{NS}goal")
    not_reported = {s.get("id") for s in subprojects if s.get("reported") == "false"}
    if goals:
        rows = []
        for goal in goals:
            is_count = goal.get("metric") == "participants"
            target = style.count(int(goal.get("target"))) if is_count else style.percent_tenths(tenths(goal.get("target")))
            outcome = goal.get("outcome")
            if outcome is not None:
                outcome_cell = (Count(int(outcome)) if is_count else
                                Exact(style.percent_tenths(tenths(outcome))) if goal.get("metric") == "reported" else
                                GoalShare(tenths(outcome)))
            elif goal.get("subproject") in not_reported:
                outcome_cell = Exact(style.not_reported)
            else:
                outcome_cell = HiddenOutcome() if goal.get("suppressed") == "outcome" else Exact("\u2013")
            rows.append([Anything(), Exact(target), outcome_cell, Met(goal.get("met"))])
            for part in goal.findall(NS + "byGender"):
                value = part.get("outcome")
                cell = (Count(int(value)) if value is not None else
                        HiddenOutcome() if part.get("suppressed") == "outcome" else Exact("\u2013"))
                rows.append([Exact(""), Exact(style.count(int(part.get("target")))), cell, Met(part.get("met"))])
        tables.append(Table("goals", rows))
    budget = root.find(NS + "budget")
    if budget is not None:
        unit = budget.get("unit")
        rows = [[Exact(style.amount(int(line.get("amount")), unit))] for line in budget.findall(NS + "line")]
        tables.append(Table("budget", rows + [[Exact(style.amount(int(budget.get("total")), unit))]]))
    return tables
