import Testing
@testable import SlutrapportKit

@Suite struct ParticipantReaderTests {
    let yaml = minimalYAML + """
        subprojects: [{id: a, name: A}]
        activities: [{code: coaching, label: Coaching}]
        """

    @Test func everyRowErrorWithItsPosition() throws {
        let csv = """
            id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities
            p1,a,kvinna,1990,2021-02-01,2021-06-01,arbete,coaching
            p1,a,man,1990,2021-02-01,,,
            p3,a,okänd,1990,2021-02-01,,,
            p4,b,man,1990,2021-02-01,,,
            p5,a,man,1990,2021-02-01,2021-01-01,arbete,
            p6,a,man,1990,2021-02-01,,arbete,
            p7,a,man,1990,2021-02-01,2021-03-01,,
            p8,a,man,1990,1 feb 2021,,,
            p9,a,man,1890,2021-02-01,,,
            p10,a,man,1990,2021-02-01,,,yoga
            p11,a,man,1990,2021-02-01,2021-03-01,semester,
            p12,a,man
            """
        let (figures, log) = try figures(yaml: yaml, csv: csv)
        #expect(positions(log, relativeTo: "") .map { String($0.split(separator: "/").last ?? "") } == [
            "participants.csv:3:1 error duplicate-participant",
            "participants.csv:4:6 error unknown-gender",
            "participants.csv:5:4 error unknown-subproject",
            "participants.csv:6:26 error end-before-start",
            "participants.csv:7:27 error exit-without-end",
            "participants.csv:8:26 error end-without-exit",
            "participants.csv:9:15 error invalid-date",
            "participants.csv:10:10 error birth-year-range",
            "participants.csv:11:29 error unknown-activity",
            "participants.csv:12:38 error unknown-exit-reason",
            "participants.csv:13:7 error csv-field-count",
        ])
        #expect(log.all[0].message == "duplicate participant id (first on line 2)")
        // Only the valid first row is counted.
        #expect(figures?.overall.participants.total == 1)
    }

    @Test func diagnosticsNeverNameAParticipant() throws {
        let csv = "id,subproject,gender,birth_year,start_date\nHEMLIG-4711,a,kvinna,1890,2021-01-01\nHEMLIG-4711,a,kvinna,1990,2021-01-01\n"
        let (_, log) = try figures(yaml: yaml, csv: csv)
        #expect(log.all.count == 2)
        for d in log.all {
            #expect(!d.message.contains("HEMLIG"))
            #expect(!d.message.contains("1890"))
        }
    }

    @Test func missingColumnsAreNamed() throws {
        let (_, log) = try figures(yaml: yaml, csv: "id,kön,startdatum,slutdatum,extra\n")
        #expect(positions(log, relativeTo: "").map { String($0.split(separator: "/").last ?? "") } == [
            "participants.csv:1:29 warning csv-extra-column",
            "participants.csv:1:1 error csv-missing-column",
            "participants.csv:1:1 error csv-missing-column",
        ])
        #expect(log.all.map(\.message).suffix(2) == [
            "the header lacks the required column 'subproject'",
            "the header has 'end_date' but lacks 'exit_reason'",
        ])
    }
}

@Suite struct ExitReasonIndexTests {
    @Test func aProjectsOwnLabelWinsOverADefaultLabelOfTheOtherLanguage() {
        let reasons = [ExitReason(code: "arbete", label: "Arbete", positive: true),
                       ExitReason(code: "anstallning", label: "Employment", positive: true)]
        let index = ExitReasonIndex(reasons, aliases: ExitReason.defaults(lang: .en))
        #expect(index.index(of: "Employment") == 1)  // not "arbete", whose English default label it is
        #expect(index.index(of: "ARBETE") == 0)
        #expect(index.index(of: "annan orsak") == nil)
    }
}
