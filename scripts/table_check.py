"""A client's tables (python-docx's of the .docx, openpyxl's of the .xlsx), as
the report writes their cells, compared with the tables report_figures.py
expects from slutrapport.xml: shared by scripts/check-docx.py and
scripts/check-xlsx.py.
"""
import re
import sys

HIDDEN_MARK = re.compile(r"<\d+|\.\.")


class Context:
    """What a cell's check may consult: the number style, the threshold and the table's other cells."""

    def __init__(self, style, threshold, cells):
        self.style, self.threshold, self.cells = style, threshold, cells

    def is_hidden_mark(self, text):
        return HIDDEN_MARK.fullmatch(text) is not None

    def cell(self, row, column):
        return self.cells[row][column]


# Sensitive data is held to at least this N whatever the threshold (SPEC §4.8).
SENSITIVE_MINIMUM = 5


def threshold(tables, errors):
    """The disclosure threshold the tables show ("<N"), the same in every table beside the
    sensitive data's "<5"; 0 when none is hidden."""
    marks = {int(m.group(1)) for cells in tables for row in cells for text in row for m in [re.fullmatch(r"<(\d+)", text)] if m}
    if len(marks - {SENSITIVE_MINIMUM}) > 1 or any(m > SENSITIVE_MINIMUM for m in marks) and len(marks) > 1:
        errors.append(f"hidden counts shown with different thresholds: {sorted(marks)}")
    return min(marks) if marks else 0


def fits(cells, expected):
    """Same shape: a header row, then one row a row of the expected table, a row header before its cells."""
    return len(cells) == 1 + len(expected.rows) and all(len(r) == 1 + len(e) for r, e in zip(cells[1:], expected.rows))


def compare(cells, expected, context):
    """Errors of one table, and how many cells the XML decided."""
    errors, checked, undecided = [], 0, 0
    for r, (row, specs) in enumerate(zip(cells[1:], expected.rows), start=1):
        for c, (actual, spec) in enumerate(zip(row[1:], specs), start=1):
            want = spec.check(actual, context)
            if want is not None:
                errors.append(f"row {r + 1} ({row[0]!r}) column {c + 1}: {actual!r} where the XML gives {want}")
            if spec.checked:
                checked += 1
            elif spec.checked is False:
                undecided += 1
    return errors, checked, undecided


def plural(n, noun):
    return f"{n} {noun}" + ("" if n == 1 else "s")


def compare_tables(pairs, style, limit, errors):
    """Each (label, cells, expected table) compared cell for cell, the errors added to `errors`;
    how many cells the XML decided, and how many it did not."""
    checked = undecided = 0
    for label, cells, table in pairs:
        if not fits(cells, table):
            errors.append(f"{label}: {len(cells)} rows of {[len(r) for r in cells]} cells, "
                          f"expected 1 + {len(table.rows)} rows of {[1 + len(r) for r in table.rows]}")
            continue
        e, c, u = compare(cells, table, Context(style, limit, cells))
        errors += [f"{label} {x}" for x in e]
        checked, undecided = checked + c, undecided + u
    return checked, undecided


def run_checks(check, doc, folders):
    """A check script's main: `check` on every folder; exit status 1 when one fails, 2 without folders."""
    if not folders:
        print(doc, file=sys.stderr)
        return 2
    results = [check(f) for f in folders]
    return 0 if all(results) else 1
