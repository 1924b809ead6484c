#!/usr/bin/env python3
"""Writes the workbook fixtures of issue 15 (Tests/Fixtures/xlsx/README.md says
what each one is).

  scripts/make-xlsx-fixtures.py [--sst-limit N]

One small participant data set (REFERENCE_ROWS) is written as a CSV project
(Tests/Fixtures/xlsx/reference/) and saved as participants.xlsx by real
programs: LibreOffice Calc (sv and en locales, dates as date cells and as
text, title rows above the header), openpyxl (1904 date system, a second sheet
first by sheetId) and XlsxWriter (inline strings, custom date formats). The
counts project likewise. Each workbook is read back with openpyxl and compared
with the reference, cell by cell, before the script ends.

The malformed workbooks go to Tests/Fixtures/broken/xlsx-<case>/ with a
minimal project.yaml and an expected.txt.

Needs LibreOffice Calc (`soffice`, Debian's libreoffice-calc-nogui) and, from
PyPI, openpyxl, XlsxWriter and msoffcrypto-tool (installed here when missing).
LibreOffice's output is not byte-stable from run to run (timestamps): the
committed files are the fixtures; rerun this only to change them.
"""
import argparse
import datetime
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOOD = os.path.join(ROOT, "Tests", "Fixtures", "xlsx")
BROKEN = os.path.join(ROOT, "Tests", "Fixtures", "broken")
PYPI = {"openpyxl": "openpyxl==3.1.5", "xlsxwriter": "XlsxWriter==3.3.1", "msoffcrypto": "msoffcrypto-tool==6.1.0"}

HEADER = ["deltagar_id", "delprojekt", "kön", "födelseår", "startdatum", "slutdatum", "avslutsorsak", "aktiviteter"]
START, END = 4, 5  # the date columns of HEADER
GENDERS = ["kvinna", "K", "woman", "Female", "f", "Man", "m", "male", "annat", "ej angivet", "other", "X"]
REASONS = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt",
           "Arbete", "Annan orsak", "Fullföljt projektet", "STUDIER"]
ACTIVITIES = ["coaching", "praktik;grupp", "", "coaching;praktik", "grupp", "coaching;praktik;grupp"]
SUBPROJECTS = ["karlstad", "hammaro", "kristinehamn"]
AS_OF = datetime.date(2024, 6, 30)

PROJECT_YAML = """\
# Fixture of issue 15: the same participants as reference/participants.csv,
# saved as a workbook by the program its folder is named after.
id: xlsx-fixture
name: Vägen till arbete i Värmland
period: {start: 2021-01-01, end: 2024-06-30}
subprojects:
  - {id: karlstad, name: Delprojekt Karlstad, group: Stad}
  - {id: hammaro, name: Delprojekt Hammarö, group: Kommun}
  - {id: kristinehamn, name: Delprojekt Kristinehamn, group: Kommun}
activities:
  - {code: coaching, label: Individuell coaching}
  - {code: praktik, label: Praktik}
  - {code: grupp, label: Gruppverksamhet}
goals:
  - {id: deltagare, text: "40 deltagare", metric: participants, target: 40, by_gender: {kvinna: 15, man: 15}}
  - {id: arbete-studier, text: "Hälften avslutas mot arbete eller studier", metric: exit_share,
     reasons: [arbete, studier], target: 50%}
"""

COUNTS_YAML = """\
# Fixture of issue 15: the same tallies as counts-reference/counts.csv,
# saved as a workbook by the program its folder is named after.
id: xlsx-counts-fixture
name: Räknade deltagare i Värmland
period: {start: 2021-01-01, end: 2023-12-31}
subprojects:
  - {id: arvika, name: Delprojekt Arvika, group: Väst}
  - {id: saffle, name: Delprojekt Säffle, group: Väst}
  - {id: torsby, name: Delprojekt Torsby, group: Norr}
"""

BROKEN_YAML = """\
id: fall
name: Trasigt projekt
period: {start: 2021-01-01, end: 2022-12-31}
subprojects:
  - {id: norr, name: Norr}
  - {id: syd, name: Syd}
activities:
  - {code: coaching, label: Coaching}
"""
# The broken corpus's convention (NOTES.md): ids QZID…, birth years 1931–1939.
BROKEN_ROWS = [
    ["id", "subproject", "gender", "birth_year", "start_date", "end_date", "exit_reason", "activities"],
    ["QZID801", "norr", "kvinna", 1933, "2021-02-01", "2021-06-01", "arbete", "coaching"],
    ["QZID802", "syd", "man", 1936, "2021-04-01", "", "", ""],
]


