/// A bounds check of a zip file's directory before ZIPFoundation reads it.
///
/// ZIPFoundation trusts the sizes and offsets in a zip file's central directory: a damaged
/// or hostile file whose compressed size points past the end of the file stops the process
/// (a range with its bounds reversed) instead of throwing. This check walks the end record,
/// the central directory and each entry's local header and refuses a file where any of them
/// points outside the file, or that needs ZIP64 (no case review under 16 MiB does). It reads
/// no entry's data: unpacking is left to ZIPFoundation.
///
/// ```swift
/// ZIPStructure.isSound(bytes)   // false for a truncated or damaged workbook
/// ```
enum ZIPStructure {
    static func isSound(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : nil }
        func u32(_ i: Int) -> Int? {
            guard i >= 0, i + 4 <= count else { return nil }
            return Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
        }
        // The end of central directory record: in the last 22 + 65,535 bytes (its comment).
        guard count >= 22 else { return false }
        var end: Int?
        var index = count - 22
        while index >= max(0, count - 22 - 65_535) {
            if u32(index) == 0x0605_4B50 {
                end = index
                break
            }
            index -= 1
        }
        guard let end, let entries = u16(end + 10), let directorySize = u32(end + 12),
              let directoryOffset = u32(end + 16) else { return false }
        guard entries != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF,
              directoryOffset + directorySize <= end else { return false }
        var record = directoryOffset
        for _ in 0..<entries {
            guard u32(record) == 0x0201_4B50, let compressedSize = u32(record + 20), let uncompressedSize = u32(record + 24),
                  let nameLength = u16(record + 28), let extraLength = u16(record + 30), let commentLength = u16(record + 32),
                  let localOffset = u32(record + 42) else { return false }
            guard compressedSize != 0xFFFF_FFFF, uncompressedSize != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF else { return false }
            let next = record + 46 + nameLength + extraLength + commentLength
            guard next <= directoryOffset + directorySize else { return false }
            // The entry's local header and data lie before the central directory.
            guard u32(localOffset) == 0x0403_4B50, let localName = u16(localOffset + 26),
                  let localExtra = u16(localOffset + 28) else { return false }
            let dataEnd = localOffset + 30 + localName + localExtra + compressedSize
            guard dataEnd <= directoryOffset else { return false }
            record = next
        }
        return true
    }
}
