import Foundation
import SlutrapportKit

/// A zip written byte by byte, for inputs the reader must survive: each
/// member's bytes are stored as given, under the method given (0 stored,
/// 8 deflate, anything else to test a refusal), with their local headers,
/// the directory and its end record. A stored member's CRC-32 is its
/// own, as the reader checks it; a member of another method has CRC 0 and
/// its stored size as its size, so that the reader finds it damaged.
public enum ZipBytes {
    public static func archive(_ members: [(name: String, method: UInt16, stored: Data)]) -> Data {
        func u16(_ v: Int) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)]) }
        func u32(_ v: Int) -> Data { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        var file = Data(), directory = Data()
        for m in members {
            let name = Data(m.name.utf8)
            let offset = file.count
            let crc = m.method == 0 ? Int(zipCRC32(Array(m.stored))) : 0
            var local = u32(0x0403_4B50) + u16(20) + u16(0) + u16(Int(m.method))
            local += u32(0) + u32(crc) + u32(m.stored.count) + u32(m.stored.count)
            local += u16(name.count) + u16(0) + name
            file += local + m.stored
            var entry = u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(Int(m.method))
            entry += u32(0) + u32(crc) + u32(m.stored.count) + u32(m.stored.count)
            entry += u16(name.count) + u16(0) + u16(0) + u16(0) + u16(0)
            entry += u32(0) + u32(offset) + name
            directory += entry
        }
        let start = file.count
        file += directory
        var end = u32(0x0605_4B50) + u16(0) + u16(0) + u16(members.count) + u16(members.count)
        end += u32(directory.count) + u32(start) + u16(0)
        file += end
        return file
    }
}
