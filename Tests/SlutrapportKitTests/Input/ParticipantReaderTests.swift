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
            "participants.csv:1:1 note csv-rows-not-counted",
        ])
        #expect(log.all.map(\.message).dropFirst().prefix(2) == [
            "the header lacks the required column 'subproject'",
            "the header has 'end_date' but lacks 'exit_reason'",
        ])
    }
}

/// Issue 12: a cell is personal data wherever it sits, so no diagnostic
/// quotes one; a file is checked as far as it can be, and says where it stops.
@Suite struct CellPrivacyTests {
    static let broken = repositoryRoot + "/Tests/Fixtures/broken"

    /// The messages of one broken fixture's check, as `line:col code: message`.
    func messages(_ name: String) -> [String] {
        // Every row, as --diagnostics json gives them: text mode makes one message of rows alike.
        var options = BuildOptions()
        options.keepEveryDiagnostic = true
        let outcome = Batch(options: options, templatesFolder: templatesFolder).run(paths: ["\(Self.broken)/\(name)"], write: false)
        return outcome.diagnostics.map { "\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column) \($0.code.rawValue): \($0.message)" }
    }

    @Test func valuesInTheWrongColumnsAreNamedByColumnNeverQuoted() {
        #expect(messages("values-in-wrong-columns") == [
            "participants.csv:2:15 unknown-gender: the value in column 'gender' is not a gender; use kvinna, man or annat",
            "participants.csv:2:20 birth-year-range: the birth year is not a year from 1900 to the start year",
            "participants.csv:3:6 unknown-subproject: the value in column 'subproject' is not the id or name of a subproject in project.yaml",
            "participants.csv:4:15 unknown-gender: the value in column 'gender' is not a gender; use kvinna, man or annat",
            "participants.csv:4:29 invalid-date: the value in column 'start_date' is not a date YYYY-MM-DD",
            "participants.csv:5:35 invalid-date: the value in column 'end_date' is not a date YYYY-MM-DD",
            "participants.csv:5:40 unknown-exit-reason: the value in column 'exit_reason' is not the code or label of an exit reason",
            "participants.csv:6:46 unknown-exit-reason: the value in column 'exit_reason' is not the code or label of an exit reason; did you mean 'Arbete'?",
            "participants.csv:6:52 unknown-activity: the value in column 'activities' names an activity project.yaml does not list",
            "participants.csv:7:15 unknown-gender: the value in column 'gender' is not a gender; use kvinna, man or annat; did you mean 'kvinna'?",
            "participants.csv:7:37 end-before-start: the end date in column 'end_date' is before the start date",
            "participants.csv:8:37 csv-field-count: expected 8 fields as in the header, found 9",
        ])
    }

    @Test func theColumnIsNamedAsTheHeaderNamesIt() throws {
        let csv = "Deltagar_ID;Delprojekt;KÖN;Startdatum;Slutdatum;Avslutsorsak\nQZID0001;a;1931;2021-02-01;2021-03-01;QZID0001\n"
        let (_, log) = try figures(yaml: ParticipantReaderTests().yaml, csv: csv)
        #expect(log.all.map(\.message) == [
            "the value in column 'KÖN' is not a gender; use kvinna, man or annat",
            "the value in column 'Avslutsorsak' is not the code or label of an exit reason",
        ])
    }

    @Test func aStrayQuoteSwallowsTheNextRowWhichIsNeverEchoed() {
        #expect(messages("csv-stray-quote") == [
            "participants.csv:2:44 unknown-exit-reason: the value in column 'exit_reason' is not the code or label of an exit reason",
        ])
    }

    @Test func aFileWithoutAHeaderIsOneErrorQuotingNothing() {
        #expect(messages("csv-no-header") == [
            "participants.csv:1:1 csv-no-header: the first row is not a header: it names fewer than two of the file's columns; "
                + "add a header row naming at least id, gender, start_date, subproject",
        ])
        #expect(messages("counts-no-header") == [
            "counts.csv:1:1 csv-no-header: the first row is not a header: it names fewer than two of the file's columns; "
                + "add a header row naming at least subproject, gender, exit_reason, count",
        ])
    }

    @Test func aLinkToAFileOutsideTheProjectIsRefused() {
        #expect(messages("participants-outside-symlink") == [
            "participants.csv:1:1 file-outside-project: participants.csv is a link to a file outside the project folder; copy the file into the folder",
        ])
    }

    @Test func projectYAMLErrorsDoNotHideCSVErrors() {
        #expect(messages("yaml-and-csv-errors").map { String($0.split(separator: " ")[0]) } == ["project.yaml:8:29", "participants.csv:3:14"])
        #expect(messages("yaml-list-error-csv-not-checked").last
            == "participants.csv:1:1 csv-not-checked: participants.csv was not checked: its codes are checked against 'subprojects' in project.yaml, which has errors")
    }

    @Test func withoutAPeriodTheCSVIsCheckedButNoOneStartsAfterTheAsOfDate() throws {
        let f = try Fixture(["project.yaml": "id: test\nname: Test\n",
                             "participants.csv": "id,gender,start_date\n1,kvinna,2021-02-01\n2,?,2021-02-01\n"])
        let result = ProjectPipeline(options: BuildOptions(), templates: try #require(TemplateSet.load(folder: templatesFolder).0),
                                     validator: try XMLSchemaValidator(schemaPath: templatesFolder + "/slutrapport.xsd")).build(folder: f.folder)
        #expect(positions(result.log, relativeTo: f.folder) == [
            "project.yaml:1:1 error yaml-missing-key",
            "participants.csv:3:3 error unknown-gender",
        ])
    }

    @Test func aMissingColumnStillChecksTheRowsButCountsNone() {
        #expect(messages("csv-missing-column-row-errors") == [
            "participants.csv:1:1 csv-missing-column: the header lacks the required column 'gender'",
            "participants.csv:1:1 csv-rows-not-counted: the rows are checked for the columns the header has, but none is counted until it names every required column",
            "participants.csv:3:10 unknown-subproject: the value in column 'subproject' is not the id or name of a subproject in project.yaml",
            "participants.csv:3:20 invalid-date: the value in column 'start_date' is not a date YYYY-MM-DD",
        ])
    }

    @Test func aMissingColumnCountsNothing() throws {
        let (figures, log) = try figures(yaml: minimalYAML, csv: "id,start_date\n1,2021-02-01\n2,2021-02-31\n")
        #expect(positions(log, relativeTo: "").map { String($0.split(separator: "/").last ?? "") } == [
            "participants.csv:1:1 error csv-missing-column",
            "participants.csv:1:1 note csv-rows-not-counted",
            "participants.csv:3:3 error invalid-date",
        ])
        #expect(figures?.overall.participants.total == 0)
    }

    /// Issue 15: LibreOffice's exports of a date column, one error per column and kind, with the count and a hint.
    @Test func spreadsheetDatesAreOneErrorPerColumnWithAHint() {
        let fix = "format the column as a date YYYY-MM-DD, or save the workbook as .xlsx"
        #expect(messages("date-serial") == [
            "participants.csv:3:23 date-serial: the value in column 'start_date' looks like a spreadsheet serial number (as do 2 more rows of this column): \(fix)",
            "participants.csv:4:33 date-serial: the value in column 'end_date' looks like a spreadsheet serial number: \(fix)",
            "participants.csv:6:26 invalid-date: the value in column 'start_date' is not a date YYYY-MM-DD",
        ])
        #expect(messages("date-slashed") == [
            "participants.csv:2:27 date-slashed: the value in column 'start_date' looks like a date written month/day/year (as do 2 more rows of this column): "
                + "write dates as YYYY-MM-DD (\(fix))",
            "participants.csv:3:32 date-slashed: the value in column 'end_date' looks like a date written month/day/year: write dates as YYYY-MM-DD (\(fix))",
        ])
        #expect(messages("date-slashed-ambiguous") == [
            "participants.csv:2:27 date-slashed: the value in column 'start_date' looks like a date written day/month/year or month/day/year "
                + "(as does 1 more row of this column); day and month order is ambiguous: write dates as YYYY-MM-DD (\(fix))",
            "participants.csv:2:38 date-slashed: the value in column 'end_date' looks like a date written day/month/year or month/day/year; "
                + "day and month order is ambiguous: write dates as YYYY-MM-DD (\(fix))",
        ])
    }

    @Test func countsAreBoundedAndTheirSumIsChecked() {
        #expect(messages("counts-too-large") == [
            "counts.csv:2:14 invalid-count: the value in column 'count' is not a whole number from 0 to 100000000",
            "counts.csv:3:16 invalid-count: the value in column 'count' is not a whole number from 0 to 100000000",
        ])
        #expect(messages("counts-sum-too-large") == [
            "counts.csv:4:16 invalid-count: the counts add up to more than 100000000 here; no project has that many participants",
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
