#!/usr/bin/env python3
"""Writes Tests/Fixtures/esf-hand-xlsx/: the rows of the hand-checked ESF+
fixture (Tests/Fixtures/esf-hand/participants.csv) as participants.xlsx, with
a copy of its project.yaml, so that the workbook path must give the same
expected.json.

The workbook is written by openpyxl as a user's would be: start and end dates
as date cells (format yyyy-mm-dd), birth years and the 1/0 yes/no spellings
as numbers, everything else as text, empty cells left out. Same rows, same
bytes: the document's dates are fixed and the zip is written again with its
entries dated 1980-01-01. Read back and compared with the CSV before it ends.

  python3 scripts/make-esf-hand-xlsx.py
"""
import csv
import datetime as dt
import io
import os
import shutil
import zipfile

import openpyxl

SOURCE = "Tests/Fixtures/esf-hand"
TARGET = "Tests/Fixtures/esf-hand-xlsx"
DATE_COLUMNS = {"startdatum", "slutdatum"}


def cell_value(column, text):
    if text == "":
        return None
    if column in DATE_COLUMNS:
        return dt.datetime.fromisoformat(text)
    if text.isdigit():
        return int(text)
    return text


def main():
    with open(os.path.join(SOURCE, "participants.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(header)
    for row in rows[1:]:
        ws.append([cell_value(c, t) for c, t in zip(header, row)])
    for col, name in enumerate(header, 1):
        if name in DATE_COLUMNS:
            for r in range(2, len(rows) + 1):
                ws.cell(row=r, column=col).number_format = "yyyy-mm-dd"
    fixed = dt.datetime(2024, 2, 15)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "slutrapport"
    raw = io.BytesIO()
    wb.save(raw)

    os.makedirs(TARGET, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(os.path.join(TARGET, "participants.xlsx"), "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, src.read(info.filename))
    shutil.copyfile(os.path.join(SOURCE, "project.yaml"), os.path.join(TARGET, "project.yaml"))

    # Read back: every cell is the CSV's text (dates as YYYY-MM-DD, numbers as digits).
    back = openpyxl.load_workbook(os.path.join(TARGET, "participants.xlsx"))
    sheet = back.worksheets[0]
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            v = sheet.cell(row=r, column=c).value
            got = "" if v is None else v.date().isoformat() if isinstance(v, dt.datetime) else str(v)
            assert got == text, (r, c, got, text)
    print(f"wrote {TARGET}/participants.xlsx: {len(rows) - 1} rows, the same as {SOURCE}/participants.csv")


if __name__ == "__main__":
    main()
