import Foundation
import Testing
@testable import SlutrapportKit

/// The thread that inflates a sheet ahead of its scanner ends with the
/// scanner, however early the scanner stops (an error on row 3 of a large
/// sheet, a header searched for in vain), and never outlives the archive.
@Suite struct ReadAheadStreamTests {
    @Test func aStreamLeftEarlyEndsItsThread() throws {
        // 12 MiB of rows: more than the chunks the thread fills ahead (4 × 1 MiB), so it waits for room.
        let row = "<row><c t=\"inlineStr\"><is><t>" + String(repeating: "x", count: 1000) + "</t></is></c></row>"
        let parts = WorkbookMaker.parts(rows: String(repeating: row, count: 12_000))
        let path = try WorkbookMaker.write(parts)
        let archive = try ZipArchive(path: path, limits: .standard)
        let member = try #require(archive.member("xl/worksheets/sheet1.xml"))
        weak var left: ReadAheadStream?
        do {
            let stream = ReadAheadStream(try archive.open(member))
            left = stream
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
            defer { buffer.deallocate() }
            #expect(try stream.read(into: buffer, capacity: 1 << 16) > 0)
        }
        // The scanner let go of it after one read: the stream is gone, its thread stopped (the deinit waits for it).
        #expect(left == nil)
    }
}
