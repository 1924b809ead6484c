/// The parts of slutrapport.docx around its body: content types,
/// relationships, core properties, settings, header and footer, the
/// reference document's styles (in the report's language) and numbering
/// (with the lists of the body added), and the zip that holds them.
struct DocxPackage {
    let view: ReportView
    let reference: DocxReference
    let references: DocxReferences

    /// The report language as Word tags it.
    var languageTag: String { Language.officeTag(view.lang) }

    /// The parts every document has, with their fixed relationship ids (rId1–rId7).
    var fixedParts: [(id: Int, type: String, target: String, contentType: String)] {
        let ml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var parts = [(1, "styles", "styles.xml", ml + "styles+xml"),
                     (2, "numbering", "numbering.xml", ml + "numbering+xml"),
                     (3, "settings", "settings.xml", ml + "settings+xml")]
        if reference.fontTable != nil { parts.append((4, "fontTable", "fontTable.xml", ml + "fontTable+xml")) }
        if reference.theme != nil { parts.append((5, "theme", "theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")) }
        if !reference.carries("header") { parts.append((6, "header", "header1.xml", ml + "header+xml")) }
        if !reference.carries("footer") { parts.append((7, "footer", "footer1.xml", ml + "footer+xml")) }
        return parts
    }

    /// The reference's own headers and footers (issue 25): relationship id, part name.
    var carriedParts: [(id: String, name: String, part: DocxReference.CarriedPart)] {
        reference.carried.enumerated().map { i, part in ("rIdReference\(i + 1)", "reference-\(part.kind)\(i + 1).xml", part) }
    }

