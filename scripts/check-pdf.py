#!/usr/bin/env python3
"""Checks the PDF a real client made of a report (LibreOffice from the .docx):
- it holds the report's key figures, as the report writes them: the
  participants, women and men, and each exit reason's total (from its
  slutrapport.xml; "1 234" with a no-break space in Swedish, "1,234" in English);
- no word of a table is broken across lines (a column too narrow for it):
  each word of the .docx's tables is found whole in the PDF's text at least as
  often as the .docx's text holds it.

    scripts/check-pdf.py OUT/<id>/slutrapport.pdf [...]

Each PDF is read with `pdftotext`; its slutrapport.xml and slutrapport.docx lie
beside it. Exit status 1 when a figure is missing, a word is broken or
pdftotext fails.
"""
import collections
import html
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_figures import Report  # noqa: E402


def holds(text, number, group):
    """`number` as a whole token. pdftotext gives a no-break space as a plain one, so a
    Swedish group separator may read as either; a digit group may not run on after it."""
    pattern = re.escape(number).replace(re.escape(group), "[ \u00a0\u202f]") if group.strip() == "" else re.escape(number)
    return re.search(r"(?<![\d.,\u00a0\u202f])" + pattern + r"(?![\d]|[\u00a0\u202f,.]\d)", text) is not None


def words(text):
    """Words as a line break may leave them: a break may fall after a dash or a slash, and
    pdftotext joins a word broken after its hyphen ("SFI-" "plus" gives "SFIplus"), so
    hyphens are dropped on both sides."""
    for word in text.replace("-", "").split():
        yield from (w for w in re.split(r"(?<=[\u2013/])", word.strip(".,:;()")) if len(w) > 1)


def docx_texts(path):
    """The text of every paragraph of the document, its header and footer, and of its tables' cells apart."""
    paragraphs, cells = [], []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name):
                continue
            xml = z.read(name).decode("utf-8")
            for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
                paragraphs.append(html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))))
            for tc in re.findall(r"<w:tc>.*?</w:tc>", xml, re.S):
                cells.append(html.unescape(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", tc))))
    return paragraphs, cells


def broken_words(pdf, docx):
    """Words of the tables that the PDF holds whole fewer times than the document does."""
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True)
    found = collections.Counter(words(run.stdout))
    paragraphs, cells = docx_texts(docx)
    written = collections.Counter(w for p in paragraphs for w in words(p))
    return sorted({w for c in cells for w in words(c) if found[w] < written[w]})


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
    broken = broken_words(pdf, os.path.join(os.path.dirname(pdf), "slutrapport.docx"))
    if broken:
        print(f"{pdf}: error: words of a table broken across lines (a column too narrow): {broken}", file=sys.stderr)
    pages = text.count("\f")
    print(f"{pdf}: {pages} pages, {len(figures) - len(missing)} of {len(figures)} key figures found"
          + (" (no participant figures in this report)" if not figures else "")
          + (f", {len(broken)} words broken" if broken else ", no word of a table broken"))
    return not missing and not broken


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(0 if all([check(p) for p in sys.argv[1:]]) else 1)
