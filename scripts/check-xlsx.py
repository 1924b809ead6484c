#!/usr/bin/env python3
"""Reads every sheet of a report's slutrapport.xlsx with openpyxl, as an
evaluator's tools would, and checks each table sheet's numbers against the
report's own slutrapport.xml (see report_figures.py for what "equal" means
under disclosure control).

    scripts/check-xlsx.py OUT/<id> [OUT/<id> ...]

The first sheet holds the project's facts; every other sheet one table of the
report, in the report's order: its caption in A1, the header row in row 2
(frozen), the rows below it down to the first empty row. A number cell is
read as the report writes it from its value and its number format (0.43 in
`0%` reads "43 %"), so both must be right; a figure stored as text is an
error. Exit status 1 when a number differs, a table is missing or a figure
is text.
"""
import os
import re
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_figures import Report, expected_tables  # noqa: E402
from table_check import compare_tables, plural, run_checks, threshold  # noqa: E402

# A text that reads as a figure: digits with group separators, maybe a per cent sign or a unit.
FIGURE_AS_TEXT = re.compile(r"\u2212?\d[\d\u00a0,.]*([ \u00a0]?%|[ \u00a0]t?kr)?")


def shown(value, number_format, style):
    """The cell as the report writes it: a number through its format, a text as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if number_format == "0%":
        return style.percent_whole(round(value * 100))
    if number_format == "0.0%":
        # As a spreadsheet shows it: the tenth always, even a zero one (the report leaves that out).
        tenths = round(value * 1000)
        return style.count(tenths // 10) + style.decimal + str(tenths % 10) + style.percent_gap + "%"
    unit = re.fullmatch(r'#,##0\\? ?"(t?kr)"', number_format)
    if unit:
        return style.amount(int(value), unit.group(1))
    if number_format in ("#,##0", "General") and float(value).is_integer():
        return style.count(int(value))
    return f"{value!r} in format {number_format!r}"


def table_sheet(sheet, style):
    """The caption, the table's rows as the report writes them, and the figures found stored as text."""
    rows = []
    for row in sheet.iter_rows(min_row=2):
        if all(cell.value is None for cell in row):
            break
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    texts = [[shown(c.value, c.number_format, style) for c in r] + [""] * (width - len(r)) for r in rows]
    as_text = [c.coordinate for r in rows[1:] for c in r[1:] if isinstance(c.value, str) and FIGURE_AS_TEXT.fullmatch(c.value)]
    return sheet["A1"].value, texts, as_text


def check(folder):
    name = os.path.join(folder, "slutrapport.xlsx")
    report = Report(os.path.join(folder, "slutrapport.xml"))
    workbook = openpyxl.load_workbook(name)
    errors = []
    sheets = workbook.worksheets[1:]
    tables = [(sheet.title, *table_sheet(sheet, report.style)) for sheet in sheets]
    for title, _, _, as_text in tables:
        if as_text:
            errors.append(f"sheet {title!r}: figures stored as text in {as_text}")
    for sheet in sheets:
        if sheet.freeze_panes != "A3":
            errors.append(f"sheet {sheet.title!r}: the header row is not frozen (panes frozen at {sheet.freeze_panes})")
    limit = threshold([cells for _, _, cells, _ in tables], errors)
    expected = expected_tables(report)
    if len(tables) != len(expected):
        errors.append(f"{len(tables)} table sheets, the XML gives {len(expected)}: "
                      f"{[caption for _, caption, _, _ in tables]} against {[e.name for e in expected]}")
    labelled = [(f"sheet {title!r} (table {table.name!r})", cells, table) for (title, _, cells, _), table in zip(tables, expected)]
    checked, undecided = compare_tables(labelled, report.style, limit, errors)
    for e in errors:
        print(f"{name}: error: {e}", file=sys.stderr)
    print(f"{name}: {plural(len(tables), 'table sheet')}, {checked} cells checked against the XML"
          + (f" ({undecided} not decided by it)" if undecided else "")
          + (f", threshold {limit}" if limit else "")
          + (f": {len(errors)} errors" if errors else ""))
    return not errors


if __name__ == "__main__":
    sys.exit(run_checks(check, __doc__, sys.argv[1:]))
