import Foundation
import PropertyBased
import Testing
@testable import SlutrapportKit

/// A small deterministic generator (SplitMix64), so that one seed from the
/// property checker describes a whole random project.
struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// A random project: subprojects in groups, participants with every state,
/// written both as participants.csv and as counts.csv.
struct RandomProject {
    let yaml: String
    let participants: String
    let counts: String

    init(seed: Int) {
        var rng = SplitMix(state: UInt64(seed))
        let subprojects = 1 + rng.next(5)
        var yaml = minimalYAML + "report: {as_of: 2022-06-30}\nsubprojects:\n"
        for s in 0..<subprojects { yaml += "  - {id: s\(s), name: S\(s), group: g\(rng.next(2))}\n" }
        yaml += "activities: [{code: a, label: A}, {code: b, label: B}]\n"
        let reasons = ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt", ""]
        let genders = ["kvinna", "man", "annat"]
        var rows = ["id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities"]
        var tallies: [String: Int] = [:]
        for i in 0..<(rng.next(60)) {
            let s = rng.next(subprojects), g = genders[[0, 0, 0, 1, 1, 1, 2][rng.next(7)]]
            let reason = reasons[rng.next(reasons.count)]
            let end = reason.isEmpty ? "" : "2022-0\(1 + rng.next(6))-15"
            let activities = ["", "a", "b", "a;b"][rng.next(4)]
            rows.append("p\(i),s\(s),\(g),\(1960 + rng.next(45)),2021-0\(1 + rng.next(9))-01,\(end),\(reason),\(activities)")
            tallies["s\(s),\(g),\(reason)", default: 0] += 1
        }
        self.yaml = yaml
        participants = rows.joined(separator: "\n") + "\n"
        counts = (["subproject,gender,exit_reason,count"] + tallies.keys.sorted().map { "\($0),\(tallies[$0] ?? 0)" }).joined(separator: "\n") + "\n"
    }

    func figures(fromCounts: Bool = false) throws -> Figures {
        let f = try Fixture(["project.yaml": yaml, fromCounts ? "counts.csv" : "participants.csv": fromCounts ? counts : participants])
        let project = try #require(f.load().0)
        let asOf = try #require(Day(iso: "2022-06-30"))
        let (tally, log) = fromCounts
            ? CountsReader.read(project: project, path: f.folder + "/counts.csv", lang: .sv)
            : ParticipantReader.read(project: project, asOf: asOf, path: f.folder + "/participants.csv", lang: .sv)
        #expect(!log.hasErrors, "\(log.all)")
        return Figures.compute(project: project, tally: tally, asOf: asOf)
    }
}

@Suite struct PropertyTests {
    @Test func cellsAddUpToTheirTotals() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000)) { seed in
            let f = try RandomProject(seed: seed).figures()
            for b in [f.overall] + f.subprojects + f.groups.map(\.figures) {
                #expect(b.participants == b.active + b.ended)
                #expect(b.ended == b.exits.reduce(GenderCounts(), +))
            }
            #expect(f.subprojects.reduce(GenderCounts()) { $0 + $1.participants } == f.overall.participants)
            for r in f.overall.exits.indices {
                #expect(f.subprojects.reduce(GenderCounts()) { $0 + $1.exits[r] } == f.overall.exits[r])
            }
            #expect(f.groups.reduce(GenderCounts()) { $0 + $1.figures.participants } == f.overall.participants)
            #expect(f.ageBands?.reduce(GenderCounts()) { $0 + $1.counts } == f.overall.participants)
        }
    }

    @Test func countsFileGivesTheSameFigures() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...1_000_000)) { seed in
            let project = RandomProject(seed: seed)
            // Tallies know no dates: compare at an as-of date after every exit.
            let rows = try project.figures(), counts = try project.figures(fromCounts: true)
            #expect(rows.overall.participants == counts.overall.participants)
            #expect(rows.overall.exits == counts.overall.exits)
            #expect(rows.subprojects.map(\.exits) == counts.subprojects.map(\.exits))
            #expect(rows.groups.map(\.figures.active) == counts.groups.map(\.figures.active))
        }
    }

    @Test func suppressionLeavesNothingToRecompute() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 2...6)) { seed, n in
            var f = try RandomProject(seed: seed).figures()
            f.suppress(below: n)
            let table = CellTable(f)
            let protected: Set<Suppression.Cell> = [.init(.project, .participants, nil), .init(.project, .active, nil), .init(.project, .ended, nil)]
            // No shown count is below N (but for the project's own totals).
            for (cell, value) in table.values where value > 0 && value < n && !protected.contains(cell) && !table.unpublished.contains(cell) {
                #expect(f.suppression.isHidden(cell), "\(cell) = \(value) is shown")
            }
            // Every small count is as wide as its marks allow (SPEC §4.5), proved afresh over the
            // whole report, but for those the gate itself says no hiding can protect.
            let violations = DisclosureAudit(table: table, suppression: f.suppression).violations().map(\.0)
            #expect(Set(violations).isSubset(of: f.suppression.unprotectable), "narrowed: \(violations)")
        }
    }
}
