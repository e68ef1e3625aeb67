/// Finds Danish CPR numbers (`DDMMYY-XXXX`, also with a space for the dash) in text.
///
/// A match is six digits that form a valid date, then `-` or a space, then four digits,
/// with no digit directly before or after. A published report never identifies a child,
/// so every match is an error.
///
/// ```swift
/// CPRScanner.matches(in: "Barnet 010203-1234 blev ...")  // one match at column 8
/// CPRScanner.matches(in: "Sag 2015-1234")                 // none: not six digits
/// ```
enum CPRScanner {
    /// A match: where it starts in the text (1-based line and column in Unicode scalars).
    public struct Match: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// Every CPR-like number in `text`. Scans UTF-8 bytes; the matches' lines and columns come
    /// from ``SourceText/linesAndColumns(ofBytes:in:)``, in one pass.
    public static func matches(in text: String) -> [Match] {
        var text = text
        let found = text.withUTF8 { bytes in Self.offsets(in: bytes) }
        guard !found.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        return SourceText.linesAndColumns(ofBytes: found, in: bytes).map { Match(line: $0.line, column: $0.column) }
    }

    /// The byte offset of every match.
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let count = bytes.count
        guard count >= 11 else { return [] }
        var found: [Int] = []
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < count && bytes[i] &- 0x30 < 10 }
        @inline(__always) func digit(_ i: Int) -> Int { Int(bytes[i] &- 0x30) }
        /// The length of a separator at `i`: '-', ' ', no-break space (C2 A0), non-breaking hyphen (E2 80 91).
        func separatorLength(_ i: Int) -> Int {
            guard i < count else { return 0 }
            switch bytes[i] {
            case 0x2D, 0x20: return 1
            case 0xC2 where i + 1 < count && bytes[i + 1] == 0xA0: return 2
            case 0xE2 where i + 2 < count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x91: return 3
            default: return 0
            }
        }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte &- 0x30 < 10, !isDigit(index - 1), index + 10 < count, (1..<6).allSatisfy({ isDigit(index + $0) }) {
                let separator = separatorLength(index + 6)
                let rest = index + 6 + separator
                if separator > 0, (0..<4).allSatisfy({ isDigit(rest + $0) }), !isDigit(rest + 4) {
                    let day = digit(index) * 10 + digit(index + 1)
                    let month = digit(index + 2) * 10 + digit(index + 3)
                    let year = digit(index + 4) * 10 + digit(index + 5)
                    // The century is unknown: accept 29 February when some century makes it a leap year.
                    let leapYear = year % 4 == 0 ? 2000 + year : 2001
                    if (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: leapYear) {
                        found.append(index)
                    }
                }
            }
            index += 1
        }
        return found
    }

    /// Reports every match in `source` as an error.
    public static func check(_ source: SourceText, diagnostics: inout Diagnostics) {
        for match in matches(in: source.text) {
            diagnostics.error("det her ligner et CPR-nummer; en offentliggjort rapport må aldrig kunne identificere et barn",
                              at: SourceLocation(file: source.file, line: match.line, column: match.column),
                              hint: "fjern det, eller skriv sagens anonyme nummer i stedet")
        }
    }
}
