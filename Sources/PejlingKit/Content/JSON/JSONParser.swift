import Foundation

/// A strict RFC 8259 JSON parser that keeps the line and column of every value, so that
/// content errors can point at the place in the file.
///
/// - Input must be UTF-8; a leading byte order mark is skipped. Invalid UTF-8 is an error
///   naming its byte offset (counted from 0, the byte order mark included).
/// - Lines break at LF, CR or CRLF (one break); columns count Unicode scalars from 1.
/// - No extensions: no comments, trailing commas, single quotes, `NaN`, leading zeros or
///   unpaired `\u` surrogates. A repeated key in one object is an error, and so is a
///   trailing comma; neither stops the parse, so every one of them is reported.
/// - Objects and arrays nest at most `maxDepth` deep; the parser uses no recursion, so
///   no input can overflow the stack. Time is linear in the input's size.
///
/// The parser never throws or traps: it returns the tree, or `nil` and the reason.
///
/// ```swift
/// let (root, diagnostics) = JSONParser.parse(Array("{\"a\": [1,]}".utf8), file: "x.json")
/// // root?["a"] is the array [1]: the parse went on past the comma
/// // diagnostics[0].message == "trailing comma before ']'"
/// // diagnostics[0].location == SourceLocation(file: "x.json", line: 1, column: 9)
/// ```
enum JSONParser {
    /// How deep objects and arrays may nest unless the caller says otherwise.
    public static let defaultMaxDepth = 512

    /// Parses `bytes`, which hold a whole JSON document.
    ///
    /// Returns the root node when the syntax can be read, and every diagnostic found. A
    /// syntax error stops the parse (`root` is `nil`, one diagnostic explains it); a repeated
    /// key or a trailing comma is an error too, but the parse goes on so that all of them
    /// are reported (the tree keeps every occurrence of a repeated key). Treat any error in
    /// `diagnostics` as failure.
    ///
    /// ```swift
    /// let (root, diagnostics) = JSONParser.parse(bytes, file: "content/kommuner/esbjerg/maalinger/2015.json")
    /// if let root, diagnostics.isEmpty { print(root["dato"]?.line ?? 0) }
    /// ```
    public static func parse(
        _ bytes: [UInt8], file: String, maxDepth: Int = defaultMaxDepth
    ) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        var parser = Parser(bytes: bytes, file: file, maxDepth: maxDepth)
        let root = parser.run()
        return (root, parser.diagnostics)
    }

    /// Parses a document held in a string (handy in tests).
    ///
    /// ```swift
    /// let (root, _) = JSONParser.parse(text: "[1, 2]", file: "<test>")
    /// ```
    public static func parse(
        text: String, file: String, maxDepth: Int = defaultMaxDepth
    ) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        parse(Array(text.utf8), file: file, maxDepth: maxDepth)
    }
}

// MARK: - The parser proper

private enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case zero...nine: UInt32(byte - zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// An object or array that is open while its contents are parsed.
private struct Frame {
    var isObject: Bool
    var line: Int
    var column: Int
    var members: [JSONMember] = []
    var elements: [JSONNode] = []
    /// Keys seen so far in an object, with where they were first seen.
    var seenKeys: [String: (line: Int, column: Int)] = [:]
    /// The key whose value is being parsed.
    var key = ""
    var keyLine = 0
    var keyColumn = 0
}

/// Thrown inside the parser only, never out of it: the parse stops at a syntax error.
private struct Stop: Error {}

private struct Parser {
    let bytes: [UInt8]
    let file: String
    let maxDepth: Int
    var diagnostics: [Diagnostic] = []

    var pos = 0
    /// The current line and the offset where it starts.
    var line = 1
    var lineStart = 0
    /// A known column on the current line, so columns are computed in linear time overall.
    var checkpointOffset = 0
    var checkpointColumn = 1

    init(bytes: [UInt8], file: String, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
    }

    var atEnd: Bool { pos >= bytes.count }
    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    // MARK: Positions

    /// The column of `offset`, which must lie on the current line.
    mutating func column(at offset: Int) -> Int {
        var from = checkpointOffset
        var column = checkpointColumn
        if offset < checkpointOffset || checkpointOffset < lineStart {
            from = lineStart
            column = 1
        }
        var index = from
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        checkpointOffset = end
        checkpointColumn = column
        return column
    }

    mutating func here() -> (line: Int, column: Int) {
        (line, column(at: pos))
    }

    mutating func startNewLine() {
        line += 1
        lineStart = pos
        checkpointOffset = pos
        checkpointColumn = 1
    }

    // MARK: Errors

    /// Records a syntax error at a line and column, and stops the parse.
    mutating func fail(_ message: String, line: Int, column: Int, hint: String? = nil) -> Stop {
        diagnostics.append(.error(message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
        return Stop()
    }

    /// Records a comma before a closing bracket: an error, but one that hides nothing, so the
    /// parse goes on and the rest of the file is checked too.
    mutating func recordTrailingComma(before closing: String, line: Int, column: Int) {
        diagnostics.append(.error("overskydende komma før '\(closing)'", at: SourceLocation(file: file, line: line, column: column),
                                  hint: "fjern kommaet"))
    }

    /// Records a syntax error at `offset` on the current line, and stops the parse.
    mutating func fail(_ message: String, atOffset offset: Int, hint: String? = nil) -> Stop {
        let column = column(at: offset)
        return fail(message, line: line, column: column, hint: hint)
    }

    /// What stands at `offset`, for messages: `'x'`, `U+0009` or `end of file`.
    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "filens slutning" }
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(offset + length, bytes.count)
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return "filens slutning" }
        let visible: Bool
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator,
             .surrogate, .privateUse, .unassigned:
            visible = false
        default:
            visible = true
        }
        if visible { return "'\(scalar)'" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// An error for something other than what was expected at the current position.
    mutating func unexpected(_ expected: String) -> Stop {
        guard let byte = peek else {
            let (line, column) = here()
            return fail("filen slutter for tidligt; \(expected)", line: line, column: column)
        }
        if byte == ASCII.slash, pos + 1 < bytes.count, bytes[pos + 1] == ASCII.slash || bytes[pos + 1] == ASCII.star {
            return fail("JSON kan ikke have kommentarer", atOffset: pos)
        }
        return fail("\(expected), men her står \(describe(at: pos))", atOffset: pos)
    }

    // MARK: Driver

    mutating func run() -> JSONNode? {
        if let bad = SourceText.firstInvalidUTF8Offset(bytes) {
            diagnostics.append(SourceText.invalidUTF8(at: bad, in: bytes, file: file))
            return nil
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
            checkpointOffset = 3
        }
        do {
            return try parseDocument()
        } catch {
            // A syntax error hides the rest of the file: say so, so that nobody takes it for fine.
            if var last = diagnostics.popLast() {
                let note = "resten af filen kontrolleres, når denne fejl er rettet"
                last.hint = last.hint.map { "\($0); \(note)" } ?? note
                diagnostics.append(last)
            }
            return nil
        }
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case ASCII.space, ASCII.tab:
                pos += 1
            case ASCII.lineFeed:
                pos += 1
                startNewLine()
            case ASCII.carriageReturn:
                pos += 1
                if pos < bytes.count, bytes[pos] == ASCII.lineFeed { pos += 1 }
                startNewLine()
            default:
                return
            }
        }
    }

    mutating func parseDocument() throws(Stop) -> JSONNode {
        skipWhitespace()
        if atEnd {
            throw unexpected("her skal stå en JSON-værdi")
        }
        var stack: [Frame] = []
        valueLoop: while true {
            // At the start of a value, whitespace skipped.
            let (startLine, startColumn) = here()
            var completed: JSONNode
            switch peek {
            case ASCII.openBrace?, ASCII.openBracket?:
                let isObject = peek == ASCII.openBrace
                if stack.count >= maxDepth {
                    throw fail(
                        "objekter og lister ligger mere end \(maxDepth) niveauer inden i hinanden",
                        line: startLine, column: startColumn
                    )
                }
                pos += 1
                skipWhitespace()
                if peek == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
                    pos += 1
                    completed = JSONNode(value: isObject ? .object([]) : .array([]), line: startLine, column: startColumn)
                } else {
                    stack.append(Frame(isObject: isObject, line: startLine, column: startColumn))
                    if isObject {
                        try parseKey(into: &stack[stack.count - 1], expected: "her skal stå en nøgle i anførselstegn eller '}'")
                    }
                    continue valueLoop
                }
            default:
                completed = try parseScalar(line: startLine, column: startColumn)
            }

            // A value is complete: hand it to its container, and close containers as they end.
            while true {
                guard !stack.isEmpty else {
                    skipWhitespace()
                    if !atEnd {
                        throw unexpected("filen skal slutte efter JSON-værdien")
                    }
                    return completed
                }
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    let member = JSONMember(
                        key: stack[top].key, keyLine: stack[top].keyLine, keyColumn: stack[top].keyColumn,
                        value: completed
                    )
                    stack[top].members.append(member)
                    if peek == ASCII.comma {
                        let (commaLine, commaColumn) = here()
                        pos += 1
                        skipWhitespace()
                        if peek == ASCII.closeBrace {
                            // Recoverable: reported, and the object read on as if the comma were not there.
                            recordTrailingComma(before: "}", line: commaLine, column: commaColumn)
                            pos += 1
                            let frame = stack.removeLast()
                            completed = JSONNode(value: .object(frame.members), line: frame.line, column: frame.column)
                            continue
                        }
                        try parseKey(into: &stack[top], expected: "efter ',' skal stå en nøgle i anførselstegn")
                        continue valueLoop
                    }
                    if peek == ASCII.closeBrace {
                        pos += 1
                        let frame = stack.removeLast()
                        completed = JSONNode(value: .object(frame.members), line: frame.line, column: frame.column)
                        continue
                    }
                    throw unexpected("her skal stå ',' eller '}'")
                } else {
                    stack[top].elements.append(completed)
                    if peek == ASCII.comma {
                        let (commaLine, commaColumn) = here()
                        pos += 1
                        skipWhitespace()
                        if peek == ASCII.closeBracket {
                            recordTrailingComma(before: "]", line: commaLine, column: commaColumn)
                            pos += 1
                            let frame = stack.removeLast()
                            completed = JSONNode(value: .array(frame.elements), line: frame.line, column: frame.column)
                            continue
                        }
                        if atEnd { throw unexpected("efter ',' skal stå en værdi") }
                        continue valueLoop
                    }
                    if peek == ASCII.closeBracket {
                        pos += 1
                        let frame = stack.removeLast()
                        completed = JSONNode(value: .array(frame.elements), line: frame.line, column: frame.column)
                        continue
                    }
                    throw unexpected("her skal stå ',' eller ']'")
                }
            }
        }
    }

    /// Parses `"key":` and the whitespace after it, leaving the position at the value.
    mutating func parseKey(into frame: inout Frame, expected: String) throws(Stop) {
        guard peek == ASCII.quote else {
            if peek == ASCII.apostrophe {
                throw fail("nøgler skal stå i dobbelte anførselstegn (\"), ikke enkelte (')", atOffset: pos)
            }
            throw unexpected(expected)
        }
        let (keyLine, keyColumn) = here()
        let key = try parseString(line: keyLine, column: keyColumn)
        if let first = frame.seenKeys[key] {
            diagnostics.append(.error(
                "nøglen '\(key)' står to gange (første gang i linje \(first.line), kolonne \(first.column))",
                at: SourceLocation(file: file, line: keyLine, column: keyColumn)
            ))
        } else {
            frame.seenKeys[key] = (keyLine, keyColumn)
        }
        frame.key = key
        frame.keyLine = keyLine
        frame.keyColumn = keyColumn
        skipWhitespace()
        guard peek == ASCII.colon else {
            throw unexpected("efter nøglen skal stå ':'")
        }
        pos += 1
        skipWhitespace()
        if atEnd { throw unexpected("efter ':' skal stå en værdi") }
    }

    // MARK: Scalars

    mutating func parseScalar(line: Int, column: Int) throws(Stop) -> JSONNode {
        guard let byte = peek else { throw unexpected("her skal stå en værdi") }
        switch byte {
        case ASCII.quote:
            return JSONNode(value: .string(try parseString(line: line, column: column)), line: line, column: column)
        case ASCII.minus, ASCII.zero...ASCII.nine:
            return JSONNode(value: .number(try parseNumber()), line: line, column: column)
        case ASCII.apostrophe:
            throw fail("tekster skal stå i dobbelte anførselstegn (\"), ikke enkelte (')", atOffset: pos)
        case ASCII.closeBrace, ASCII.closeBracket, ASCII.comma, ASCII.colon:
            throw unexpected("her skal stå en værdi")
        case ASCII.plus, ASCII.dot:
            throw fail("ugyldigt tal: et tal i JSON begynder med et ciffer eller '-'", atOffset: pos)
        case _ where ASCII.isLetter(byte):
            let start = pos
            while pos < bytes.count, ASCII.isLetter(bytes[pos]) || ASCII.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") {
                pos += 1
            }
            let word = String(decoding: bytes[start..<pos], as: UTF8.self)
            switch word {
            case "true": return JSONNode(value: .bool(true), line: line, column: column)
            case "false": return JSONNode(value: .bool(false), line: line, column: column)
            case "null": return JSONNode(value: .null, line: line, column: column)
            default:
                throw fail(
                    "ugyldigt ord '\(word)'",
                    line: line, column: column,
                    hint: "de eneste ord i JSON er true, false og null; tekst skal stå i dobbelte anførselstegn"
                )
            }
        default:
            throw unexpected("her skal stå en værdi")
        }
    }

    mutating func parseNumber() throws(Stop) -> JSONNumber {
        let start = pos
        var isInteger = true
        if peek == ASCII.minus { pos += 1 }
        guard let first = peek, ASCII.isDigit(first) else {
            throw fail("ugyldigt tal: efter '-' skal stå et ciffer", atOffset: pos)
        }
        pos += 1
        if first == ASCII.zero {
            if let next = peek, ASCII.isDigit(next) {
                throw fail("ugyldigt tal: et tal må ikke begynde med 0", atOffset: start)
            }
        } else {
            while let next = peek, ASCII.isDigit(next) { pos += 1 }
        }
        if peek == ASCII.dot {
            isInteger = false
            pos += 1
            guard let next = peek, ASCII.isDigit(next) else {
                throw fail("ugyldigt tal: efter '.' skal stå et ciffer", atOffset: pos)
            }
            while let next = peek, ASCII.isDigit(next) { pos += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if peek == ASCII.plus || peek == ASCII.minus { pos += 1 }
            guard let next = peek, ASCII.isDigit(next) else {
                throw fail("ugyldigt tal: eksponenten mangler et ciffer", atOffset: pos)
            }
            while let next = peek, ASCII.isDigit(next) { pos += 1 }
        }
        let literal = String(decoding: bytes[start..<pos], as: UTF8.self)
        return JSONNumber(checkedLiteral: literal, isInteger: isInteger)
    }

    /// Parses a string whose opening quote is at the current position.
    mutating func parseString(line: Int, column: Int) throws(Stop) -> String {
        pos += 1
        var buffer: [UInt8] = []
        var escaped = false
        var segmentStart = pos
        while true {
            guard pos < bytes.count else {
                throw fail("teksten slutter ikke", line: line, column: column, hint: "afslut den med '\"'")
            }
            let byte = bytes[pos]
            if byte == ASCII.quote {
                let text: String
                if escaped {
                    buffer.append(contentsOf: bytes[segmentStart..<pos])
                    text = String(decoding: buffer, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[segmentStart..<pos], as: UTF8.self)
                }
                pos += 1
                return text
            }
            if byte == ASCII.backslash {
                escaped = true
                buffer.append(contentsOf: bytes[segmentStart..<pos])
                try parseEscape(into: &buffer, stringLine: line, stringColumn: column)
                segmentStart = pos
                continue
            }
            if byte < 0x20 {
                if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                    throw fail(
                        "teksten slutter ikke (et linjeskift i en tekst skal skrives \\n)",
                        line: line, column: column
                    )
                }
                throw fail(
                    "styretegnet \(describe(at: pos)) skal skrives med \\ foran i en tekst",
                    atOffset: pos
                )
            }
            pos += 1
        }
    }

    /// Parses one escape whose backslash is at the current position.
    mutating func parseEscape(into buffer: inout [UInt8], stringLine: Int, stringColumn: Int) throws(Stop) {
        let escapeStart = pos
        pos += 1
        guard let byte = peek else {
            throw fail("teksten slutter ikke", line: stringLine, column: stringColumn, hint: "afslut den med '\"'")
        }
        switch byte {
        case ASCII.quote, ASCII.backslash, ASCII.slash:
            buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(ASCII.lineFeed)
        case UInt8(ascii: "r"): buffer.append(ASCII.carriageReturn)
        case UInt8(ascii: "t"): buffer.append(ASCII.tab)
        case UInt8(ascii: "u"):
            pos += 1
            let high = try parseHex4(escapeStart: escapeStart)
            var scalarValue = high
            if (0xD800...0xDBFF).contains(high) {
                guard pos + 1 < bytes.count, bytes[pos] == ASCII.backslash, bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw fail(
                        "ugyldig kode: \\u\(hex4(high)) står uden sin anden halvdel",
                        atOffset: escapeStart
                    )
                }
                let lowStart = pos
                pos += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail(
                        "ugyldig kode: \\u\(hex4(high)) står uden sin anden halvdel",
                        atOffset: escapeStart
                    )
                }
                scalarValue = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(high) {
                throw fail("ugyldig kode: \\u\(hex4(high)) står uden sin første halvdel", atOffset: escapeStart)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw fail("ugyldig kode: \\u\(hex4(high))", atOffset: escapeStart)
            }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
            return
        default:
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                throw fail(
                    "teksten slutter ikke (et linjeskift i en tekst skal skrives \\n)",
                    line: stringLine, column: stringColumn
                )
            }
            throw fail(
                "ugyldig kode '\\\(describe(at: pos).trimmingQuotes)'",
                atOffset: escapeStart,
                hint: "i JSON findes kun \\\" \\\\ \\/ \\b \\f \\n \\r \\t og \\uXXXX"
            )
        }
        pos += 1
    }

    /// Parses the four hex digits after `\u`, leaving the position after them.
    mutating func parseHex4(escapeStart: Int) throws(Stop) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = ASCII.hexValue(byte) else {
                throw fail("ugyldig kode: efter \\u skal stå fire hexadecimale cifre", atOffset: escapeStart)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

private extension String {
    /// `'x'` → `x`; anything else unchanged.
    var trimmingQuotes: String {
        if count >= 3, hasPrefix("'"), hasSuffix("'") { return String(dropFirst().dropLast()) }
        return self
    }
}
