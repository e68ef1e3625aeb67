import Foundation

/// The text of one input file, decoded as strict UTF-8, with a leading BOM removed and
/// CRLF line endings turned into LF so that every later stage sees one kind of line break.
///
/// ```swift
/// switch SourceText.read(path: "content/site.yml", displayPath: "content/site.yml") {
/// case .success(let source): print(source.text)
/// case .failure(let diagnostic): print(diagnostic)
/// }
/// ```
public struct SourceText: Sendable, Hashable {
    /// The path shown in diagnostics.
    public let file: String
    /// The normalised text.
    public let text: String
    /// The raw bytes as read, for hashing.
    public let bytes: [UInt8]

    /// Decodes `bytes`, or returns an error naming the byte offset of the first invalid sequence.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<SourceText, Diagnostic> {
        if let offset = firstInvalidUTF8Offset(bytes) {
            return .failure(invalidUTF8(at: offset, in: bytes, file: file))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var text = String(decoding: body, as: UTF8.self)
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(file: file, text: text, bytes: bytes))
    }

    /// Reads and decodes a file. `displayPath` is what diagnostics show.
    public static func read(path: String, displayPath: String) -> Result<SourceText, Diagnostic> {
        switch SafePath.readRegularFile(path) {
        case .success(let bytes): return decode(bytes, file: displayPath)
        case .failure(let failure): return .failure(.error("\(failure)", at: SourceLocation(file: displayPath)))
        }
    }

    /// The error for bytes that are not UTF-8 from `offset` on, at its line and column.
    static func invalidUTF8(at offset: Int, in bytes: [UInt8], file: String) -> Diagnostic {
        let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
        return .error("ugyldig UTF-8 i byte \(offset)", at: SourceLocation(file: file, line: line, column: column),
                      hint: "gem filen som UTF-8 (bytes tælles fra 0)")
    }

    /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates, code points
    /// past U+10FFFF and cut-off sequences included), or nil when all is valid. The one check
    /// for every input: text files, JSON and spreadsheets.
    ///
    /// ```swift
    /// SourceText.firstInvalidUTF8Offset([0x61, 0xC3])  // 1
    /// ```
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }

    /// 1-based line and column of a byte offset, the column in Unicode scalars as everywhere
    /// else (the bytes before `offset` are valid UTF-8): the one conversion from offsets to
    /// positions, for text files, JSON and the CPR scan. A leading BOM is not counted, and a
    /// CR, LF or CRLF ends a line, as ``decode(_:file:)`` sees it.
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let position = linesAndColumns(ofBytes: [offset], in: bytes)[0]
        return (position.line, position.column)
    }

    /// ``lineAndColumn(ofByte:in:)`` for many offsets, in ascending order, in one pass over
    /// `bytes` (20,000 CPR numbers in one file must not cost 20,000 passes).
    static func linesAndColumns(ofBytes offsets: [Int], in bytes: [UInt8]) -> [(line: Int, column: Int)] {
        var positions: [(line: Int, column: Int)] = []
        positions.reserveCapacity(offsets.count)
        var line = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, bytes.count) : 0
        // Columns are counted up to `counted` on the current line, so each byte is looked at once.
        var counted = index
        var column = 1
        for offset in offsets {
            let end = min(offset, bytes.count)
            while index < end {
                if bytes[index] == UInt8(ascii: "\n") {
                    line += 1
                    counted = index + 1
                    column = 1
                } else if bytes[index] == UInt8(ascii: "\r") {
                    line += 1
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    counted = index + 1
                    column = 1
                }
                index += 1
            }
            if counted < end {
                column += bytes[counted..<end].count { $0 & 0xC0 != 0x80 }
                counted = end
            }
            positions.append((line, column))
        }
        return positions
    }
}

extension SourceText {
    /// The line and column (in Unicode scalars) of a position in `text`.
    public func location(of index: String.Index, lineOffset: Int = 0) -> SourceLocation {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    /// The text's lines, for showing beside diagnostics (line 1 first). ``decode(_:file:)``
    /// has made every line end a `\n`.
    public var lines: [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
