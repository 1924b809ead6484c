#!/usr/bin/env python3
"""Writes the workbooks of issue 25's "rows around the table" (SPEC §3.2):
the reference participants (Tests/Fixtures/xlsx/reference/participants.csv)
as a project leader keeps them in Excel: a title and a date above the
header, a blank row, then after the last participant a blank row and a
total row ("Totalt" and =COUNTA(...) of the ids, =SUM of nothing else).

  python3 scripts/make-rows-around-fixtures.py

- Tests/Fixtures/xlsx/openpyxl-total-row/participants.xlsx: openpyxl (the
  formula without a cached value, as openpyxl writes it).
- Tests/Fixtures/xlsx/libreoffice-total-row/participants.xlsx: the same
  opened and saved by LibreOffice Calc headless (formula with its value).

Dates are date cells. LibreOffice's output is not byte-stable (times): the
committed files are the fixtures.
"""
import csv
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
XLSX = os.path.join(ROOT, "Tests", "Fixtures", "xlsx")


def rows():
    with open(os.path.join(XLSX, "reference", "participants.csv"), encoding="utf-8") as f:
        return list(csv.reader(f))


def cell(value, column):
    if column in (4, 5) and value:
        return datetime.datetime.strptime(value, "%Y-%m-%d")
    if column == 3 and value:
        return int(value)
    return value or None


def write_openpyxl(path):
    data = rows()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Deltagarförteckning – Vägen till arbete i Värmland"])
    ws.append(["Uttag 2024-07-01"])
    ws.append([])
    ws.append(data[0])
    for r in data[1:]:
        ws.append([cell(v, i) for i, v in enumerate(r)])
        for c in (5, 6):
            ws.cell(row=ws.max_row, column=c).number_format = "yyyy-mm-dd"
    first, last = 5, ws.max_row
    ws.append([])
    ws.append(["Totalt", None, None, None, None, None, None, None])
    ws.cell(row=ws.max_row, column=2).value = f"=COUNTA(A{first}:A{last})"
    wb.save(path)


def main():
    folder = os.path.join(XLSX, "openpyxl-total-row")
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(XLSX, "reference", "project.yaml"), os.path.join(folder, "project.yaml"))
    write_openpyxl(os.path.join(folder, "participants.xlsx"))
    lo = os.path.join(XLSX, "libreoffice-total-row")
    os.makedirs(lo, exist_ok=True)
    shutil.copy(os.path.join(XLSX, "reference", "project.yaml"), os.path.join(lo, "project.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "in", "participants.xlsx")
        os.makedirs(os.path.dirname(source))
        shutil.copy(os.path.join(folder, "participants.xlsx"), source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--calc",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, source], check=True,
                       stdout=subprocess.DEVNULL)
    for f in (folder, lo):
        wb = openpyxl.load_workbook(os.path.join(f, "participants.xlsx"))
        ws = wb.active
        print(f, ws.max_row, [c.value for c in ws[ws.max_row]][:2])


if __name__ == "__main__":
    main()
