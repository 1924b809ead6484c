#!/usr/bin/env python3
"""Checks that the PDF a real client made of a report (LibreOffice from the
.docx) holds the report's key figures, as the report writes them: the
participants, women and men, and each exit reason's total (from its
slutrapport.xml; "1 234" with a no-break space in Swedish, "1,234" in English).

    scripts/check-pdf.py OUT/<id>/slutrapport.pdf [...]

Each PDF is read with `pdftotext -layout`; its slutrapport.xml lies beside it.
Exit status 1 when a figure is missing or pdftotext fails.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_figures import Report  # noqa: E402


def holds(text, number, group):
    """`number` as a whole token. pdftotext gives a no-break space as a plain one, so a
    Swedish group separator may read as either; a digit group may not run on after it."""
    pattern = re.escape(number).replace(re.escape(group), "[ \u00a0\u202f]") if group.strip() == "" else re.escape(number)
    return re.search(r"(?<![\d.,\u00a0\u202f])" + pattern + r"(?![\d]|[\u00a0\u202f,.]\d)", text) is not None


def check(pdf):
    report = Report(os.path.join(os.path.dirname(pdf), "slutrapport.xml"))
    run = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{pdf}: error: pdftotext failed: {run.stderr.strip()}", file=sys.stderr)
        return False
    text = run.stdout
    figures = report.key_figures()
    missing = [(name, report.style.count(v)) for name, v in figures if not holds(text, report.style.count(v), report.style.group)]
    for name, number in missing:
        print(f"{pdf}: error: {name} {number!r} is not in the PDF's text", file=sys.stderr)
    pages = text.count("\f")
    print(f"{pdf}: {pages} pages, {len(figures) - len(missing)} of {len(figures)} key figures found"
          + (" (no participant figures in this report)" if not figures else ""))
    return not missing


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(0 if all([check(p) for p in sys.argv[1:]]) else 1)
