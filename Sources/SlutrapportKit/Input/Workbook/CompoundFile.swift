/// A Microsoft compound file (CFB, OLE2): the container of an Excel
/// 97–2003 workbook, and of an .xlsx saved with a password (its zip then
/// sits encrypted in an `EncryptedPackage` stream). Only the directory is
/// read, to tell the two apart.
enum CompoundFile {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// What a compound file is, as the error to report.
    static func kind(of archive: ZipArchive) -> WorkbookError {
        let names = (try? directoryNames(archive)) ?? []
        if names.contains("EncryptedPackage") { return .passwordProtected }
        if names.contains("Workbook") || names.contains("Book") { return .binaryExcel }
        // A damaged directory: an .xls is far likelier than a protected workbook.
        if names.isEmpty { return .binaryExcel }
        return .notAWorkbook("a compound file (an older Office document), not a workbook")
    }

    /// The names in the directory, following its sector chain through the
    /// allocation table. Every step is bounded by the file's sector count,
    /// so a chain that loops ends.
    static func directoryNames(_ archive: ZipArchive) throws(WorkbookError) -> [String] {
        let header = try archive.read(at: 0, count: 512)
        guard header.count == 512 else { return [] }
        let shift = Int(header.u16(0x1E))
        guard shift == 9 || shift == 12 else { return [] }
        let sectorSize = 1 << shift
        let sectors = archive.size / sectorSize
        func offset(_ sector: Int) -> Int { (sector + 1) * sectorSize }
        // The allocation table's sectors: the first 109 are listed in the header.
        let fatSectors = min(Int(header.u32(0x2C)), 109)
        var fat: [UInt32] = []
        for k in 0..<fatSectors {
            let sector = Int(header.u32(0x4C + 4 * k))
            guard sector < sectors else { break }
            let bytes = try archive.read(at: offset(sector), count: sectorSize)
            for j in stride(from: 0, to: bytes.count - 3, by: 4) { fat.append(bytes.u32(j)) }
        }
        var names: [String] = []
        var sector = Int(header.u32(0x30))
        var steps = 0
        while sector < sectors && steps <= sectors {
            let bytes = try archive.read(at: offset(sector), count: sectorSize)
            for entry in stride(from: 0, to: bytes.count - 127, by: 128) {
                let length = min(64, Int(bytes.u16(entry + 0x40)))
                guard length >= 2 else { continue }
                let units = (0..<(length / 2 - 1)).map { bytes.u16(entry + 2 * $0) }
                names.append(String(decoding: units, as: UTF16.self))
            }
            guard sector < fat.count else { break }
            sector = Int(fat[sector])
            steps += 1
        }
        return names
    }
}
