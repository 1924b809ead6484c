#!/usr/bin/env python3
"""Prints each report's HTML with headless Chromium, its own header and footer
off (as a reader's "Save as PDF" without them, and `make screenshots`), and
checks the printed pages:
- every page carries its number out of the whole, "Sida 3 av 10" or
  "Page 3 of 10" by the page's `<html lang>`, and the project's name (the
  report's `@page` margin boxes);
- no page but the last is mostly blank: its text reaches below the middle of
  the page's body (a forced break or an unbreakable block too early leaves
  the rest of a page empty).

    scripts/check-print.py OUT/<id>/slutrapport.html [...]

The PDF is written beside each page as slutrapport.print.pdf (pdftoppm it to
look). Needs `chromium` and poppler-utils (pdfinfo, pdftotext). Exit status 1
when a page lacks its number or name, a page is mostly blank, or printing fails.
"""
import html
import os
import re
import subprocess
import sys

PAGE_WORDS = {"sv": ("Sida", "av"), "en": ("Page", "of")}
# The report's @page margins: 20 mm above, 22 mm below; a point is 1/72 inch.
MM = 72 / 25.4
TOP, BOTTOM = 20 * MM, 22 * MM
# A page whose text ends above this share of its body is mostly blank.
LEAST_FILLED = 0.5


def print_pdf(page, pdf):
    url = "file://" + os.path.abspath(page)
    run = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                          f"--print-to-pdf={pdf}", url], capture_output=True, text=True, timeout=120)
    return run.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 0


def pages(pdf):
    """Per page: its height, its words' text, and the lowest word of its body (below the head, above the foot)."""
    run = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True)
    result = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', run.stdout, re.S):
        height = float(page.group(2))
        words = [(float(m.group(1)), float(m.group(2)), html.unescape(m.group(3)))
                 for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page.group(3))]
        body = [y_max for y_min, y_max, _ in words if y_min >= TOP and y_max <= height - BOTTOM]
        result.append((height, " ".join(w for _, _, w in words), max(body, default=TOP)))
    return result


def check(page):
    text = open(page, encoding="utf-8").read()
    lang = re.search(r'<html lang="([a-z]+)"', text).group(1)
    name = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S).group(1))
    pdf = os.path.join(os.path.dirname(page), "slutrapport.print.pdf")
    if not print_pdf(page, pdf):
        print(f"{page}: error: Chromium could not print it", file=sys.stderr)
        return False
    printed = pages(pdf)
    ok = True
    word, of = PAGE_WORDS[lang]
    for number, (height, words, lowest) in enumerate(printed, start=1):
        where = f"{pdf}: page {number} of {len(printed)}"
        if f"{word} {number} {of} {len(printed)}" not in words:
            print(f"{where}: error: no '{word} {number} {of} {len(printed)}' on it", file=sys.stderr)
            ok = False
        if " ".join(name.split()) not in words:
            print(f"{where}: error: the project's name {name!r} is not on it", file=sys.stderr)
            ok = False
        filled = (lowest - TOP) / (height - TOP - BOTTOM)
        if number < len(printed) and filled < LEAST_FILLED:
            print(f"{where}: error: mostly blank (its text ends {filled:.0%} down the page)", file=sys.stderr)
            ok = False
    return ok


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    results = [check(page) for page in argv]
    print(f"check-print: {sum(results)} of {len(results)} printed reports have every page numbered and none mostly blank")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
