/// Stable codes of every diagnostic; the wording of messages lives at the
/// call sites, the codes are what scripts and tests match on.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Files
    case fileUnreadable = "file-unreadable"
    case noProject = "no-project"
    case duplicateProjectID = "duplicate-project-id"
    case bothCSVFiles = "both-csv-files"
    case fileOutsideProject = "file-outside-project"  // issue 12

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
    case yamlControlCharacter = "yaml-control-character"  // issue 12
    case yamlAlias = "yaml-alias"  // issue 12
    case sectionTooLarge = "section-too-large"  // issue 12
    case sectionTableTooLarge = "section-table-too-large"  // issue 12
    case narrativeTooLarge = "narrative-too-large"  // issue 12
    case imageNotLoaded = "image-not-loaded"  // issue 12
    case breakdownNeedsParticipants = "breakdown-needs-participants"  // issue 17
    case dataFileFound = "data-file-found"  // issue 25
    case rowsAroundTable = "rows-around-table"  // issue 25
    case dataFileNotRead = "data-file-not-read"  // issue 25
    case dataFileFormat = "data-file-format"  // issue 25
    case dataFileMissing = "data-file-missing"  // issue 25

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
    case csvNoHeader = "csv-no-header"  // issue 12
    case csvTooLong = "csv-too-long"  // issue 12
    case csvNotChecked = "csv-not-checked"  // issue 12
    case csvRowsNotCounted = "csv-rows-not-counted"  // issue 12
    case dateSerial = "date-serial"  // issue 15
    case dateSlashed = "date-slashed"  // issue 15
    case unknownBreakdownValue = "unknown-breakdown-value"  // issue 17
    case breakdownColumnMissing = "breakdown-column-missing"  // issue 17
    case dateFarFromPeriod = "date-far-from-period"  // issue 24

    // Workbooks (participants.xlsx, counts.xlsx)
    case xlsxNotAWorkbook = "xlsx-not-a-workbook"  // issue 15
    case xlsxBinaryExcel = "xlsx-binary-excel"  // issue 15
    case xlsxPasswordProtected = "xlsx-password-protected"  // issue 15
    case xlsxDamaged = "xlsx-damaged"  // issue 15
    case xlsxTooLarge = "xlsx-too-large"  // issue 15
    case xlsxMalformedXML = "xlsx-malformed-xml"  // issue 15
    case xlsxNoSuchSheet = "xlsx-no-such-sheet"  // issue 15
    case xlsxCell = "xlsx-cell"  // issue 15

    // Rendering
    case templateSyntax = "template-syntax"
    case templateMissing = "template-missing"
    case templateOutsideFolder = "template-outside-folder"
    case templateTooLarge = "template-too-large"  // issue 12
    case templatePartialCycle = "template-partial-cycle"  // issue 12
    case templatePartialDepth = "template-partial-depth"  // issue 12
    case templateDynamicPartial = "template-dynamic-partial"  // issue 12
    case xmlInvalid = "xml-invalid"
    case outputFailed = "output-failed"
    case outputNotOurs = "output-not-ours"  // issue 12
    case outputOutOfDate = "output-out-of-date"  // issue 25
    case outputKept = "output-kept"  // issue 24
    case notRendered = "not-rendered"  // issue 12
    case referenceDocxInvalid = "reference-docx-invalid"  // issue 14
    case referenceDocxStyles = "reference-docx-styles"  // issue 25
}
