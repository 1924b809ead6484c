/// The limits of reading a workbook. Constants, passed as a value so that
/// tests can check each one just past it with small generated workbooks.
package struct WorkbookLimits: Sendable {
    /// Bytes a member may inflate to, counted as inflated (never from its header).
    package var memberBytes = 2 << 30
    /// Past `ratioFloor` bytes, a member may not inflate to more than
    /// `ratio` times the compressed bytes read so far: a zip bomb stops
    /// within its first megabytes. Real sheets compress about 10:1.
    package var ratio = 200
    package var ratioFloor = 1 << 20
    /// Shared strings, declared or counted: a million participants with
    /// text ids need about a million.
    package var sharedStrings = 8_000_000
    /// Bytes of all shared strings together, as UTF-8.
    package var sharedStringBytes = 512 << 20
    /// Bytes of one cell's text, and of one row's cells together: those of
    /// a CSV field and record (`CSVTokenizer.fieldLimit`, `recordLimit`).
    package var cellBytes = CSVTokenizer.fieldLimit
    package var rowBytes = CSVTokenizer.recordLimit
    /// Bytes of a small part read whole (workbook, relationships, styles).
    package var smallPartBytes = 64 << 20
    /// Entries of the zip's central directory.
    package var entries = 100_000

    package static let standard = WorkbookLimits()
}
