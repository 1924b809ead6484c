#!/usr/bin/env python3
"""Reads every table of a report's .docx with python-docx, as a Word user's
tools would, and checks each figure table's numbers against the report's own
slutrapport.xml (see report_figures.py for what "equal" means under
disclosure control).

    scripts/check-docx.py OUT/<id> [OUT/<id> ...]

A figure table is one with a Caption-style paragraph right above it; those must
be the report's figure tables, all of them, in the report's order. A document
without captions (LibreOffice's conversion of our HTML, used while the writer
did not exist) is matched by shape instead, other tables skipped. Exit status 1
when a number differs or a table is missing.
"""
import os
import sys

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_figures import Report, expected_tables  # noqa: E402
from table_check import compare_tables, fits, plural, run_checks, threshold  # noqa: E402

def tables_with_captions(document):
    """Every table of the body in order, with the text of the Caption paragraph right above it (or None)."""
    previous = None
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            previous = Paragraph(element, document)
        elif tag == "tbl":
            caption = None
            if previous is not None and previous.style is not None and (
                    previous.style.style_id == "Caption" or (previous.style.name or "").lower() == "caption"):
                caption = previous.text
            yield DocxTable(element, document), caption
            previous = None


def cell_texts(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def check(folder):
    name = os.path.join(folder, "slutrapport.docx")
    report = Report(os.path.join(folder, "slutrapport.xml"))
    document = docx.Document(name)
    tables = [(cell_texts(t), caption) for t, caption in tables_with_captions(document)]
    errors = []
    limit = threshold([cells for cells, _ in tables], errors)
    expected = expected_tables(report)
    by_caption = any(caption is not None for _, caption in tables)
    if by_caption:
        figure_tables = [(cells, caption) for cells, caption in tables if caption is not None]
        if len(figure_tables) != len(expected):
            errors.append(f"{len(figure_tables)} captioned tables, the XML gives {len(expected)}: "
                          f"{[c for _, c in figure_tables]} against {[e.name for e in expected]}")
        pairs = list(zip(figure_tables, expected))
    else:
        pairs, k = [], 0
        for cells, caption in tables:
            if k < len(expected) and fits(cells, expected[k]):
                pairs.append(((cells, caption), expected[k]))
                k += 1
        if k < len(expected):
            errors.append(f"no table for {[e.name for e in expected[k:]]}")
    labelled = [(f"table {table.name!r}" + (f" (caption {caption!r})" if caption else ""), cells, table)
                for (cells, caption), table in pairs]
    checked, undecided = compare_tables(labelled, report.style, limit, errors)
    for e in errors:
        print(f"{name}: error: {e}", file=sys.stderr)
    others = len(tables) - len(pairs)
    print(f"{name}: {plural(len(pairs), 'figure table')}, {checked} cells checked against the XML"
          + (f" ({undecided} not decided by it)" if undecided else "")
          + (f", {plural(others, 'other table')}" if others else "")
          + (f", threshold {limit}" if limit else "")
          + ("" if by_caption or not tables else ", matched by shape (no captions)")
          + (f": {len(errors)} errors" if errors else ""))
    return not errors


if __name__ == "__main__":
    sys.exit(run_checks(check, __doc__, sys.argv[1:]))