def reference_rows():
    """40 participants: every gender spelling, every default exit reason (by
    code and by label), still-active rows, three subprojects, one to three
    activities, dates across months and years (a leap day among them)."""
    rows = []
    for i in range(40):
        start = datetime.date(2021, 1, 4) + datetime.timedelta(days=29 * i + (i * 5) % 11)
        if i % 4 == 3:  # still active
            end, reason = None, ""
        else:
            end = min(start + datetime.timedelta(days=20 + (i * 37) % 300), AS_OF)
            reason = REASONS[i % len(REASONS)]
        if i == 26:
            end = datetime.date(2024, 2, 29)
        rows.append([f"QZID{i + 1:03d}", SUBPROJECTS[i % 3], GENDERS[i % len(GENDERS)], 1960 + (i * 7) % 44,
                     start, end, reason, ACTIVITIES[i % len(ACTIVITIES)]])
    return rows


COUNTS_ROWS = [
    # subproject, gender, exit_reason, count; torsby has no row: it did not report.
    ["arvika", "kvinna", "arbete", 12], ["arvika", "man", "Arbete", 9], ["arvika", "K", "studier", 4],
    ["arvika", "M", "avbrutit", 3], ["arvika", "kvinna", "", 7], ["arvika", "man", "", 5],
    ["arvika", "annat", "Fullföljt projektet", 1],
    ["saffle", "woman", "Annan orsak", 2], ["saffle", "male", "arbete", 6], ["saffle", "female", "studier", 8],
    ["saffle", "kvinna", "", 11], ["saffle", "ej angivet", "", 2], ["saffle", "man", "fullfoljt", 3],
]


def iso(d):
    return d.isoformat() if d else ""


def us(d):
    return f"{d.month}/{d.day}/{d.year}" if d else ""


def csv_text(header, rows, date_text=iso, above=()):
    def field(v):
        s = date_text(v) if isinstance(v, datetime.date) or v is None else str(v)
        return f'"{s}"' if any(c in s for c in ',"\n') else s
    lines = list(above) + [",".join(header)] + [",".join(field(v) for v in r) for r in rows]
    return "\n".join(lines) + "\n"


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w", encoding=None if isinstance(data, bytes) else "utf-8",
              newline=None if isinstance(data, bytes) else "") as f:
        f.write(data)


def ensure_pypi():
    import importlib
    for module, spec in PYPI.items():
        try:
            importlib.import_module(module)
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", spec], check=True)


class Soffice:
    """LibreOffice Calc headless, with a profile of its own (a user's open
    office would take the conversion over or hold the lock)."""

    def __init__(self, work):
        self.work = work
        self.profile = "file://" + os.path.join(work, "lo-profile")
        if not shutil.which("soffice"):
            sys.exit("error: soffice not found: apt-get install -y --no-install-recommends libreoffice-calc-nogui")

    def convert(self, csv, fmt, infilter=None, name="in"):
        src = os.path.join(self.work, name + ".csv")
        write(src, csv)
        out = os.path.join(self.work, "lo-out")
        shutil.rmtree(out, ignore_errors=True)
        cmd = ["soffice", f"-env:UserInstallation={self.profile}", "--headless"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        subprocess.run(cmd + ["--convert-to", fmt, "--outdir", out, src], check=True, capture_output=True)
        result = os.path.join(out, f"{name}.{fmt}")
        if not os.path.exists(result):  # soffice exits 0 when it could not load a file
            sys.exit(f"error: soffice wrote no {fmt} for {name}")
        with open(result, "rb") as f:
            return f.read()

    def version(self):
        return subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.split("(")[0].strip()


def lo_filter(locale, special_numbers=True, column_formats=""):
    # CSV filter tokens: comma, double quote, UTF-8, from line 1, column formats,
    # language (1053 sv-SE, 1033 en-US), quoted field as text off, detect special numbers.
    return f"CSV:44,34,76,1,{column_formats},{locale},false,{'true' if special_numbers else 'false'}"


# --- zip surgery on real workbooks -----------------------------------------------------------

def members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info)) for info in z.infolist()]


