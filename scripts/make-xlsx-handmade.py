#!/usr/bin/env python3
"""Hand-made broken workbooks of the broken corpus (issue 15), each one part
of a real LibreOffice workbook (Tests/Fixtures/xlsx/libreoffice-sv) changed,
or a small workbook written with openpyxl, to reach one diagnostic the
malformed cases of scripts/make-xlsx-fixtures.py do not:

  xlsx-no-such-sheet  project.yaml names a sheet the workbook lacks
  xlsx-cell           a data cell with a style index styles.xml lacks
  xlsx-damaged        the sheet member stored with a compression method zip readers do not know (LZMA, 14)
  xlsx-cells          row errors in a workbook: each names its cell and sheet

Writes Tests/Fixtures/broken/<case>/ with project.yaml, the workbook and
expected.txt. Deterministic: the same bytes every run (zip dates fixed).
"""
import io
import os
import struct
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")
BASE = os.path.join(FIXTURES, "xlsx", "libreoffice-sv")
BROKEN = os.path.join(FIXTURES, "broken")


def members(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def rezip(parts, stored_as=None):
    """The parts zipped deflated, dated 1980-01-01; `stored_as` names a member whose method is then set to LZMA (14)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    data = bytearray(out.getvalue())
    if stored_as:
        name = stored_as.encode()
        for sig, method_at, name_len_at, name_at in ((b"PK\x03\x04", 8, 26, 30), (b"PK\x01\x02", 10, 28, 46)):
            at = 0
            while (at := data.find(sig, at)) >= 0:
                n = struct.unpack_from("<H", data, at + name_len_at)[0]
                if bytes(data[at + name_at:at + name_at + n]) == name:
                    struct.pack_into("<H", data, at + method_at, 14)
                at += 4
    return bytes(data)


def write(case, files, expected):
    folder = os.path.join(BROKEN, case)
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
    with open(os.path.join(folder, "expected.txt"), "w") as f:
        f.write("".join(line + "\n" for line in expected))


def main():
    yaml = open(os.path.join(BASE, "project.yaml"), encoding="utf-8").read()
    parts = members(os.path.join(BASE, "participants.xlsx"))

    named = yaml + "sheet: Deltagare\n"
    line = named.count("\n")
    write("xlsx-no-such-sheet", {"project.yaml": named, "participants.xlsx": rezip(parts)},
          [f"project.yaml:{line}:8: error: xlsx-no-such-sheet"])

    sheet = dict(parts)["xl/worksheets/sheet1.xml"].decode()
    # The start date of the third row (E3) gets a style styles.xml does not define.
    at = sheet.index('<c r="E3"')
    end = sheet.index(">", at)
    cell = sheet[at:end]
    changed = cell.replace(cell[cell.index(' s="'):cell.index('"', cell.index(' s="') + 4) + 1], ' s="999"')
    sheet = sheet[:at] + changed + sheet[end:]
    write("xlsx-cell", {"project.yaml": yaml, "participants.xlsx": rezip(
        [(n, sheet.encode() if n == "xl/worksheets/sheet1.xml" else d) for n, d in parts])},
        ["participants.xlsx:3:5: error: xlsx-cell"])

    write("xlsx-damaged", {"project.yaml": yaml, "participants.xlsx": rezip(parts, stored_as="xl/worksheets/sheet1.xml")},
          ["participants.xlsx:1:1: error: xlsx-damaged"])

    # Row errors: a title-less sheet Blad1 with its header on row 2 (row 1 empty),
    # an unknown gender (C3), a text date that is none (E4), two serial numbers in a
    # General-format start date column (E5, E6: one date-serial), an end date without
    # an exit reason (F7).
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    rows = [
        ["deltagar_id", "delprojekt", "kön", "födelseår", "startdatum", "slutdatum", "avslutsorsak"],
        ["QZID101", "karlstad", "okänt", 1931, "2021-02-01", None, None],
        ["QZID102", "karlstad", "kvinna", 1932, "2021-13-01", None, None],
        ["QZID103", "hammaro", "man", 1933, 44717, None, None],
        ["QZID104", "hammaro", "man", 1934, 44718, None, None],
        ["QZID105", "hammaro", "kvinna", 1935, "2021-03-01", "2021-05-01", None],
    ]
    for r, values in enumerate(rows, start=2):
        for c, v in enumerate(values, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=v)
    out = io.BytesIO()
    wb.save(out)
    write("xlsx-cells", {"project.yaml": yaml, "participants.xlsx": rezip(members(out))}, [
        "participants.xlsx:3:3: error: unknown-gender",
        "participants.xlsx:4:5: error: invalid-date",
        "participants.xlsx:5:5: error: date-serial",
        "participants.xlsx:7:6: error: end-without-exit",
    ])


if __name__ == "__main__":
    main()
