#!/usr/bin/env python3
"""Writes a seed of fuzz-xlsx-parts from a workbook: the XML of its first
sheet, shared strings, styles, workbook and workbook relationships, in the
order of WorkbookFuzzHarness.partNames, joined by NUL bytes (a part the
workbook lacks is empty: no member). Standard library only.

Usage: xlsx-fuzz-parts.py WORKBOOK.xlsx OUT
"""
import sys
import zipfile

PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
         "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]

def main():
    source, out = sys.argv[1], sys.argv[2]
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        return 1  # not a zip (an .xls, a cut file): fuzz-xlsx has it whole
    names = {n.lower(): n for n in archive.namelist()}
    pieces = []
    for part in PARTS:
        try:
            pieces.append(archive.read(names[part.lower()]) if part.lower() in names else b"")
        except Exception:  # an encrypted or damaged member: none
            pieces.append(b"")
    # The harness splits at NUL: a part holding one (never well-formed XML) is cut there.
    with open(out, "wb") as f:
        f.write(b"\0".join(p.replace(b"\0", b"") for p in pieces))
    return 0

if __name__ == "__main__":
    sys.exit(main())