def rezip(data, replace=None, order=None):
    """The workbook's members again, in their order, with some replaced."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info, body in members(data):
            z.writestr(info, replace.get(info.filename, body), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def part(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


# --- the real-program workbooks ---------------------------------------------------------------

def openpyxl_workbook(rows, epoch_1904=False, notes_sheet=False):
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    fixed = datetime.datetime(2024, 7, 1, 9, 0, 0)
    wb.properties.created = wb.properties.modified = fixed
    ws = wb.active
    ws.title = "Deltagare"
    if notes_sheet:
        # The notes sheet is created first (sheetId 1, sheet1.xml); the
        # participants come second and are moved first in workbook order below.
        notes = ws
        notes.title = "Anteckningar"
        notes.append(["Anteckningar om uppföljningen"])
        notes.append(["Ej deltagardata"])
        ws = wb.create_sheet("Deltagare")
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def sheet_first_in_order_not_in_id(data):
    """openpyxl numbers sheetIds in workbook order when it saves; Excel keeps a
    sheet's sheetId when the sheet is moved. This rewrites workbook.xml as Excel
    would after 'Deltagare' (sheetId 2, rId2, sheet2.xml) was moved first."""
    wb = part(data, "xl/workbook.xml")
    notes = '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="Anteckningar" sheetId="1" state="visible" r:id="rId1"/>'
    people = '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="Deltagare" sheetId="2" state="visible" r:id="rId2"/>'
    if notes + people not in wb:
        sys.exit("error: openpyxl's workbook.xml is not as expected:\n" + wb)
    return rezip(data, {"xl/workbook.xml": wb.replace(notes + people, people + notes).encode()})


def xlsxwriter_workbook(rows, path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    wb.set_properties({"created": datetime.datetime(2024, 7, 1, 9, 0, 0)})
    ws = wb.add_worksheet("Blad1")
    start_format = wb.add_format({"num_format": "d mmm yyyy"})
    end_format = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws.write_row(0, 0, HEADER)
    for n, r in enumerate(rows, 1):
        for col, v in enumerate(r):
            if col == START:
                ws.write_datetime(n, col, datetime.datetime.combine(v, datetime.time()), start_format)
            elif col == END and v:
                # a time of day on every third end date: the date is what counts
                at = datetime.time(14, 30) if n % 3 == 0 else datetime.time()
                ws.write_datetime(n, col, datetime.datetime.combine(v, at), end_format)
            elif col == 3 and n % 5 == 0:
                # a formula with its cached result, as Excel saves one
                ws.write_formula(n, col, f"=1900+{v - 1900}", None, v)
            elif v not in ("", None):
                ws.write(n, col, v)
    wb.close()


# --- read back and compare -------------------------------------------------------------------

def cell_text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_back(data):
    """The first sheet in workbook order from its first non-empty row, as text."""
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    rows = [[cell_text(v) for v in r] for r in wb.worksheets[0].iter_rows(values_only=True)]
    rows = [r for r in rows if any(r)]
    return [r + [""] * (len(rows[0]) - len(r)) for r in rows]


def check_same(name, data, header, rows, above=0):
    got = read_back(data)[above:]
    want = [header] + [[cell_text(v) for v in r] for r in rows]
    if got != want:
        for g, w in zip(got, want):
            if g != w:
                sys.exit(f"error: {name}: read back {g}, expected {w}")
        sys.exit(f"error: {name}: {len(got)} rows read back, expected {len(want)}")


def check_date_cells(name, data, columns, style_formats, header_row=1):
    """Every cell below the header in the date columns is a number with a date style, not a string."""
    sheet = part(data, first_sheet_part(data))
    styles = part(data, "xl/styles.xml")
    xfs = re.findall(r"<xf [^>]*?numFmtId=\"(\d+)\"", styles.split("<cellXfs")[1])
    fmts = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    seen = set()
    for ref, row, attrs in re.findall(r'<c r="([A-Z]+)(\d+)"([^>]*)>', sheet):
        if ref in columns and int(row) > header_row:
            s = re.search(r's="(\d+)"', attrs)
            t = re.search(r't="(\w+)"', attrs)
            if t and t.group(1) != "n":
                sys.exit(f"error: {name}: a date cell in column {ref} is of type {t.group(1)}")
            fmt_id = xfs[int(s.group(1))] if s else "0"
            seen.add(fmts.get(fmt_id, f"built-in {fmt_id}"))
    if not seen or not seen <= set(style_formats):
        sys.exit(f"error: {name}: date columns have formats {seen}, expected {style_formats}")
    return sorted(seen)


def first_sheet_part(data):
    wb = part(data, "xl/workbook.xml")
    rid = re.search(r'<sheet [^>]*r:id="(\w+)"', wb).group(1)
    rels = part(data, "xl/_rels/workbook.xml.rels")
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*/>', rels).group(0)
    target = re.search(r'Target="([^"]+)"', target).group(1)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


# --- the fixtures -----------------------------------------------------------------------------

def good_fixtures(lo, work):
    import openpyxl
    import xlsxwriter
    rows = reference_rows()
    write(os.path.join(GOOD, "reference", "project.yaml"), PROJECT_YAML)
    write(os.path.join(GOOD, "reference", "participants.csv"), csv_text(HEADER, rows))
    write(os.path.join(GOOD, "counts-reference", "project.yaml"), COUNTS_YAML)
    write(os.path.join(GOOD, "counts-reference", "counts.csv"),
          csv_text(["subproject", "gender", "exit_reason", "count"], COUNTS_ROWS))
    made = {}

    def fixture(name, data, yaml=PROJECT_YAML, file="participants.xlsx"):
        write(os.path.join(GOOD, name, "project.yaml"), yaml)
        write(os.path.join(GOOD, name, file), data)
        made[name] = data

    dates = {}
    cols = {"E", "F"}
    fixture("libreoffice-sv", lo.convert(csv_text(HEADER, rows), "xlsx", lo_filter(1053)))
    dates["libreoffice-sv"] = check_date_cells("libreoffice-sv", made["libreoffice-sv"], cols, {"yyyy\\-mm\\-dd"})
    fixture("libreoffice-en", lo.convert(csv_text(HEADER, rows, us), "xlsx", lo_filter(1033)))
    dates["libreoffice-en"] = check_date_cells("libreoffice-en", made["libreoffice-en"], cols, {"mm/dd/yy"})
    # Columns 5 and 6 imported as Text (format code 2), as a user picks in the import dialog.
    fixture("libreoffice-text-dates", lo.convert(csv_text(HEADER, rows), "xlsx", lo_filter(1053, column_formats="5/2/6/2")))
    text_dates = part(made["libreoffice-text-dates"], "xl/worksheets/sheet1.xml")
    if any('t="s"' not in c for c in re.findall(r'<c r="[EF]\d+"[^>]*>', text_dates)):
        sys.exit("error: libreoffice-text-dates has a date cell that is not a string")
    title = ['"Deltagarförteckning, Vägen till arbete i Värmland"', ""]
    fixture("libreoffice-title-rows", lo.convert(csv_text(HEADER, rows, above=title), "xlsx", lo_filter(1053)))
    dates["libreoffice-title-rows"] = check_date_cells("libreoffice-title-rows", made["libreoffice-title-rows"], cols,
                                                       {"yyyy\\-mm\\-dd"}, header_row=3)
    fixture("openpyxl-1904", openpyxl_workbook(rows, epoch_1904=True))
    if 'date1904="1"' not in part(made["openpyxl-1904"], "xl/workbook.xml"):
        sys.exit("error: openpyxl-1904 is not in the 1904 date system")
    dates["openpyxl-1904"] = check_date_cells("openpyxl-1904", made["openpyxl-1904"], cols, {"yyyy-mm-dd"})
    fixture("openpyxl-sheet-order", sheet_first_in_order_not_in_id(openpyxl_workbook(rows, notes_sheet=True)))
    dates["openpyxl-sheet-order"] = check_date_cells("openpyxl-sheet-order", made["openpyxl-sheet-order"], cols,
                                                     {"yyyy-mm-dd"})
    path = os.path.join(work, "xlsxwriter.xlsx")
    xlsxwriter_workbook(rows, path)
    with open(path, "rb") as f:
        fixture("xlsxwriter-inline", f.read())
    if 't="s"' in part(made["xlsxwriter-inline"], "xl/worksheets/sheet1.xml"):
        sys.exit("error: xlsxwriter-inline has shared strings")
    dates["xlsxwriter-inline"] = check_date_cells("xlsxwriter-inline", made["xlsxwriter-inline"], cols,
                                                  {"d mmm yyyy", "yyyy-mm-dd hh:mm"})
    fixture("counts-libreoffice", lo.convert(csv_text(["subproject", "gender", "exit_reason", "count"], COUNTS_ROWS),
                                             "xlsx", lo_filter(1053)), COUNTS_YAML, "counts.xlsx")
    for name, data in made.items():
        if name.startswith("counts"):
            check_same(name, data, ["subproject", "gender", "exit_reason", "count"], COUNTS_ROWS)
        else:
            check_same(name, data, HEADER, rows, above=1 if name == "libreoffice-title-rows" else 0)
        size = len(data)
        print(f"  {name:24} {size / 1024:5.1f} KB  dates: {', '.join(dates.get(name) or ['text'])}")
    print(f"  written by {lo.version()}, openpyxl {openpyxl.__version__}, XlsxWriter {xlsxwriter.__version__}")


def dtd_bomb():
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE sst [\n '
            + "\n ".join(entities) + '\n]>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')


def patch_sizes(data, name, uncompressed):
    """Rewrites the uncompressed size a member's local and central headers
    claim (the deflated bytes and the CRC stay): a lying zip."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    struct.pack_into("<I", buf, info.header_offset + 22, uncompressed)
    at = bytes(buf).find(b"PK\x01\x02")  # the central directory's entries, one by one
    while at != -1:
        n = struct.unpack_from("<H", buf, at + 28)[0]
        if bytes(buf[at + 46:at + 46 + n]).decode() == name:
            struct.pack_into("<I", buf, at + 24, uncompressed)
            return bytes(buf)
        at = bytes(buf).find(b"PK\x01\x02", at + 4)
    sys.exit(f"error: no central entry for {name}")


