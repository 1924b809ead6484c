/// Stable codes of every diagnostic; the wording of messages lives at the
/// call sites, the codes are what scripts and tests match on.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Files
    case fileUnreadable = "file-unreadable"
    case noProject = "no-project"
    case duplicateProjectID = "duplicate-project-id"
    case bothCSVFiles = "both-csv-files"

    // project.yaml
    case yamlSyntax = "yaml-syntax"
    case yamlType = "yaml-type"
    case yamlMissingKey = "yaml-missing-key"
    case yamlUnknownKey = "yaml-unknown-key"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case invalidID = "invalid-id"
    case invalidDate = "invalid-date"
    case periodOrder = "period-order"
    case duplicateID = "duplicate-id"
    case unknownReference = "unknown-reference"
    case invalidValue = "invalid-value"
    case sectionFileMissing = "section-file-missing"
    case sectionOutsideProject = "section-outside-project"

    // CSV
    case csvEmpty = "csv-empty"
    case csvFieldCount = "csv-field-count"
    case csvUnterminatedQuote = "csv-unterminated-quote"
    case csvMissingColumn = "csv-missing-column"
    case csvExtraColumn = "csv-extra-column"
    case csvDuplicateColumn = "csv-duplicate-column"
    case csvNotText = "csv-not-text"
    case csvWindows1252 = "csv-windows-1252"
    case duplicateParticipant = "duplicate-participant"
    case emptyValue = "empty-value"
    case unknownGender = "unknown-gender"
    case unknownExitReason = "unknown-exit-reason"
    case unknownSubproject = "unknown-subproject"
    case unknownActivity = "unknown-activity"
    case endBeforeStart = "end-before-start"
    case exitWithoutEnd = "exit-without-end"
    case endWithoutExit = "end-without-exit"
    case birthYearRange = "birth-year-range"
    case invalidCount = "invalid-count"
    case startsAfterAsOf = "starts-after-as-of"

    // Rendering
    case templateSyntax = "template-syntax"
    case templateMissing = "template-missing"
    case templateOutsideFolder = "template-outside-folder"
    case xmlInvalid = "xml-invalid"
    case outputFailed = "output-failed"
    case outputNotOurs = "output-not-ours"  // issue 12
    case notRendered = "not-rendered"  // issue 12
}
