import Foundation

/// `slutrapport init DIR`: a project folder that `slutrapport check` accepts
/// at once, with every key of project.yaml and a line saying what it is for.
public enum ProjectScaffold {
    public enum Failure: Error, Sendable {
        case exists(String)
        /// A link is never written through, not even a dangling one.
        case link(String)
        case cannotWrite(String)
    }

    /// `esfPlus`: the ESF+ skeleton (issue 17), with `esf_plus: true`, a goal
    /// on an ESF+ breakdown and the ESF+ columns in participants.csv.
    public static func write(to folder: String, name: String?, esfPlus: Bool = false) throws(Failure) {
        for file in ["project.yaml", "participants.csv", "counts.csv"] {
            let path = folder.appendingPathComponent(file)
            var st = stat()
            guard lstat(path, &st) != 0 else { throw st.st_mode & S_IFMT == S_IFLNK ? .link(path) : .exists(path) }
        }
        let base = defaultName(folder: folder)
        let id = slug(base)
        let title = name ?? base
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(folder)
        }
        var written: [String] = []
        for (file, text) in [("project.yaml", projectYAML(id: id, name: title, esfPlus: esfPlus)),
                             ("participants.csv", participantsCSV(esfPlus: esfPlus))] {
            let path = folder.appendingPathComponent(file)
            let error = createFile(path, text)
            guard error == 0 else {
                // Only what this run created goes: the file that failed may be someone else's that came in meanwhile.
                for created in written { unlink(created) }
                if error == EEXIST || error == ELOOP { throw .exists(path) }
                throw .cannotWrite(folder)
            }
            written.append(path)
        }
    }

    /// What `check` would refuse in a project's name, worded to follow the
    /// option's name ("must not be empty"), or nil: `init` refuses it
    /// rather than write a project `check` then refuses (issue 24).
    public static func nameProblem(_ name: String) -> String? {
        if name.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) { return "must not be empty" }
        guard let c = name.unicodeScalars.first(where: YAMLNodeReader.isNotText) else { return nil }
        let code = "U+" + c.hex4
        return c.value >= 0xFFFE ? "holds the character \(code), which is no text; remove it" : "holds the control character \(code); remove it"
    }

    /// The project's name `init DIR` gives when no --name is given: the folder's.
    public static func defaultName(folder: String) -> String {
        URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
    }

    /// A valid project id from a folder name: lower case, å ä ö → a a o, other runs → "-".
    static func slug(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            switch ch {
            case "å", "ä": out.append("a")
            case "ö": out.append("o")
            case "é", "è": out.append("e")
            case "a"..."z", "0"..."9": out.append(ch)
            default: if !out.hasSuffix("-") { out.append("-") }
            }
        }
        let trimmed = out.trimmingCharacters(in: "-")
        return trimmed.isEmpty ? "projekt" : trimmed
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A header and one example row; with ESF+, its columns (SPEC §3.6) after the breakdown's own.
    static func participantsCSV(esfPlus: Bool) -> String {
        var header = "id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities,malgrupp"
        var row = "exempel-1,delprojekt-1,kvinna,1998,2024-02-01,2024-09-30,arbete,coaching,unga"
        if esfPlus {
            header += "," + ESFBreakdown.allCases.map(\.rawValue).joined(separator: ",")
            // Long-term unemployed, upper secondary school, foreign background, left for work with a qualification.
            row += ",long_term_unemployed,isced_3_4,nej,nej,ja,nej,nej,nej,ja"
        }
        return header + "\n" + row + "\n"
    }

    /// What the ESF+ skeleton says of `esf_plus`, and the plain one.
    static func esfPlusKey(_ on: Bool) -> String {
        on ? """
            # ESF+: the columns behind the common indicators for participants of
            # Regulation (EU) 2021/1057, Annex I, in participants.csv, and the ESF+
            # indicator table in the report. The columns, English or Swedish:
            # labour_status/arbetsmarknadsstatus (unemployed, long_term_unemployed,
            # inactive, employed), education/utbildningsniva (isced_0_2, isced_3_4,
            # isced_5_8), and yes/no (ja/nej) columns disability/funktionsnedsattning,
            # third_country_national/tredjelandsmedborgare,
            # foreign_background/utlandsk_bakgrund, minority/minoritet, homeless/hemlos,
            # rural/landsbygd, qualification/kvalifikation (gained on leaving). An empty
            # cell is "not stated". Disability and minority are sensitive: shown only
            # for 5 or more people.
            esf_plus: true
            """ : """
            # ESF+: true adds the columns behind the ESF+ common indicators to
            # participants.csv and the ESF+ indicator table to the report;
            # `slutrapport init --esf-plus DIR` starts such a project.
            esf_plus: false
            """
    }

    static func projectYAML(id: String, name: String, esfPlus: Bool) -> String {
        """
        # project.yaml — everything about the project except the participants.
        # Check it with `slutrapport check`, build with `slutrapport build`.

        # The project's id: a-z, 0-9 and '-'; reports go to OUT/<id>/.
        id: \(id)
        # The project's name, the title of the report. Required.
        name: \(yamlQuoted(name))
        # The funder's case number (ärendenummer).
        case_number: "2024/00000"
        # The funder's programme area (programområde).
        programme_area: "Programområde 2 Ökat arbetskraftsutbud"
        # Phase: Förprojektering, Genomförande, ...
        phase: "Genomförande"
        # The organisation that owns the project (projektägare).
        owner: "Exempels kommun"
        # Who answers questions about the report.
        contact:
          name: "Projektledare"
          email: "projektledare@example.org"
          phone: "010-000 00 00"
        # Region.
        region: "Exempellän"
        # First and last day of the project. Required.
        period:
          start: 2024-01-01
          end: 2025-12-31
        # Money in kronor: the ESF grant, the whole budget, who co-finances.
        funding:
          esf_grant: 1000000
          total_budget: 2500000
          co_financiers:
            - "Exempels kommun"
        # Organisations the project works with (samarbetspartners).
        partners:
          - "Arbetsförmedlingen"
        # Municipalities the project covers.
        municipalities:
          - "Exempel"
        # as_of: the date the figures are taken at (default: period.end);
        # lang: sv or en; suppress_below: hide counts below this number (0 = off).
        report:
          as_of: 2025-12-31
          lang: sv
          suppress_below: 0
        # The language this file's names and texts are written in (sv or en), when
        # not report.lang's: a report in the other language marks them as such.
        narrative_lang: sv
        # Texts are in quotes: a comma or a colon inside one is then text, never
        # the end of a value.
        # Subprojects: the ids participants.csv uses, with a display name, an area
        # (group) and the amount granted in kronor.
        subprojects:
          - id: delprojekt-1
            name: "Delprojekt 1"
            group: "Område 1"
            granted: 500000
        # The exit reasons the CSV may use, in report order; positive ones are
        # goals such as work or studies. These are the defaults.
        exit_reasons:
          - code: arbete
            label: "Arbete"
            positive: true
          - code: studier
            label: "Studier"
            positive: true
          - code: avbrutit
            label: "Avbrutit"
            positive: false
          - code: annan_orsak
            label: "Annan orsak"
            positive: false
          - code: fullfoljt
            label: "Fullföljt projektet"
            positive: false\(esfPlus ? """

          # esf_result: what an exit counts as among the ESF+ results: job_searching,
          # education or employment (arbete is employment and studier education unless
          # they say otherwise).
          - code: arbetssokande
            label: "Arbetssökande"
            positive: false
            esf_result: job_searching
        """ : "")
        # Activities: the codes the CSV's activities column uses.
        activities:
          - code: coaching
            label: "Individuell coaching"
        # The participant file, when it is not called participants.csv or
        # participants.xlsx (a .csv or .xlsx in this folder):
        # data: "Deltagare 2024.xlsx"
        # What that file holds: participants (one row each; the default) or counts.
        # data_kind: participants
        # The worksheet of participants.xlsx or counts.xlsx to read, when not the
        # first in the workbook (a CSV has none).
        # sheet: Deltagare
        # Lower limits of the age bands: here -17, 18-29, 30-54, 55-.
        age_bands: [18, 30, 55]
        \(esfPlusKey(esfPlus))
        # Breakdowns: more about each participant, one column of participants.csv
        # each (column; default: the id), with its codes in report order. A cell
        # holds a code or a label in any case, or is empty ("not stated").
        # multiple: true lets a cell hold several codes separated by ; or |.
        # sensitive: true for special category data (health, ethnicity): its counts
        # are shown only for 5 or more people (or --suppress-below, if higher).
        breakdowns:
          - id: malgrupp
            title: "Målgrupp"
            column: malgrupp
            values:
              - code: unga
                label: "Unga 16–29 år"
              - code: nyanlanda
                label: "Nyanlända"
            multiple: true
            sensitive: false
        # Goals: metric is participants, exit_share, activity_share, breakdown_share
        # (the share of participants with one of a breakdown's values) or reported.
        goals:
          - id: deltagare
            text: "100 deltagare"
            metric: participants
            target: 100
            by_gender:
              kvinna: 50
              man: 50
          - id: arbete-studier
            text: "50 % går till arbete eller studier"
            metric: exit_share
            reasons: [arbete, studier]
            target: 50%
          - id: coaching
            text: "80 % får coaching"
            metric: activity_share
            activity: coaching
            target: 80%
          - id: nojdhet
            text: "90 % är nöjda"
            metric: reported
            target: 90%
            reported: 85%
            source: "Enkät"
          - id: unga
            text: "Hälften är unga"
            metric: breakdown_share
            breakdown: malgrupp
            values: [unga]
            target: 50%\(esfPlus ? """

          - id: langtidsarbetslosa
            text: "30 % är långtidsarbetslösa"
            metric: breakdown_share
            breakdown: labour_status
            values: [long_term_unemployed]
            target: 30%
        """ : "")
        # The budget, in kr or tkr, line by line.
        budget:
          unit: tkr
          lines:
            - label: "Personal"
              amount: 1500
            - label: "Övrigt"
              amount: 1000
        # The report's text in Markdown: inline, or a path such as sections/bakgrund.md.
        # Standard ids: summary, background, purpose, idea, method, results, equality,
        # transnational, dissemination, evaluation, implementation, next_steps.
        sections:
          summary: |
            Skriv en kort sammanfattning av projektet här.
          results: |
            Kommentera resultaten; tabellerna följer efter texten.

        """
    }
}