def broken_fixtures(lo, work, sst_limit):
    import olefile
    from msoffcrypto.format.ooxml import OOXMLFile
    header, rows = BROKEN_ROWS[0], BROKEN_ROWS[1:]
    csv = csv_text(header, rows)
    # The base: LibreOffice's workbook of the two rows (openpyxl writes no shared strings).
    base = lo.convert(csv, "xlsx", lo_filter(1053))
    sheet = part(base, "xl/worksheets/sheet1.xml")
    cases = {}

    cases["not-a-zip"] = (csv.encode(), "a CSV file renamed .xlsx")
    xls = lo.convert(csv, "xls", lo_filter(1053))
    assert xls[:8] == bytes.fromhex("D0CF11E0A1B11AE1"), "not a CFB"
    cases["old-xls"] = (xls, f"LibreOffice's Excel 97–2003 (.xls, BIFF8 in a CFB) renamed .xlsx")
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(base)).encrypt("secret", encrypted)
    encrypted = encrypted.getvalue()
    if not olefile.OleFileIO(encrypted).exists("EncryptedPackage"):
        sys.exit("error: the encrypted workbook has no EncryptedPackage stream")
    cases["encrypted"] = (encrypted, "the base workbook encrypted by msoffcrypto-tool (password 'secret'): "
                                     "a CFB holding EncryptionInfo and EncryptedPackage")
    # 50 MB of spaces between two rows: valid XML that inflates 1000:1.
    padding = " " * (50 * 1024 * 1024)
    bomb = sheet.replace("</row><row", "</row>" + padding + "<row", 1)
    assert len(bomb) > len(sheet)
    cases["zip-bomb"] = (rezip(base, {"xl/worksheets/sheet1.xml": bomb.encode()}),
                         "xl/worksheets/sheet1.xml inflates from ~50 KB to 50 MiB (whitespace between rows, "
                         "valid XML), sizes in the headers true")
    cases["zip-bomb-lying-size"] = (
        patch_sizes(cases["zip-bomb"][0], "xl/worksheets/sheet1.xml", len(sheet)),
        "as zip-bomb, but the local and central headers claim the sheet's original size: "
        "only counting inflated bytes finds it")
    cases["dtd"] = (rezip(base, {"xl/sharedStrings.xml": dtd_bomb().encode()}),
                    "billion laughs: a DTD in xl/sharedStrings.xml, 10^9 'lol's if expanded")
    entity_row = '<c r="C3" t="inlineStr"><is><t>m&nbsp;an</t></is></c>'
    cell = sheet[sheet.index('<c r="C3"'):sheet.index('<c r="D3"')]
    cases["entity"] = (rezip(base, {"xl/worksheets/sheet1.xml": sheet.replace(cell, entity_row).encode()}),
                       "an undeclared entity (&nbsp;) in cell C3's inline string, no DTD")
    sst = part(base, "xl/sharedStrings.xml")
    declared = re.sub(r'count="\d+" uniqueCount="\d+"|uniqueCount="\d+"', 'count="50000000" uniqueCount="50000000"', sst, 1)
    assert 'uniqueCount="50000000"' in declared, sst[:300]
    cases["many-strings"] = (rezip(base, {"xl/sharedStrings.xml": declared.encode()}),
                             "xl/sharedStrings.xml declares count and uniqueCount 50,000,000 and holds a few")
    many = many_strings(sst, sst_limit + 1)
    cases["many-strings-actual"] = (rezip(base, {"xl/sharedStrings.xml": many}),
                                    f"xl/sharedStrings.xml holds {sst_limit + 1:,} entries (the reader's limit, "
                                    f"{sst_limit:,}, plus one) and declares the base's few")
    ods = lo.convert(csv, "ods", lo_filter(1053))
    cases["no-workbook"] = (ods, "a LibreOffice .ods (a zip, no xl/workbook.xml) renamed .xlsx")
    cases["truncated"] = (base[:len(base) // 2], "the base workbook cut in half (no central directory)")
    for name, (data, what) in cases.items():
        folder = os.path.join(BROKEN, "xlsx-" + name)
        write(os.path.join(folder, "project.yaml"), BROKEN_YAML)
        write(os.path.join(folder, "participants.xlsx"), data)
        expected = os.path.join(folder, "expected.txt")
        # many-strings-actual is read by WorkbookBrokenFixtureTests with a low limit, not by the
        # broken corpus: 8 M strings take seconds in a debug build (its code is covered by many-strings).
        if name != "many-strings-actual" and not os.path.exists(expected):  # the lead fills in codes and positions: keep theirs
            write(expected, "participants.xlsx:1:1: error: TBD\n")
        print(f"  {name:22} {len(data) / 1024:6.1f} KB  {what}")
    return cases


def many_strings(sst, count, ratio=200):
    """A shared-string table of `count` entries that declares the base's few:
    random text entries first, then empty ones (`<si/>`), so that the member
    deflates at about 185:1 and inflates at no moment past `ratio` times the
    compressed bytes read so far (the reader's zip-bomb limit): what stops it
    is counting the entries, not their declared count, nor the ratio."""
    import base64
    import random
    import zlib
    head = sst[:sst.index("<si>")]
    empties = "<si/>" * count
    # random bytes deflate to about their own size, whatever base64 makes of them
    noise_bytes = int(len(empties) / 185) - len(zlib.compress(empties.encode(), 6))
    noise = base64.b64encode(random.Random(15).randbytes(noise_bytes)).decode()
    texts = [noise[n:n + 16_000] for n in range(0, len(noise), 16_000)]
    xml = (head + "".join(f"<si><t>{t}</t></si>" for t in texts) + empties[len(texts) * 5:] + "</sst>").encode()
    packed = zlib.compress(xml, 6, wbits=-15)
    inflate, produced = zlib.decompressobj(wbits=-15), 0
    for at in range(0, len(packed), 16_384):
        produced += len(inflate.decompress(packed[at:at + 16_384]))
        if produced > 1 << 20 and produced / (at + 16_384) > ratio:
            sys.exit(f"error: many-strings-actual inflates past {ratio}:1 at {produced} bytes")
    print(f"  (many-strings-actual: {len(xml):,} bytes deflate to {len(packed):,}, {len(xml) / len(packed):.0f}:1)")
    return xml


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sst-limit", type=int, default=8_000_000,
                        help="the reader's limit on shared strings (many-strings-actual holds one more)")
    parser.add_argument("--only", choices=["good", "broken"])
    args = parser.parse_args()
    ensure_pypi()
    with tempfile.TemporaryDirectory(prefix="xlsx-fixtures-") as work:
        lo = Soffice(work)
        if args.only != "broken":
            print("Tests/Fixtures/xlsx:")
            good_fixtures(lo, work)
        if args.only != "good":
            print("Tests/Fixtures/broken/xlsx-*:")
            broken_fixtures(lo, work, args.sst_limit)


if __name__ == "__main__":
    main()
