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

    public static func write(to folder: String, name: String?) throws(Failure) {
        for file in ["project.yaml", "participants.csv", "counts.csv"] {
            let path = folder.appendingPathComponent(file)
            var st = stat()
            guard lstat(path, &st) != 0 else { throw st.st_mode & S_IFMT == S_IFLNK ? .link(path) : .exists(path) }
        }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        let id = slug(base)
        let title = name ?? base
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(folder)
        }
        var written: [String] = []
        for (file, text) in [("project.yaml", projectYAML(id: id, name: title)), ("participants.csv", participantsCSV)] {
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

    static let participantsCSV = """
        id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities
        exempel-1,delprojekt-1,kvinna,1998,2024-02-01,2024-09-30,arbete,coaching

        """

    static func projectYAML(id: String, name: String) -> String {
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
        programme_area: Programområde 2 Ökat arbetskraftsutbud
        # Phase: Förprojektering, Genomförande, ...
        phase: Genomförande
        # The organisation that owns the project (projektägare).
        owner: Exempels kommun
        # Who answers questions about the report.
        contact: {name: Projektledare, email: projektledare@example.org, phone: 010-000 00 00}
        # Region.
        region: Exempellän
        # First and last day of the project. Required.
        period: {start: 2024-01-01, end: 2025-12-31}
        # Money in kronor: the ESF grant, the whole budget, who co-finances.
        funding:
          esf_grant: 1000000
          total_budget: 2500000
          co_financiers: [Exempels kommun]
        # Organisations the project works with (samarbetspartners).
        partners: [Arbetsförmedlingen]
        # Municipalities the project covers.
        municipalities: [Exempel]
        # as_of: the date the figures are taken at (default: period.end);
        # lang: sv or en; suppress_below: hide counts below this number (0 = off).
        report: {as_of: 2025-12-31, lang: sv, suppress_below: 0}
        # The language this file's names and texts are written in (sv or en), when
        # not report.lang's: a report in the other language marks them as such.
        narrative_lang: sv
        # Subprojects: the ids participants.csv uses, with a display name, an area
        # (group) and the amount granted in kronor.
        subprojects:
          - {id: delprojekt-1, name: Delprojekt 1, group: Område 1, granted: 500000}
        # The exit reasons the CSV may use, in report order; positive ones are
        # goals such as work or studies. These are the defaults.
        exit_reasons:
          - {code: arbete, label: Arbete, positive: true}
          - {code: studier, label: Studier, positive: true}
          - {code: avbrutit, label: Avbrutit, positive: false}
          - {code: annan_orsak, label: Annan orsak, positive: false}
          - {code: fullfoljt, label: Fullföljt projektet, positive: false}
        # Activities: the codes the CSV's activities column uses.
        activities:
          - {code: coaching, label: Individuell coaching}
        # The worksheet of participants.xlsx or counts.xlsx to read, when not the
        # first in the workbook (a CSV has none).
        # sheet: Deltagare
        # Lower limits of the age bands: here -17, 18-29, 30-54, 55-.
        age_bands: [18, 30, 55]
        # Goals: metric is participants, exit_share, activity_share or reported.
        goals:
          - {id: deltagare, text: "100 deltagare", metric: participants, target: 100, by_gender: {kvinna: 50, man: 50}}
          - {id: arbete-studier, text: "50 % går till arbete eller studier", metric: exit_share, reasons: [arbete, studier], target: 50%}
          - {id: coaching, text: "80 % får coaching", metric: activity_share, activity: coaching, target: 80%}
          - {id: nojdhet, text: "90 % är nöjda", metric: reported, target: 90%, reported: 85%, source: Enkät}
        # The budget, in kr or tkr, line by line.
        budget:
          unit: tkr
          lines:
            - {label: Personal, amount: 1500}
            - {label: Övrigt, amount: 1000}
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
