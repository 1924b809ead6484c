import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// The figures of slutrapport.xlsx read back from its parts: every table
/// sheet holds the numbers of slutrapport.xml, as numbers, and shows, cell
/// for cell, what the HTML report's table of that caption shows, under
/// disclosure control too (`<5` and `..` as text, no share of a hidden count).
@Suite struct XlsxFiguresTests {
    typealias Build = Vak2Build

    @Test(arguments: Build.allCases)
    func everyTableSheetShowsWhatTheHTMLReportShows(_ build: Build) throws {
        let workbook = try XlsxReading(path: build.outputFolder + "/slutrapport.xlsx")
        let html = HTMLInspector(try String(contentsOfFile: build.outputFolder + "/slutrapport.html", encoding: .utf8))
            .tables.filter { !$0.caption.isEmpty }
        let tables = workbook.sheets.dropFirst()
        #expect(tables.count == 17)
        #expect(tables.map(\.title) == html.map(\.caption))
        for (sheet, page) in zip(tables, html) {
            #expect(sheet.shownTable(build.style) == page.rows, "\(sheet.name)")
            #expect(sheet.frozenRows == 2, "\(sheet.name)")
        }
    }

    /// Every number of every table sheet against slutrapport.xml, read on
    /// its own: counts by gender, shares of the ended or of the participants
    /// (half up to a whole per cent), age bands, medians, goals.
    @Test func everyNumberOfEveryTableSheetIsTheXMLsFigure() throws {
        let workbook = try XlsxReading(path: Build.swedish.outputFolder + "/slutrapport.xlsx")
        let xml = try VakXML(path: Build.swedish.outputFolder + "/slutrapport.xml")
        var expected: [String: [[Double?]]] = [:]
        let project = try xml.one("/slutrapport")
        let participants = try xml.one("participants", in: project)
        let genders = ["women", "men", "total"]
        let ended = try xml.ended(project)
        expected["Deltagare efter kön"] = [
            genders.map { xml.number(participants, $0) },
            zip(genders, ended).map { g, e in g == "total" ? xml.number(participants, "active") : xml.number(participants, g).map { $0 - (e ?? 0) } },
            zip(genders, ended).map { g, e in g == "total" ? xml.number(participants, "ended") : e },
        ]
        expected["Deltagare efter ålder vid start"] = try xml.all("ageBands/ageBand", in: project)
            .filter { $0.attribute(local: "unknown") != "true" }.map { band in genders.map { xml.number(band, $0) } }
            + [genders.map { xml.number(participants, $0) }]
        expected["Avslutsorsaker efter kön"] = try xml.exits(project)
        let durations = try xml.one("durations", in: project)
        expected["Tid i projektet för avslutade deltagare"] = [ended, ["womenMedianDays", "menMedianDays", "medianDays"].map { xml.number(durations, $0) }]
        expected["Deltagare per aktivitet"] = try xml.all("activities/activity", in: project).map { activity in
            genders.flatMap { g in [xml.number(activity, g), VakXML.share(xml.number(activity, g), of: xml.number(participants, g))] }
        }
        let subprojects = try xml.all("subprojects/subproject", in: project)
        expected["Deltagare per delprojekt"] = try (subprojects + [project]).map { element in
            let p = try xml.one("participants", in: element)
            return [nil] + (genders + ["active", "ended"]).map { xml.number(p, $0) }
        }
        let groups = try xml.all("groups/group", in: project)
        var groupRows: [[Double?]] = []
        for group in groups {
            let size = Double(group.attribute(local: "subprojects")?.split(separator: " ").count ?? 0)
            let p = try xml.one("participants", in: group)
            groupRows.append([size] + genders.map { xml.number(p, $0) })
        }
        expected["Deltagare per område"] = groupRows + [[Double(subprojects.count)] + genders.map { xml.number(participants, $0) }]
        for group in groups {
            expected["Avslutsorsaker i området \(group.attribute(local: "name") ?? "") efter kön"] = try xml.exits(group)
        }
        for subproject in subprojects {
            expected["Avslutsorsaker i \(subproject.attribute(local: "name") ?? "") efter kön"] = try xml.exits(subproject)
        }
        var goals: [[Double?]] = []
        for goal in try xml.all("goals/goal", in: project) {
            let metric = goal.attribute(local: "metric")
            let percent = metric != "participants"
            // A share's outcome shows in whole per cent, rounded from the exact share the XML gives to a tenth.
            var outcome = xml.number(goal, "outcome")
            var target = xml.number(goal, "target")
            if percent {
                if metric != "reported" { outcome = outcome.map { ($0 - 0.05).rounded() } }
                outcome = outcome.map { $0 / 100 }
                target = target.map { $0 / 100 }
            }
            goals.append([nil, target, outcome, nil])
            for part in try xml.all("byGender", in: goal) {
                goals.append([nil, xml.number(part, "target"), xml.number(part, "outcome"), nil])
            }
        }
        expected["Mål, målvärden och utfall"] = goals
        // By calendar quarter: started and ended summed over its months, active and cumulative of its last month.
        var quarters: [(String, [Double?])] = []
        for month in try xml.all("timeline/month", in: project) {
            let m = month.attribute(local: "month") ?? ""
            let quarter = "\(m.prefix(4))-\(((Int(m.suffix(2)) ?? 0) + 2) / 3)"
            let row = ["started", "ended", "active", "cumulative"].map { xml.number(month, $0) }
            if let last = quarters.last, last.0 == quarter {
                quarters[quarters.count - 1].1 = [(last.1[0] ?? 0) + (row[0] ?? 0), (last.1[1] ?? 0) + (row[1] ?? 0), row[2], row[3]]
            } else {
                quarters.append((quarter, row))
            }
        }
        expected["Deltagare per kvartal"] = quarters.map(\.1)

        let tables = workbook.sheets.dropFirst()
        #expect(Set(tables.compactMap(\.title)) == Set(expected.keys))
        for sheet in tables {
            // Each row as wide as the header: an empty cell at a row's end is not written.
            let width = (sheet.table.first?.count ?? 1) - 1
            let numbers = sheet.table.dropFirst().map { row in (1...width).map { c in c < row.count ? row[c]?.number : nil } }
            #expect(numbers == expected[sheet.title ?? ""], "\(sheet.title ?? sheet.name)")
        }
    }
}

