#!/usr/bin/env python3
"""Writes the user reference.docx fixtures of issue 25 into
Tests/Fixtures/reference-docx/<shape>/reference.docx: Word templates as
project leaders have them, none with slutrapport's own styles.

  python3 scripts/make-reference-fixtures.py

- python-docx:   python-docx's default template, saved unchanged
                 (`docx.Document().save(...)`): English style ids (Heading1,
                 Title, Caption, ListParagraph ...), US Letter, 1-inch margins.
- word-sv:       a blank document as a Swedish Word saves it from Normal.dotm,
                 as pandoc's manual says to make a reference document: only
                 Normal, the default paragraph font, table and list styles,
                 with Swedish style ids (Standardstycketeckensnitt ...), the
                 headings as Word's latent styles; A4 with 2.5 cm margins,
                 Calibri from the theme. Written part by part here (no Word
                 on this machine), as Word 2016 writes them.
- letterhead:    python-docx's template made a letterhead: a logo (PNG) in
                 the page header, a footer line, A4 with 2 cm margins,
                 Garamond and dark-red headings (Heading 1 and 2 changed).

Needs python-docx (python3-docx). The zips are written with fixed times, so
running this again gives the same bytes only for word-sv; python-docx's
output is the committed fixture.
"""
import io
import os
import struct
import zipfile
import zlib

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference-docx")


def png(width, height, rgb):
    """A plain PNG of one colour with a white stripe: a stand-in logo."""
    rows = b""
    for y in range(height):
        colour = bytes(rgb) if y < height * 2 // 3 else b"\xff\xff\xff"
        rows += b"\x00" + colour * width
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def python_docx(path):
    docx.Document().save(path)


def letterhead(path):
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = d.styles["Normal"]
    normal.font.name = "Garamond"
    normal.font.size = Pt(11)
    for name, size in (("Heading 1", 16), ("Heading 2", 13)):
        style = d.styles[name]
        style.font.name = "Garamond"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x8B, 0x1A, 0x1A)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run().add_picture(io.BytesIO(png(120, 40, (0x8B, 0x1A, 0x1A))), width=Cm(3))
    footer = section.footer.paragraphs[0]
    footer.text = "Arbetsmarknadsförvaltningen · Exempelkommun"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.save(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
WORD_NS = (f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           f'xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
LATENT = ["Normal", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5", "heading 6", "heading 7",
          "heading 8", "heading 9", "caption", "Title", "Subtitle", "Quote", "List Paragraph", "header", "footer",
          "Hyperlink", "Table Grid"]


def word_sv(path):
    latent = "".join(f'<w:lsdException w:name="{n}" w:uiPriority="9" w:qFormat="1"/>' for n in LATENT)
    styles = (HEAD + f'<w:styles {WORD_NS}><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
              '<w:kern w:val="2"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="sv-SE" w:eastAsia="en-US" w:bidi="ar-SA"/>'
              '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr>'
              '</w:pPrDefault></w:docDefaults>'
              f'<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" '
              f'w:defQFormat="0" w:count="376">{latent}</w:latentStyles>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="character" w:default="1" w:styleId="Standardstycketeckensnitt"><w:name w:val="Default Paragraph Font"/>'
              '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="Normaltabell"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
              '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
              '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
              '</w:tblPr></w:style>'
              '<w:style w:type="numbering" w:default="1" w:styleId="Ingenlista"><w:name w:val="No List"/><w:uiPriority w:val="99"/>'
              '<w:semiHidden/><w:unhideWhenUsed/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:next w:val="Normal"/><w:link w:val="Rubrik1Char"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/>'
              '<w:keepLines/><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>'
              '<w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/>'
              '<w:color w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
              '<w:style w:type="character" w:customStyle="1" w:styleId="Rubrik1Char"><w:name w:val="Rubrik 1 Char"/>'
              '<w:basedOn w:val="Standardstycketeckensnitt"/><w:link w:val="Rubrik1"/><w:uiPriority w:val="9"/><w:rPr>'
              '<w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/>'
              '<w:color w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
              '</w:styles>')
    document = (HEAD + f'<w:document {WORD_NS}><w:body><w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr><w:r><w:t>Rubrik</w:t></w:r></w:p>'
                '<w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/>'
                '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>')
    theme = (HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office-tema"><a:themeElements>'
             '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
             '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
             '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>'
             '<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>'
             '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/>'
             '<a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
             '</a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
             '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>'
             '<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill>'
             '<a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
             '</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>'
             '<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
             '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>'
             '</a:fmtScheme></a:themeElements></a:theme>')
    settings = HEAD + f'<w:settings {WORD_NS}><w:defaultTabStop w:val="1304"/><w:themeFontLang w:val="sv-SE"/></w:settings>'
    font_table = (HEAD + f'<w:fonts {WORD_NS}><w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/></w:font>'
                  '<w:font w:name="Times New Roman"/><w:font w:name="Calibri Light"/></w:fonts>')
    rels = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
            '</Relationships>')
    package_rels = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                    'Target="word/document.xml"/></Relationships>')
    ml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    types = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/word/document.xml" ContentType="{ml}document.main+xml"/>'
             f'<Override PartName="/word/styles.xml" ContentType="{ml}styles+xml"/>'
             f'<Override PartName="/word/settings.xml" ContentType="{ml}settings+xml"/>'
             f'<Override PartName="/word/fontTable.xml" ContentType="{ml}fontTable+xml"/>'
             '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
             '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", types), ("_rels/.rels", package_rels), ("word/document.xml", document),
                           ("word/_rels/document.xml.rels", rels), ("word/theme/theme1.xml", theme),
                           ("word/settings.xml", settings), ("word/styles.xml", styles), ("word/fontTable.xml", font_table)]:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


def main():
    for shape, make in (("python-docx", python_docx), ("word-sv", word_sv), ("letterhead", letterhead)):
        folder = os.path.join(OUT, shape)
        os.makedirs(folder, exist_ok=True)
        make(os.path.join(folder, "reference.docx"))
        print(os.path.join(folder, "reference.docx"))


if __name__ == "__main__":
    main()
