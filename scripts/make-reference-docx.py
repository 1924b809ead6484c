#!/usr/bin/env python3
"""Writes templates/reference.docx: the Word document whose styles, theme,
fonts, numbering and page setup slutrapport.docx takes (as pandoc's
--reference-doc). It is made to look like the HTML report: a serif body
(Georgia), sans-serif headings, captions and tables (Arial), the report's
ink, muted and accent colours, A4 with the print margins of the HTML.

Only the standard library: every part is written here, and the zip has its
entries in a fixed order with the zip epoch as their time, so running this
again gives the same bytes. Open the result in Word or LibreOffice to see
every style on a sample page; edit styles there to make your own reference.

    python3 scripts/make-reference-docx.py [OUT]   (default templates/reference.docx)
"""
import sys
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

INK, MUTED, RULE, BAND, ACCENT = "1D1D1F", "5B5B66", "D4D4DA", "F3F4F7", "0B4F8A"
SERIF, SANS, MONO = "Georgia", "Arial", "Courier New"


def sans(size, bold=False, color=None, extra=""):
    """Run properties of a sans-serif style: size in half-points."""
    return (f'<w:rFonts w:ascii="{SANS}" w:hAnsi="{SANS}" w:cs="{SANS}" w:eastAsia="{SANS}"/>'
            + ("<w:b/><w:bCs/>" if bold else "") + extra
            + (f'<w:color w:val="{color}"/>' if color else "")
            + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')


def pstyle(style_id, name, ppr="", rpr="", based="Normal", next_style="Normal", extra=""):
    return (f'<w:style w:type="paragraph" w:customStyle="{0 if style_id in BUILTIN else 1}" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>' + (f'<w:basedOn w:val="{based}"/>' if based else "")
            + f'<w:next w:val="{next_style}"/>{extra}<w:qFormat/>'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>")


BUILTIN = {"Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "Caption",
           "Header", "Footer", "Quote", "Hyperlink", "TableNormal", "NoList", "DefaultParagraphFont", "ListParagraph"}


def heading(level, size, before, after, border=False, italic=False):
    ppr = ("<w:keepNext/><w:keepLines/>"
           + (f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="{RULE}"/></w:pBdr>' if border else "")
           + f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/>')
    return pstyle(f"Heading{level}", f"heading {level}", ppr, sans(size, True, INK, "<w:i/>" if italic else ""),
                  extra='<w:uiPriority w:val="9"/>')


STYLES = HEAD + f'''<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{SERIF}" w:hAnsi="{SERIF}" w:cs="{SERIF}" w:eastAsia="{SERIF}"/><w:color w:val="{INK}"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>
{pstyle("Kicker", "Kicker", '<w:spacing w:after="40"/>', sans(17, True, ACCENT, '<w:caps/><w:spacing w:val="10"/>'), next_style="Title")}
{pstyle("Title", "Title", '<w:spacing w:after="100" w:line="240" w:lineRule="auto"/>', sans(44, True, INK), next_style="Subtitle")}
{pstyle("Subtitle", "Subtitle", f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="8" w:color="{ACCENT}"/></w:pBdr><w:spacing w:after="360"/>', sans(19, False, MUTED))}
{heading(1, 29, 480, 160, border=True)}
{heading(2, 23, 320, 100)}
{heading(3, 21, 240, 80)}
{heading(4, 21, 200, 60, italic=True)}
{pstyle("Caption", "caption", '<w:keepNext/><w:spacing w:before="160" w:after="80"/>', sans(18, True, INK), extra='<w:uiPriority w:val="35"/>')}
{pstyle("TableText", "Table Text", '<w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/>', sans(18))}
{pstyle("TableHeading", "Table Heading", '<w:keepNext/>', "<w:b/><w:bCs/>", based="TableText", next_style="TableText")}
{pstyle("Note", "Table Note", '<w:spacing w:before="60" w:after="200" w:line="240" w:lineRule="auto"/>', sans(16, False, MUTED))}
{pstyle("SourceNote", "Source Note", '<w:spacing w:before="0" w:after="160"/>', "<w:i/><w:iCs/>", based="Note")}
{pstyle("Quote", "Quote", f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{RULE}"/></w:pBdr><w:ind w:left="284" w:right="284"/>', f'<w:color w:val="{MUTED}"/>', extra='<w:uiPriority w:val="29"/>')}
{pstyle("SourceCode", "Source Code", f'<w:shd w:val="clear" w:color="auto" w:fill="{BAND}"/><w:spacing w:after="140" w:line="240" w:lineRule="auto"/>', f'<w:rFonts w:ascii="{MONO}" w:hAnsi="{MONO}" w:cs="{MONO}"/><w:sz w:val="18"/><w:szCs w:val="18"/>')}
{pstyle("ListParagraph", "List Paragraph", '<w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/>', extra='<w:uiPriority w:val="34"/>')}
{pstyle("Header", "header", '<w:tabs><w:tab w:val="center" w:pos="4932"/><w:tab w:val="right" w:pos="9864"/></w:tabs><w:spacing w:after="0"/>', sans(16, False, MUTED))}
{pstyle("Footer", "footer", '<w:tabs><w:tab w:val="center" w:pos="4932"/><w:tab w:val="right" w:pos="9864"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="right"/>', sans(16, False, MUTED))}
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="{ACCENT}"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="{MONO}" w:hAnsi="{MONO}" w:cs="{MONO}"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Met"><w:name w:val="Goal Met"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:b/><w:bCs/><w:color w:val="1B6E3A"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="NotMet"><w:name w:val="Goal Not Met"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:b/><w:bCs/><w:color w:val="9A2A12"/></w:rPr></w:style>
<w:style w:type="table" w:customStyle="1" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>{sans(18)}</w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/></w:tblBorders><w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="{INK}"/></w:tcBorders></w:tcPr></w:tblStylePr><w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BAND}"/></w:tcPr></w:tblStylePr></w:style>
<w:style w:type="table" w:customStyle="1" w:styleId="DetailsTable"><w:name w:val="Details Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:rPr>{sans(19)}</w:rPr><w:tblPr><w:tblCellMar><w:top w:w="10" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="10" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
'''

THEME = HEAD + f'''<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Slutrapport"><a:themeElements>
<a:clrScheme name="Slutrapport"><a:dk1><a:srgbClr val="{INK}"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="{ACCENT}"/></a:dk2><a:lt2><a:srgbClr val="{BAND}"/></a:lt2><a:accent1><a:srgbClr val="{ACCENT}"/></a:accent1><a:accent2><a:srgbClr val="C0622F"/></a:accent2><a:accent3><a:srgbClr val="1B6E3A"/></a:accent3><a:accent4><a:srgbClr val="9A2A12"/></a:accent4><a:accent5><a:srgbClr val="{MUTED}"/></a:accent5><a:accent6><a:srgbClr val="7A9CC6"/></a:accent6><a:hlink><a:srgbClr val="{ACCENT}"/></a:hlink><a:folHlink><a:srgbClr val="5B3C88"/></a:folHlink></a:clrScheme>
<a:fontScheme name="Slutrapport"><a:majorFont><a:latin typeface="{SANS}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="{SERIF}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
<a:fmtScheme name="Slutrapport"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>
</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>
'''

FONTS = HEAD + f'''<w:fonts xmlns:w="{W}">
<w:font w:name="{SERIF}"><w:panose1 w:val="02040502050405020303"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="{SANS}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="{MONO}"><w:panose1 w:val="02070309020205020404"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>
'''


def levels(bullet):
    out = []
    for i in range(9):
        fmt, text = ("bullet", "•–◦"[i % 3]) if bullet else ("decimal", f"%{i + 1}.")
        out.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>')
    return "".join(out)


NUMBERING = HEAD + f'''<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{levels(True)}</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{levels(False)}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
'''

SETTINGS = HEAD + f'''<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="sv-SE"/></w:settings>
'''


def p(style, text, extra=""):
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(text, style="TableText", right=False, width=2400):
    jc = '<w:jc w:val="right"/>' if right else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{p(style, text, jc)}</w:tc>'


SAMPLE_TABLE = ('<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="7200" w:type="dxa"/>'
                '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
                '<w:tblGrid><w:gridCol w:w="2400"/><w:gridCol w:w="2400"/><w:gridCol w:w="2400"/></w:tblGrid>'
                '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' + cell("Report Table", "TableHeading") + cell("Kvinnor", "TableHeading", True) + cell("Män", "TableHeading", True) + "</w:tr>"
                + "".join(f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(a)}{cell(b, right=True)}{cell(c, right=True)}</w:tr>'
                          for a, b, c in [("Table Text", "115", "140"), ("Arbete", "42", "57"), ("Studier", "12", "9")])
                + "</w:tbl>")

SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="1134" w:right="1021" w:bottom="1247" w:left="1021" w:header="567" w:footer="567" w:gutter="0"/>'
           '<w:cols w:space="708"/></w:sectPr>')

DOCUMENT = HEAD + f'''<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>
{p("Kicker", "Kicker")}{p("Title", "Title")}{p("Subtitle", "Subtitle")}
{p("Heading1", "Heading 1")}{p("Normal", "Normal: the body text of the narrative sections, in a serif face like the HTML report.")}
{p("Heading2", "Heading 2")}{p("Heading3", "Heading 3")}{p("Heading4", "Heading 4")}
{p("Quote", "Quote")}{p("SourceCode", "Source Code")}{p("SourceNote", "Source Note")}
{p("Caption", "Caption")}{SAMPLE_TABLE}{p("Note", "Table Note")}
{SECTION}</w:body></w:document>
'''

CONTENT_TYPES = HEAD + '''<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
'''

RELS = HEAD + '''<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
'''

DOCUMENT_RELS = HEAD + '''<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>
'''

CORE = HEAD + '''<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>slutrapport reference document</dc:title></cp:coreProperties>
'''

PARTS = [
    ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("docProps/core.xml", CORE),
    ("word/document.xml", DOCUMENT), ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING), ("word/settings.xml", SETTINGS),
    ("word/fontTable.xml", FONTS), ("word/theme/theme1.xml", THEME),
]


SWIFT = Path(__file__).resolve().parent.parent / "Sources/SlutrapportKit/Render/Formats/Docx/DocxBuiltInStyles+Generated.swift"


def write_swift_styles():
    """The same styles.xml as Swift data: the styles a user's reference.docx
    lacks are taken from it (issue 25), wherever the templates are."""
    assert '"#' not in STYLES
    SWIFT.write_text("// Generated by scripts/make-reference-docx.py from its STYLES: do not edit.\n\n"
                     "extension DocxReference {\n"
                     "    /// templates/reference.docx's word/styles.xml.\n"
                     f'    static let builtInStyles = #"""\n{STYLES}"""#\n'
                     "}\n", encoding="utf-8")
    print(SWIFT)


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "templates" / "reference.docx")
    if len(sys.argv) <= 1:
        write_swift_styles()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in PARTS:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    print(out)


if __name__ == "__main__":
    main()