/// slutrapport.xml read with XPath by local names (XMLDocument registers no prefixes).
struct VakXML {
    let document: XMLDocument

    init(path: String) throws {
        document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
    }

    func all(_ path: String, in node: XMLNode? = nil) throws -> [XMLElement] {
        let steps = path.split(separator: "/").map { "*[local-name()='\($0)']" }.joined(separator: "/")
        return try (node ?? document).nodes(forXPath: (path.hasPrefix("/") ? "/" : "./") + steps).compactMap { $0 as? XMLElement }
    }

    func one(_ path: String, in node: XMLNode? = nil) throws -> XMLElement {
        try #require(try all(path, in: node).first, "no \(path)")
    }

    func number(_ element: XMLElement, _ name: String) -> Double? {
        element.attribute(local: name).flatMap(Double.init)
    }

    /// The ended by women, men and in total: the sum of the exits' for a gender, as the report counts them.
    func ended(_ element: XMLElement) throws -> [Double?] {
        let exits = try all("exits/exit", in: element)
        return ["women", "men"].map { g in exits.map { number($0, g) ?? 0 }.reduce(0, +) } + [number(try one("exits", in: element), "ended")]
    }

    /// An exits table: each reason's count and its share of the ended, by
    /// gender and in total; then the ended, without shares.
    func exits(_ element: XMLElement) throws -> [[Double?]] {
        let ended = try self.ended(element)
        return try all("exits/exit", in: element).map { exit in
            zip(["women", "men", "total"], ended).flatMap { g, e in [number(exit, g), Self.share(number(exit, g), of: e)] }
        } + [ended.flatMap { [$0, nil] }]
    }

    /// A share as the workbook holds it: the fraction of the whole per cent, half up.
    static func share(_ part: Double?, of whole: Double?) -> Double? {
        guard let part, let whole, whole > 0 else { return nil }
        return ((part * 200 + whole) / (2 * whole)).rounded(.down) / 100
    }
}
