import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// Tests/Fixtures/esf-hand: every figure of SPEC §4.8–4.10 against
/// `expected.json`, which `scripts/esf_expected.py` works out from the CSV
/// without slutrapport (its README says which participant covers which
/// case); the same rows as a workbook give the same figures; and no
/// sensitive count under 5 shows in any output.
@Suite struct HandCheckedESFTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/esf-hand"
    static let workbookFolder = repositoryRoot + "/Tests/Fixtures/esf-hand-xlsx"

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func figures(workbook: Bool) throws -> (Figures, Project) {
        let folder = workbook ? workbookFolder : folder
        let (p, log) = ProjectLoader.load(folder: folder, lang: nil)
        let project = try #require(p, "\(log)")
        let settings = ReportSettings(commandLine: ReportChoices(), project: project)
        let (tally, readLog) = workbook
            ? ParticipantReader.readWorkbook(project: project, asOf: settings.asOf, path: folder + "/participants.xlsx", lang: settings.lang)
            : ParticipantReader.read(project: project, asOf: settings.asOf, path: folder + "/participants.csv", lang: settings.lang)
        #expect(readLog.errorCount == 0, "\(readLog)")
        return (Figures.compute(project: project, tally: tally, asOf: settings.asOf), project)
    }

    /// `{"women": …, "men": …, "other": …, "total": …}` as counts; the total must agree.
    static func counts(_ any: Any?) throws -> GenderCounts {
        let d = try #require(any as? [String: Any])
        let c = GenderCounts(women: try #require(d["women"] as? Int), men: try #require(d["men"] as? Int), other: try #require(d["other"] as? Int))
        #expect(c.total == d["total"] as? Int)
        return c
    }

    @Test(arguments: [false, true]) func everyFigureIsTheIndependentScripts(workbook: Bool) throws {
        let (f, project) = try Self.figures(workbook: workbook)
        let e = try Self.expected()
        #expect(f.asOf.description == e["asOf"] as? String)
        #expect(f.lateStarters == e["lateStarters"] as? Int)
        #expect(f.overall.participants == (try Self.counts(e["participants"])))
        #expect(f.overall.ended == (try Self.counts(e["ended"])))
        #expect(f.overall.active == (try Self.counts(e["active"])))

        let breakdowns = try #require(e["breakdowns"] as? [[String: Any]])
        #expect(breakdowns.map { $0["id"] as? String } == project.breakdowns.map(\.id))
        for (b, expected) in breakdowns.enumerated() {
            let values = try #require(expected["values"] as? [[String: Any]])
            let ended = try #require(expected["endedValues"] as? [[String: Any]])
            #expect(values.map { $0["code"] as? String } == project.breakdowns[b].values.map(\.code))
            #expect(f.breakdowns[b].values == (try values.map(Self.counts)), "\(project.breakdowns[b].id)")
            #expect(f.breakdowns[b].endedValues == (try ended.map(Self.counts)), "\(project.breakdowns[b].id)")
            #expect(f.breakdowns[b].notStated == (try Self.counts(expected["notStated"])), "\(project.breakdowns[b].id)")
            #expect(f.breakdowns[b].endedNotStated == (try Self.counts(expected["endedNotStated"])), "\(project.breakdowns[b].id)")
            #expect(f.sensitiveBreakdowns[b] == expected["sensitive"] as? Bool)
        }

        let esf = try #require(f.esf)
        let esfExpected = try #require(e["esf"] as? [String: Any])
        let indicators = try #require(esfExpected["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ESFIndicator.allCases.map(\.rawValue))
        for (i, expected) in indicators.enumerated() {
            #expect(esf.indicators[i].counts == (try Self.counts(expected)), "\(esf.indicators[i].indicator)")
            #expect(esf.indicators[i].indicator.kind.rawValue == expected["kind"] as? String)
        }
        let notStated = try #require(esfExpected["notStated"] as? [[String: Any]])
        #expect(notStated.map { $0["group"] as? String } == esf.notStated.map(\.group))
        for (n, expected) in zip(esf.notStated, notStated) {
            #expect(n.counts == (try Self.counts(expected)), "\(n.group)")
        }

        let months = try #require(e["timeline"] as? [[String: Any]])
        let timeline = try #require(f.timeline)
        #expect(timeline.map(\.isoMonth) == months.map { $0["month"] as? String ?? "" })
        for (m, expected) in zip(timeline, months) {
            #expect(m.started == (try Self.counts(expected["started"])), "\(m.isoMonth)")
            #expect(m.ended == (try Self.counts(expected["ended"])), "\(m.isoMonth)")
            #expect(m.active == (try Self.counts(expected["active"])), "\(m.isoMonth)")
            #expect(m.cumulative == (try Self.counts(expected["cumulative"])), "\(m.isoMonth)")
        }

        let goals = try #require(e["goals"] as? [[String: Any]])
        #expect(goals.map { $0["id"] as? String } == f.goals.map(\.goal.id))
        for (o, expected) in zip(f.goals, goals) {
            #expect(o.met == expected["met"] as? Bool, "\(o.goal.id)")
            switch o.outcome {
            case .count(let n)?: #expect(n == expected["outcome"] as? Int)
            case .share(let s)?:
                #expect(s.numerator == expected["numerator"] as? Int, "\(o.goal.id)")
                #expect(s.denominator == expected["denominator"] as? Int, "\(o.goal.id)")
            default: Issue.record("goal \(o.goal.id) has no outcome")
            }
        }
    }

    /// The text of each cell of every table row, per output format, keyed by the row's first cell.
    static func rows(inFormatsOf out: String) throws -> [String: [String: [String]]] {
        var result: [String: [String: [String]]] = [:]
        /// The inner markup of each element `tag` (a regular expression) in `markup`.
        func inner(_ markup: String, _ tag: String) -> [String] {
            markup.matches(of: try! Regex("<\(tag)(?: [^>]*)?>(.*?)</\(tag)>").dotMatchesNewlines()).map { String($0.output[1].substring ?? "") }
        }
        /// The text of each element `tag`, without its markup.
        func cells(_ markup: String, _ tag: String) -> [String] {
            inner(markup, tag).map { String($0.replacing(try! Regex("<[^>]+>"), with: "")).trimmingCharacters(in: .whitespaces) }
        }
        func add(_ format: String, _ row: [String]) {
            guard let label = row.first, !label.isEmpty else { return }
            result[format, default: [:]][label] = Array(row.dropFirst())
        }
        let md = try String(contentsOfFile: out + "/slutrapport.md", encoding: .utf8)
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            add("md", line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\<", with: "<") })
        }
        let html = try String(contentsOfFile: out + "/slutrapport.html", encoding: .utf8)
        for tr in inner(html, "tr") {
            add("html", cells(tr, "t[hd]").map { $0.replacingOccurrences(of: "&lt;", with: "<") })
        }
        let docx = try DocxReading(path: out + "/slutrapport.docx")
        for tr in inner(docx.text("word/document.xml"), "w:tr") {
            add("docx", cells(tr, "w:tc").map { $0.replacingOccurrences(of: "&lt;", with: "<") })
        }
        let xlsx = try DocxReading(path: out + "/slutrapport.xlsx")
        let shared = try xlsx.elements("si", in: "xl/sharedStrings.xml").map { $0.stringValue ?? "" }
        for name in xlsx.names where name.hasPrefix("xl/worksheets/sheet") {
            for row in try xlsx.elements("row", in: name) {
                // Each cell at its column (`r="C5"`): an empty cell is left out of the row.
                var values: [String] = []
                for c in (row.children ?? []).compactMap({ $0 as? XMLElement }) {
                    let v = c.stringValue ?? ""
                    let column = (Self.attribute("r", of: c) ?? "").unicodeScalars.prefix { $0.properties.isUppercase }
                        .reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                    while values.count < column { values.append("") }
                    values.append(Self.attribute("t", of: c) == "s" ? Int(v).map { shared[$0] } ?? v : v)
                }
                add("xlsx", values)
            }
        }
        return result
    }

    /// Every ESF+ row, every breakdown value and every quarter in the
    /// Markdown, HTML, Word and Excel reports holds the independent script's
    /// figure, cell by cell; a cell the XML says is hidden shows `<5` or `..`.
    @Test func everyFormatShowsTheIndependentScriptsFigures() throws {
        let e = try Self.expected()
        let (_, project) = try Self.figures(workbook: false)
        let texts = Language.sv.translation.phrases
        let (out, outcome) = buildReports([Self.folder])
        #expect(outcome.failed.isEmpty)
        let folder = out + "/esf-hand"
        let rows = try Self.rows(inFormatsOf: folder)
        let xml = try XMLDocument(contentsOf: URL(fileURLWithPath: folder + "/slutrapport.xml"), options: [])
        /// The XML's hidden counts of an element: `women men` and the like.
        func hidden(_ xpath: String) throws -> [String] {
            let element = try #require(try xml.nodes(forXPath: xpath).first as? XMLElement, "no \(xpath)")
            return (Self.attribute("suppressed", of: element) ?? "").split(separator: " ").map(String.init)
        }
        /// The row's expected cells: women, men, other (the fixture has some), total, each its count or "hidden".
        func cells(_ d: [String: Any], hiding: [String]) -> [String] {
            ["women", "men", "other", "total"].map { hiding.contains($0) ? "hidden" : String(d[$0] as? Int ?? -1) }
        }
        var expectedRows: [(label: String, cells: [String], shares: Bool)] = []
        let esf = try #require(e["esf"] as? [String: Any])
        for d in try #require(esf["indicators"] as? [[String: Any]]) {
            let id = try #require(d["id"] as? String)
            let indicator = try #require(ESFIndicator(rawValue: id))
            expectedRows.append((texts.breakdowns.indicatorName(indicator), cells(d, hiding: try hidden("//*[local-name()='indicator'][@id='\(id)']")), false))
        }
        for d in try #require(esf["notStated"] as? [[String: Any]]) where d["total"] as? Int != 0 {
            let group = try #require(d["group"] as? String)
            expectedRows.append((texts.breakdowns.groupNotStated(group), cells(d, hiding: try hidden("//*[local-name()='notStated'][@group='\(group)']")), false))
        }
        for (b, d) in try #require(e["breakdowns"] as? [[String: Any]]).enumerated() where project.breakdowns[b].esf == nil {
            for (v, value) in try #require(d["values"] as? [[String: Any]]).enumerated() {
                let code = project.breakdowns[b].values[v].code
                let xpath = "//*[local-name()='breakdown'][@id='\(project.breakdowns[b].id)']/*[@code='\(code)']"
                expectedRows.append((project.breakdowns[b].values[v].label ?? code, cells(value, hiding: try hidden(xpath)), true))
            }
        }
        // Quarters from the script's months: started and ended summed, active and cumulative at the quarter's last month.
        var quarters: [(String, [Int])] = []
        for m in try #require(e["timeline"] as? [[String: Any]]) {
            let month = try #require(m["month"] as? String)
            let (year, number) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
            let name = texts.timeline.quarterName(year, (number - 1) / 3 + 1)
            let total = { (key: String) in (m[key] as? [String: Any])?["total"] as? Int ?? -1 }
            if quarters.last?.0 != name { quarters.append((name, [0, 0, 0, 0])) }
            quarters[quarters.count - 1].1[0] += total("started")
            quarters[quarters.count - 1].1[1] += total("ended")
            quarters[quarters.count - 1].1[2] = total("active")
            quarters[quarters.count - 1].1[3] = total("cumulative")
        }
        #expect(quarters.count == 5)
        for (name, values) in quarters { expectedRows.append((name, values.map(String.init), false)) }

        #expect(expectedRows.count == 42)
        var compared = 0
        for format in ["md", "html", "docx", "xlsx"] {
            for row in expectedRows {
                let shown = try #require(rows[format]?[row.label], "\(format): no row \(row.label)")
                // A breakdown's row has each count's share after it.
                let counts = row.shares ? stride(from: 0, to: shown.count, by: 2).map { shown[$0] } : shown
                #expect(counts.count == row.cells.count, "\(format) \(row.label): \(shown)")
                for (cell, expected) in zip(counts, row.cells) {
                    if expected == "hidden" {
                        #expect(cell == "<5" || cell == "..", "\(format) \(row.label): \(cell) is not hidden")
                    } else {
                        #expect(cell == expected, "\(format) \(row.label): \(cell), the script counts \(expected)")
                        compared += 1
                    }
                }
            }
        }
        // 144 shown cells a format (the rest hidden by disclosure control), all compared.
        #expect(compared == 4 * 144)
    }

    /// An attribute by its name: FoundationXML's `attribute(forName:)` finds
    /// none on an element in a default namespace, as the report's XML is.
    static func attribute(_ name: String, of e: XMLElement) -> String? {
        e.attributes?.first { $0.localName == name }?.stringValue
    }

    /// The ESF+ table's sensitive rows, the sensitive breakdown's table
    /// ("Stödbehov vid start"), and every XML element and chart: no count
    /// of 1 to 4 from sensitive data is shown, with --suppress-below off.
    @Test func noSensitiveCountUnderFiveShowsInAnyFormat() throws {
        let (f, project) = try Self.figures(workbook: false)
        let texts = Language.sv.translation.phrases.breakdowns
        let sensitive = try #require(project.breakdowns.firstIndex { $0.sensitive && $0.esf == nil })
        // The fixture holds such counts: else this test would prove nothing.
        #expect(f.esf?[.disability].total == 3)
        #expect(f.breakdowns[sensitive].values.contains { (1...4).contains($0.women) || (1...4).contains($0.men) })

        let (out, outcome) = buildReports([Self.folder])
        #expect(outcome.failed.isEmpty)
        let folder = out + "/esf-hand"
        let rows = try Self.rows(inFormatsOf: folder)
        let labels = [texts.indicatorName(.disability), texts.groupNotStated("disability"), texts.indicatorName(.minority),
                      texts.groupNotStated("minority")] + project.breakdowns[sensitive].values.compactMap(\.label)
        for format in ["md", "html", "docx", "xlsx"] {
            for label in labels {
                let row = try #require(rows[format]?[label], "\(format): no row \(label)")
                #expect(!row.isEmpty)
                for (i, cell) in row.enumerated() {
                    // A count is "<5", "..", 0 or at least 5.
                    #expect(Int(cell).map { $0 == 0 || $0 >= 5 } ?? true, "\(format) \(label): \(cell)")
                    // The share beside a hidden count is hidden too.
                    if cell.hasPrefix("<") || cell == "..", i + 1 < row.count {
                        #expect(!row[i + 1].hasSuffix("%"), "\(format) \(label): a share of a hidden count")
                    }
                }
            }
        }
        // XML: a sensitive element carries no count of 1 to 4.
        let xml = try XMLDocument(contentsOf: URL(fileURLWithPath: folder + "/slutrapport.xml"), options: [])
        let elements = try xml.nodes(forXPath: "//*[local-name()='indicator'][@id='disability' or @id='minority'] | "
                                     + "//*[local-name()='notStated'][@group='disability' or @group='minority'] | "
                                     + "//*[local-name()='breakdown'][@sensitive='true']/*")
        #expect(elements.count >= 6)
        for case let e as XMLElement in elements {
            for name in ["total", "women", "men", "other"] {
                let v = Self.attribute(name, of: e).flatMap { Int($0) }
                #expect(v.map { $0 == 0 || $0 >= 5 } ?? true, "\(e.xmlString): \(name)")
            }
        }
        // The months' started by gender add up to the project's participants
        // by gender: where one of those is hidden, no month may show it.
        let participants = try #require(try xml.nodes(forXPath: "//*[local-name()='participants']").first as? XMLElement)
        let hiddenGenders = (Self.attribute("suppressed", of: participants) ?? "").split(separator: " ")
        #expect(hiddenGenders == ["women", "other"], "the fixture hides a gender's total: else this proves nothing")
        let months = try xml.nodes(forXPath: "//*[local-name()='month']")
        #expect(months.count == 14)
        for case let m as XMLElement in months {
            for gender in hiddenGenders {
                let name = "started" + gender.prefix(1).uppercased() + gender.dropFirst()
                #expect(Self.attribute(name, of: m) == nil, "\(m.xmlString) shows \(name)")
            }
        }
        // Charts: none draws sensitive data, so none names it.
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder + "/charts")
        #expect(!charts.isEmpty)
        for chart in charts {
            let svg = try String(contentsOfFile: folder + "/charts/" + chart, encoding: .utf8)
            for label in labels { #expect(!svg.contains(label), "\(chart) names \(label)") }
        }
    }
}
