#!/usr/bin/env python3
"""The benchmark's participants as a workbook: same rows, same bytes every run.

  bench/generate_xlsx.py CSV_FOLDER FOLDER   writes FOLDER/project.yaml (a copy)
                                             and FOLDER/participants.xlsx

The workbook holds exactly the rows of CSV_FOLDER/participants.csv (written by
bench/generate.py), laid out as Excel saves a sheet: text cells through the
shared-string table (in order of first use), dates as numbers with the
built-in short-date style (numFmtId 14), birth years as numbers, empty cells
left out, `r` on every row and cell, the sheet's part before the shared
strings in the zip.

The parts are written by hand with zipfile, not with XlsxWriter or openpyxl:
XlsxWriter writes shared strings only outside constant_memory mode, and then
keeps every cell of a million rows in memory (gigabytes); openpyxl's
write-only mode writes inline strings. By hand the sheet streams and only the
distinct strings stay in memory. Members are dated 1980-01-01 and deflated by
Python's zlib at level 6: the same bytes for the same zlib.
"""
import datetime
import os
import shutil
import sys
import time
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
EPOCH = datetime.date(1899, 12, 30).toordinal()  # Excel's 1900 system, past its 1900-02-29
COLUMNS = "ABCDEFGH"
TEXT, NUMBER, DATE = 0, 1, 2
KINDS = [TEXT, TEXT, TEXT, NUMBER, DATE, DATE, TEXT, TEXT]  # as the columns of bench/generate.py

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELS}">\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""

WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{RELS}">\
<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>\
<workbookPr defaultThemeVersion="166925"/>\
<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>\
<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets>\
<calcPr calcId="191029"/>\
</workbook>"""

WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELS}">\
<Relationship Id="rId3" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>\
<Relationship Id="rId2" Type="{RELS}/styles" Target="styles.xml"/>\
<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>\
</Relationships>"""

# Style 1 is the built-in short date (numFmtId 14), as Excel gives a typed-in date.
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">\
<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:creator>slutrapport bench</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">2023-06-30T00:00:00Z</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">2023-06-30T00:00:00Z</dcterms:modified>\
</cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>Microsoft Excel</Application></Properties>"""


def member(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def serial(iso):
    return datetime.date(int(iso[0:4]), int(iso[5:7]), int(iso[8:10])).toordinal() - EPOCH


def sheet_rows(lines, strings):
    """The <row> elements of the sheet, 10,000 rows a string; `strings` collects
    the shared strings in order of first use."""
    out = []
    for r, line in enumerate(lines, 1):
        cells = []
        for c, (value, kind) in enumerate(zip(line.rstrip("\n").split(","), KINDS if r > 1 else [TEXT] * 8)):
            if not value:
                continue  # Excel writes no element for an empty, unstyled cell
            ref = f"{COLUMNS[c]}{r}"
            if kind == TEXT:
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
            elif kind == NUMBER:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="1"><v>{serial(value)}</v></c>')
        out.append(f'<row r="{r}" spans="1:8">{"".join(cells)}</row>')
        if len(out) == 10_000:
            yield "".join(out)
            out = []
    yield "".join(out)


def main(csv_folder, folder):
    started = time.perf_counter()
    os.makedirs(folder, exist_ok=True)
    shutil.copyfile(os.path.join(csv_folder, "project.yaml"), os.path.join(folder, "project.yaml"))
    with open(os.path.join(csv_folder, "participants.csv"), encoding="utf-8") as f:
        lines = f.readlines()
    strings, references = {}, 0
    target = os.path.join(folder, "participants.xlsx")
    with zipfile.ZipFile(target + ".tmp", "w") as z:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            z.writestr(member(name), text)
        with z.open(member("xl/worksheets/sheet1.xml"), "w") as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
                        f'xmlns:r="{RELS}"><dimension ref="A1:H{len(lines)}"/><sheetViews><sheetView '
                        f'tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
                        f'<sheetData>'.encode())
            for chunk in sheet_rows(lines, strings):
                references += chunk.count('t="s"')
                sheet.write(chunk.encode())
            sheet.write(b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                        b'footer="0.3"/></worksheet>')
        z.writestr(member("xl/styles.xml"), STYLES)
        with z.open(member("xl/sharedStrings.xml"), "w") as sst:
            # The bench's strings are letters, digits, '_' and ';': nothing to escape.
            sst.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
                      f'count="{references}" uniqueCount="{len(strings)}">'.encode())
            batch = []
            for s in strings:
                batch.append(f"<si><t>{s}</t></si>")
                if len(batch) == 100_000:
                    sst.write("".join(batch).encode())
                    batch = []
            sst.write(("".join(batch) + "</sst>").encode())
        z.writestr(member("docProps/core.xml"), CORE)
        z.writestr(member("docProps/app.xml"), APP)
        unzipped = sum(i.file_size for i in z.infolist())
    os.replace(target + ".tmp", target)
    print(f"{len(lines) - 1:,} rows, {len(strings):,} shared strings: {os.path.getsize(target) / 1e6:.1f} MB zipped, "
          f"{unzipped / 1e6:.1f} MB unzipped, in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