    /// Every part of the package, in the fixed order they are zipped in.
    func parts(body: String, section: String) -> [(name: String, contents: [UInt8])] {
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRelationships.utf8)),
            ("docProps/core.xml", Array(coreProperties.utf8)),
            ("word/document.xml", Array(document(body: body, section: section).utf8)),
            ("word/_rels/document.xml.rels", Array(documentRelationships.utf8)),
            ("word/styles.xml", Array(styles.utf8)),
            ("word/numbering.xml", Array(numbering.utf8)),
            ("word/settings.xml", Array(settings.utf8)),
        ]
        if let fonts = reference.fontTable { parts.append(("word/fontTable.xml", Array(fonts.utf8))) }
        if let theme = reference.theme { parts.append(("word/theme/theme1.xml", Array(theme.utf8))) }
        if !reference.carries("header") { parts.append(("word/header1.xml", Array(header.utf8))) }
        if !reference.carries("footer") { parts.append(("word/footer1.xml", Array(footer.utf8))) }
        for carried in carriedParts {
            parts.append(("word/" + carried.name, Array(carried.part.xml.utf8)))
            if let rels = carried.part.relationships { parts.append(("word/_rels/\(carried.name).rels", Array(rels.utf8))) }
            for media in carried.part.media { parts.append(("word/" + media.name, media.bytes)) }
        }
        for (i, chart) in references.charts.enumerated() {
            parts.append(("word/charts/chart\(i + 1).xml", DocxChart.part(chart, lang: view.lang)))
        }
        for media in references.media { parts.append(("word/" + media.target, media.image.bytes)) }
        return parts
    }

    func document(body: String, section: String) -> String {
        DocxXML.declaration + "<w:document \(DocxXML.bodyNamespaces)><w:body>" + body + section + "</w:body></w:document>\n"
    }

    var contentTypes: String {
        var out = DocxXML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for ext in Set(references.media.map { $0.target.split(separator: ".").last.map(String.init) ?? "" }).sorted() {
            out += "<Default Extension=\"\(ext)\" ContentType=\"image/\(ext)\"/>"
        }
        let ml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        for carried in carriedParts {
            out += "<Override PartName=\"/word/\(carried.name)\" ContentType=\"\(ml)\(carried.part.kind == "header" ? "header" : "footer")+xml\"/>"
            for media in carried.part.media { out += "<Override PartName=\"/word/\(media.name)\" ContentType=\"\(media.contentType)\"/>" }
        }
        out += "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        for part in fixedParts { out += "<Override PartName=\"/word/\(part.target)\" ContentType=\"\(part.contentType)\"/>" }
        for i in references.charts.indices {
            out += "<Override PartName=\"/word/charts/chart\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        }
        return out + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>\n"
    }

    var packageRelationships: String { OfficePackage.packageRelationships(main: "word/document.xml") }

    var documentRelationships: String {
        var out = DocxXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for part in fixedParts {
            out += "<Relationship Id=\"rId\(part.id)\" Type=\"\(DocxReferences.relationshipType)\(part.type)\" Target=\"\(part.target)\"/>"
        }
        for carried in carriedParts {
            out += "<Relationship Id=\"\(carried.id)\" Type=\"\(DocxReferences.relationshipType)\(carried.part.kind)\" Target=\"\(carried.name)\"/>"
        }
        for r in references.relationships {
            out += "<Relationship Id=\"\(r.id)\" Type=\"\(r.type)\" Target=\"\(DocxXML.escaped(r.target))\""
                + (r.external ? " TargetMode=\"External\"/>" : "/>")
        }
        return out + "</Relationships>\n"
    }

    var coreProperties: String {
        OfficePackage.coreProperties(title: "\(view.project.name) – \(view.labels.finalReport)", language: languageTag, generated: view.generated)
    }

    var settings: String {
        DocxXML.declaration + "<w:settings xmlns:w=\"\(DocxXML.w)\"><w:defaultTabStop w:val=\"709\"/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
            + "<w:themeFontLang w:val=\"\(languageTag)\"/></w:settings>\n"
    }

    /// The project's name on every page.
    var header: String {
        DocxXML.declaration + "<w:hdr \(DocxXML.bodyNamespaces)>"
            + DocxXML.paragraph("Header", "", DocxXML.runs(view.project.name)) + "</w:hdr>\n"
    }

    /// "Sida 3 av 10": the only fields of the document, PAGE and NUMPAGES, are ours.
    var footer: String {
        let field = { (name: String) in "<w:fldSimple w:instr=\" \(name) \"><w:r><w:t>1</w:t></w:r></w:fldSimple>" }
        return DocxXML.declaration + "<w:ftr \(DocxXML.bodyNamespaces)>"
            + DocxXML.paragraph("Footer", "", DocxXML.runs(view.labels.page + " ") + field("PAGE")
                                + DocxXML.runs(" " + view.labels.pageOf + " ") + field("NUMPAGES"))
            + "</w:ftr>\n"
    }

    /// The reference's styles with the report's language as the default of every run.
    var styles: String { Self.styles(reference.styles, languageTag: languageTag) }

    /// `styles` with `languageTag` as the language of every run by default.
    /// `DocxReference` runs it once on loading and checks the result is
    /// well-formed: the search for `<w:rPr>` is textual (issue 24).
    static func styles(_ reference: String, languageTag: String) -> String {
        var styles = reference
        guard let defaults = styles.range(of: "<w:rPrDefault>"),
              let open = styles.range(of: "<w:rPr>", range: defaults.upperBound..<styles.endIndex),
              let close = styles.range(of: "</w:rPr>", range: open.upperBound..<styles.endIndex) else { return styles }
        var properties = String(styles[open.upperBound..<close.lowerBound])
        if let lang = properties.range(of: "<w:lang "), let end = properties.range(of: "/>", range: lang.upperBound..<properties.endIndex) {
            properties.removeSubrange(lang.lowerBound..<end.upperBound)
        }
        properties += "<w:lang w:val=\"\(languageTag)\" w:eastAsia=\"\(languageTag)\" w:bidi=\"ar-SA\"/>"
        styles.replaceSubrange(open.upperBound..<close.lowerBound, with: properties)
        return styles
    }

    /// The reference's numbering, with a bullet and a decimal list definition
    /// of ours and one instance per list of the body (each numbered from its start).
    var numbering: String {
        let bullet = DocxReferences.firstList, decimal = DocxReferences.firstList + 1
        func levels(_ ordered: Bool) -> String {
            (0..<9).map { i in
                let (format, text) = ordered ? ("decimal", "%\(i + 1).") : ("bullet", ["•", "–", "◦"][i % 3])
                return "<w:lvl w:ilvl=\"\(i)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/>"
                    + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(360 * (i + 1))\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            }.joined()
        }
        let abstract = "<w:abstractNum w:abstractNumId=\"\(bullet)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\(levels(false))</w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"\(decimal)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\(levels(true))</w:abstractNum>"
        var instances = ""
        for (i, list) in references.lists.enumerated() {
            instances += "<w:num w:numId=\"\(DocxReferences.firstList + i)\"><w:abstractNumId w:val=\"\(list.ordered ? decimal : bullet)\"/>"
                + (list.ordered ? "<w:lvlOverride w:ilvl=\"\(list.level)\"><w:startOverride w:val=\"\(list.start)\"/></w:lvlOverride>" : "")
                + "</w:num>"
        }
        guard let numbering = reference.numbering else {
            return DocxXML.declaration + "<w:numbering xmlns:w=\"\(DocxXML.w)\">" + abstract + instances + "</w:numbering>\n"
        }
        return Self.numbering(numbering, abstract: abstract, instances: instances)
    }

    /// The reference's numbering with `abstract` definitions before its first
    /// instance and `instances` at its end; `DocxReference` checks on loading
    /// that the result is well-formed (the search is textual, issue 24).
    static func numbering(_ reference: String, abstract: String, instances: String) -> String {
        var numbering = reference
        guard let end = numbering.range(of: "</w:numbering>", options: .backwards) else {
            return DocxXML.declaration + "<w:numbering xmlns:w=\"\(DocxXML.w)\">" + abstract + instances + "</w:numbering>\n"
        }
        numbering.replaceSubrange(end, with: instances + "</w:numbering>")
        // Every abstract definition comes before the first instance.
        let firstInstance = [numbering.range(of: "<w:num "), numbering.range(of: "<w:num>")].compactMap { $0?.lowerBound }.min()
        numbering.insert(contentsOf: abstract, at: firstInstance ?? numbering.range(of: "</w:numbering>", options: .backwards)?.lowerBound ?? numbering.endIndex)
        return numbering
    }
}
