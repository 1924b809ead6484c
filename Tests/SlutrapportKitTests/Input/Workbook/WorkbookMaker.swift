import Foundation
import SlutrapportFuzzSupport
import ZIPFoundation
@testable import SlutrapportKit

/// Small workbooks written by the tests: the parts a minimal .xlsx needs,
/// any of which a test may replace, drop or add to.
enum WorkbookMaker {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A sheet part holding `rows` (the `<row>` elements, as XML).
    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    /// Shared strings as `<si>` elements (XML).
    static func sharedStrings(_ items: String, uniqueCount: Int? = nil) -> String {
        let count = uniqueCount.map { " uniqueCount=\"\($0)\"" } ?? ""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\"\(count)>\(items)</sst>"
    }

    /// Styles with the given `cellXfs` number formats and custom `numFmt`s.
    static func styles(_ formats: [Int], custom: [Int: String] = [:]) -> String {
        let numFmts = custom.isEmpty ? "" : "<numFmts count=\"\(custom.count)\">"
            + custom.sorted { $0.key < $1.key }.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\(xmlEscaped($0.value))\"/>" }.joined()
            + "</numFmts>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(numFmts)<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs count=\"\(formats.count)\">"
            + formats.map { "<xf numFmtId=\"\($0)\" xfId=\"0\"/>" }.joined() + "</cellXfs></styleSheet>"
    }

    static func xmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func workbook(sheets: [String] = ["Blad1"], date1904: Bool = false) -> String {
        let pr = date1904 ? "<workbookPr date1904=\"1\"/>" : ""
        let list = sheets.enumerated().map { "<sheet name=\"\(xmlEscaped($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">\(pr)<sheets>\(list)</sheets></workbook>"
    }

    static func workbookRels(sheets: Int = 1) -> String {
        let sheetRels = (1...max(1, sheets)).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(sheetRels)"
            + "<Relationship Id=\"rId100\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId101\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
    }

    static let packageRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    /// The parts of a one-sheet workbook with `rows`, shared strings `strings` and cell formats `formats`.
    static func parts(rows: String, strings: String = "", formats: [Int] = [0, 14], custom: [Int: String] = [:], date1904: Bool = false) -> [String: Data] {
        [
            "[Content_Types].xml": Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8),
            "_rels/.rels": Data(packageRels.utf8),
            "xl/workbook.xml": Data(workbook(date1904: date1904).utf8),
            "xl/_rels/workbook.xml.rels": Data(workbookRels().utf8),
            "xl/styles.xml": Data(styles(formats, custom: custom).utf8),
            "xl/sharedStrings.xml": Data(sharedStrings(strings).utf8),
            "xl/worksheets/sheet1.xml": Data(sheet(rows).utf8),
        ]
    }

    /// Writes `parts` as a zip at a fresh scratch path, in name order; returns the path.
    static func write(_ parts: [String: Data], name: String = "participants.xlsx", method: CompressionMethod = .deflate) throws -> String {
        let folder = scratch("xlsx")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    /// The texts of every row read from the workbook at `path` as `line: a|b|c`.
    static func rows(_ path: String, sheet: String? = nil, limits: WorkbookLimits = .standard) throws(WorkbookError) -> [String] {
        let workbook = try Workbook.open(path: path, sheet: sheet, limits: limits)
        var out: [String] = []
        try workbook.forEachRow { row in
            out.append("\(row.line): " + (0..<row.count).map { row.string($0) }.joined(separator: "|"))
            return true
        }
        return out
    }

    /// The error reading the workbook at `path` gives, or nil.
    static func error(_ path: String, sheet: String? = nil, limits: WorkbookLimits = .standard) -> WorkbookError? {
        do throws(WorkbookError) {
            _ = try rows(path, sheet: sheet, limits: limits)
            return nil
        } catch {
            return error
        }
    }
}

extension WorkbookMaker {
    /// Raw deflate of `data`, as a zip member holds it.
    static func deflated(_ data: Data) throws -> Data {
        var out = Data()
        _ = try Data.compress(size: Int64(data.count), bufferSize: 1 << 16, provider: { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }, consumer: { out.append($0) })
        return out
    }

    /// A zip written byte by byte (`ZipBytes`, which the workbook fuzzer zips its parts with).
    static func rawZip(_ members: [(name: String, method: UInt16, stored: Data)]) -> Data {
        ZipBytes.archive(members)
    }

    /// A compound file (CFB) of 512-byte sectors whose directory lists `names`.
    static func compoundFile(_ names: [String]) -> Data {
        var header = Data(repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        func put16(_ d: inout Data, _ at: Int, _ v: Int) { d[at] = UInt8(v & 0xFF); d[at + 1] = UInt8(v >> 8 & 0xFF) }
        func put32(_ d: inout Data, _ at: Int, _ v: UInt32) { for k in 0..<4 { d[at + k] = UInt8(v >> (8 * UInt32(k)) & 0xFF) } }
        put16(&header, 0x18, 0x3E); put16(&header, 0x1A, 3); put16(&header, 0x1C, 0xFFFE); put16(&header, 0x1E, 9); put16(&header, 0x20, 6)
        put32(&header, 0x2C, 1); put32(&header, 0x30, 1); put32(&header, 0x38, 4096); put32(&header, 0x3C, 0xFFFF_FFFE); put32(&header, 0x44, 0xFFFF_FFFE)
        put32(&header, 0x4C, 0)
        for k in 1..<109 { put32(&header, 0x4C + 4 * k, 0xFFFF_FFFF) }
        var fat = Data(repeating: 0xFF, count: 512)
        put32(&fat, 0, 0xFFFF_FFFD)
        put32(&fat, 4, 0xFFFF_FFFE)
        var directory = Data(repeating: 0, count: 512)
        for (k, name) in (["Root Entry"] + names).prefix(4).enumerated() {
            let units = Array(name.utf16)
            for (j, u) in units.enumerated() { put16(&directory, 128 * k + 2 * j, Int(u)) }
            put16(&directory, 128 * k + 0x40, 2 * (units.count + 1))
        }
        return header + fat + directory
    }

    /// Writes `data` as a file named `name` in a fresh scratch folder.
    static func file(_ data: Data, name: String = "participants.xlsx") throws -> String {
        let folder = scratch("xlsx")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
