import Foundation
import Testing
@testable import PejlingKit

// MARK: - Helpers

private func parse(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
    JSONParser.parse(Array(text.utf8), file: "test.json", maxDepth: maxDepth)
}

/// A broken document and where and how the parser must report it.
struct BrokenJSON: Sendable, CustomTestStringConvertible {
    var input: [UInt8]
    var line: Int
    var column: Int
    var message: String

    init(_ input: String, _ line: Int, _ column: Int, _ message: String) {
        self.input = Array(input.utf8)
        self.line = line
        self.column = column
        self.message = message
    }

    init(bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
        self.input = bytes
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String {
        let shown = String(decoding: input.prefix(40), as: UTF8.self)
            .replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\(shown) → \(line):\(column) \(message)"
    }
}

private let brokenDocuments: [BrokenJSON] = [
    // Structure
    BrokenJSON("", 1, 1, "filen slutter for tidligt"),
    BrokenJSON("   \n  ", 2, 3, "filen slutter for tidligt; her skal stå en JSON-værdi"),
    BrokenJSON("{\"a\": 1", 1, 8, "filen slutter for tidligt; her skal stå ',' eller '}'"),
    BrokenJSON("[", 1, 2, "filen slutter for tidligt"),
    BrokenJSON("[1, 2", 1, 6, "filen slutter for tidligt; her skal stå ',' eller ']'"),
    BrokenJSON("{\"a\": 1,}", 1, 8, "overskydende komma"),
    BrokenJSON("[1,]", 1, 3, "overskydende komma"),
    BrokenJSON("[\r\n1,\r\n]", 2, 2, "overskydende komma"),
    BrokenJSON("{\"æøå\": 1,}", 1, 10, "overskydende komma"),
    BrokenJSON("{\"a\": 1 \"b\": 2}", 1, 9, "her skal stå ',' eller '}'"),
    BrokenJSON("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "her skal stå ',' eller '}', men her står '\"'"),
    BrokenJSON("[1 2]", 1, 4, "her skal stå ',' eller ']'"),
    BrokenJSON("[1,,2]", 1, 4, "her skal stå en værdi, men her står ','"),
    BrokenJSON("{\"a\":}", 1, 6, "her skal stå en værdi, men her står '}'"),
    BrokenJSON("{\"a\" 1}", 1, 6, "efter nøglen skal stå ':'"),
    BrokenJSON("{a: 1}", 1, 2, "her skal stå en nøgle i anførselstegn eller '}', men her står 'a'"),
    BrokenJSON("{\"a\": 1, 2}", 1, 10, "efter ',' skal stå en nøgle i anførselstegn"),
    BrokenJSON("{'a': 1}", 1, 2, "dobbelte anførselstegn"),
    BrokenJSON("['a']", 1, 2, "dobbelte anførselstegn"),
    BrokenJSON("{\"a\": 1}}", 1, 9, "filen skal slutte efter JSON-værdien, men her står '}'"),
    BrokenJSON("{\"a\": 1} x", 1, 10, "filen skal slutte"),
    BrokenJSON("[] []", 1, 4, "filen skal slutte"),
    BrokenJSON("// note\n{}", 1, 1, "JSON kan ikke have kommentarer"),
    BrokenJSON("{\"a\": 1 /* note */}", 1, 9, "JSON kan ikke have kommentarer"),
    BrokenJSON("{\"a\": 1, \"a\": 2}", 1, 10, "nøglen 'a' står to gange (første gang i linje 1, kolonne 2)"),
    BrokenJSON("{\n\"ø\": 1,\n\"ø\": 2}", 3, 1, "nøglen 'ø' står to gange (første gang i linje 2, kolonne 1)"),
    BrokenJSON("\u{0}", 1, 1, "her skal stå en værdi, men her står U+0000"),
    BrokenJSON("@", 1, 1, "her skal stå en værdi, men her står '@'"),
    // Literals
    BrokenJSON("tru", 1, 1, "ugyldigt ord 'tru'"),
    BrokenJSON("[true, True]", 1, 8, "ugyldigt ord 'True'"),
    BrokenJSON("NaN", 1, 1, "ugyldigt ord 'NaN'"),
    BrokenJSON("{\"type\": sagsgennemgang}", 1, 10, "ugyldigt ord 'sagsgennemgang'"),
    BrokenJSON("[nullx]", 1, 2, "ugyldigt ord 'nullx'"),
    // Numbers
    BrokenJSON("01", 1, 1, "må ikke begynde med 0"),
    BrokenJSON("[-007]", 1, 2, "må ikke begynde med 0"),
    BrokenJSON("1.", 1, 3, "efter '.' skal stå et ciffer"),
    BrokenJSON("[1.e5]", 1, 4, "efter '.' skal stå et ciffer"),
    BrokenJSON("-", 1, 2, "efter '-' skal stå et ciffer"),
    BrokenJSON("[-a]", 1, 3, "efter '-' skal stå et ciffer"),
    BrokenJSON("1e", 1, 3, "eksponenten mangler et ciffer"),
    BrokenJSON("1e+", 1, 4, "eksponenten mangler et ciffer"),
    BrokenJSON("+1", 1, 1, "ugyldigt tal"),
    BrokenJSON(".5", 1, 1, "ugyldigt tal"),
    BrokenJSON("[1.5.2]", 1, 5, "her skal stå ',' eller ']', men her står '.'"),
    // Strings
    BrokenJSON("\"abc", 1, 1, "teksten slutter ikke"),
    BrokenJSON("[\"abc\\", 1, 2, "teksten slutter ikke"),
    BrokenJSON("{\"a\":\n  \"line one\nline two\"}", 2, 3, "teksten slutter ikke"),
    BrokenJSON("{\"a\": \"x\\qy\"}", 1, 9, "ugyldig kode '\\q'"),
    BrokenJSON("\"æø\\å\"", 1, 4, "ugyldig kode '\\å'"),
    BrokenJSON("\"a\\u12\"", 1, 3, "ugyldig kode: efter \\u skal stå fire hexadecimale cifre"),
    BrokenJSON("\"\\u12G4\"", 1, 2, "fire hexadecimale cifre"),
    BrokenJSON("\"\\uD800\"", 1, 2, "\\uD800 står uden sin anden halvdel"),
    BrokenJSON("\"\\uD800\\u0041\"", 1, 2, "halvdel"),
    BrokenJSON("\"\\uDC00\"", 1, 2, "\\uDC00 står uden sin første halvdel"),
    BrokenJSON("\"a\tb\"", 1, 3, "styretegnet U+0009 skal skrives med \\ foran i en tekst"),
    BrokenJSON("\"\u{1}\"", 1, 2, "styretegnet U+0001"),
    // Positions after multibyte characters and line breaks
    BrokenJSON("{\"æøå\": \"ÆØÅ\" ]", 1, 15, "her skal stå ',' eller '}', men her står ']'"),
    BrokenJSON("[\"😀\", x]", 1, 7, "ugyldigt ord 'x'"),
    BrokenJSON("{\r\n  \"a\": 1,\r\n  \"b\": tru\r\n}", 3, 8, "ugyldigt ord 'tru'"),
    BrokenJSON("[\r1,\r\r2 3]", 4, 3, "her skal stå ',' eller ']'"),
    BrokenJSON("[\n\r1 2]", 3, 3, "her skal stå ',' eller ']'"),
    BrokenJSON("\u{FEFF}[1 2]", 1, 4, "her skal stå ',' eller ']'"),
    // Invalid UTF-8
    BrokenJSON(bytes: [0x22, 0x61, 0xFF, 0x22], 1, 3, "ugyldig UTF-8 i byte 2"),
    BrokenJSON(bytes: [0x22, 0xC0, 0x80, 0x22], 1, 2, "ugyldig UTF-8 i byte 1"),
    BrokenJSON(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "ugyldig UTF-8 i byte 1"),
    BrokenJSON(bytes: [0x22, 0xE2, 0x82, 0x22], 1, 2, "ugyldig UTF-8 i byte 1"),
    BrokenJSON(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 2, "ugyldig UTF-8 i byte 1"),
    BrokenJSON(bytes: [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1, 2, "ugyldig UTF-8 i byte 1"),
    BrokenJSON(bytes: [0x80], 1, 1, "ugyldig UTF-8 i byte 0"),
    BrokenJSON(bytes: [0xEF, 0xBB, 0xBF, 0x5B, 0x0A, 0xC3, 0xA6, 0xFE], 2, 2, "ugyldig UTF-8 i byte 7"),
    BrokenJSON(bytes: [0x5B, 0x0D, 0x0A, 0x20, 0xC3], 2, 2, "ugyldig UTF-8 i byte 4"),
]

// MARK: - Broken input

/// Whether an error leaves the parse going: a repeated key or a trailing comma.
private func recoverable(_ diagnostic: Diagnostic) -> Bool {
    diagnostic.message.contains("står to gange") || diagnostic.message.hasPrefix("overskydende komma")
}

@Suite("JSON parser: errors")
struct JSONParserErrorTests {
    @Test("each broken document is reported at the right place", arguments: brokenDocuments)
    func brokenDocument(_ case_: BrokenJSON) throws {
        let (root, diagnostics) = JSONParser.parse(case_.input, file: "broken.json")
        let problem = try #require(diagnostics.first { $0.severity == .error })
        #expect(problem.message.contains(case_.message), "message: \(problem.message)")
        #expect(problem.location == SourceLocation(file: "broken.json", line: case_.line, column: case_.column),
                "at \(problem.location) for \(problem.message)")
        // A duplicate key or a trailing comma keeps the tree; every other error leaves none.
        if recoverable(problem) {
            #expect(root != nil)
        } else {
            #expect(root == nil)
            #expect(diagnostics.count == 1)
        }
    }

    @Test("every duplicate key is reported, and the tree keeps both members")
    func duplicateKeys() throws {
        let (root, diagnostics) = parse(#"{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}"#)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.message.hasPrefix("nøglen") && $0.message.contains("står to gange") })
        #expect(diagnostics.map(\.location.column) == [24, 33])
        let node = try #require(root)
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "a"])
        #expect(node["a"]?.value == .number(JSONNumber(literal: "1")!))
    }

    @Test("the same key in different objects is fine")
    func sameKeyElsewhere() {
        let (root, diagnostics) = parse(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#)
        #expect(root != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test("nesting is limited, without recursion")
    func depthLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let (root, diagnostics) = parse(deepest)
        #expect(root != nil)
        #expect(diagnostics.isEmpty)

        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let (none, problems) = parse(tooDeep)
        #expect(none == nil)
        let problem = try #require(problems.first)
        #expect(problem.message.contains("mere end 512 niveauer"))
        #expect(problem.location.column == 513)

        let emptyTooDeep = String(repeating: "[", count: 512) + "{}" + String(repeating: "]", count: 512)
        #expect(parse(emptyTooDeep).root == nil)

        // Far beyond any stack: still a diagnostic, not a crash.
        let absurd = String(repeating: #"{"a":["#, count: 200_000)
        let (nothing, reasons) = parse(absurd)
        #expect(nothing == nil)
        #expect(reasons.count == 1)

        #expect(parse("[[[1]]]", maxDepth: 2).root == nil)
        #expect(parse("[[1]]", maxDepth: 2).root != nil)
        #expect(parse("1", maxDepth: 0).root != nil)
    }
}

// MARK: - Valid input

@Suite("JSON parser: values and positions")
struct JSONParserValueTests {
    @Test("values keep their positions, and objects their order and key positions")
    func positions() throws {
        let (root, diagnostics) = parse(#"{"a": [1, true], "b": null, "c": "x"}"#)
        #expect(diagnostics.isEmpty)
        let node = try #require(root)
        #expect((node.line, node.column) == (1, 1))
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "c"])
        #expect(members.map(\.keyColumn) == [2, 18, 29])
        let array = try #require(node["a"])
        #expect((array.line, array.column) == (1, 7))
        guard case .array(let elements) = array.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map(\.column) == [8, 11])
        #expect(elements.map(\.value) == [.number(JSONNumber(literal: "1")!), .bool(true)])
        #expect(node["b"]?.value == .null)
        #expect(node["b"]?.column == 23)
        #expect(node["c"]?.value == .string("x"))
        #expect(node["c"]?.location(in: "f.json") == SourceLocation(file: "f.json", line: 1, column: 34))
        #expect(node["missing"] == nil)
    }

    @Test("CRLF is one line break; columns count Unicode scalars")
    func crlfAndMultibyte() throws {
        let text = "{\r\n  \"æøå\": \"ø\",\r\n  \"b\": [\"😀\", 1]\r\n}\r\n"
        let (root, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let node = try #require(root)
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect((members[0].keyLine, members[0].keyColumn) == (2, 3))
        #expect((members[0].value.line, members[0].value.column) == (2, 10))
        #expect(members[0].key == "æøå")
        #expect((members[1].keyLine, members[1].keyColumn) == (3, 3))
        guard case .array(let elements) = members[1].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map { [$0.line, $0.column] } == [[3, 9], [3, 14]])
    }

    @Test("lone CR and LF both break lines; LF CR is two breaks")
    func lineBreaks() throws {
        let (root, _) = parse("[\r1,\n2,\n\r3]")
        guard case .array(let elements) = try #require(root).value else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map { [$0.line, $0.column] } == [[2, 1], [3, 1], [5, 1]])
    }

    @Test("a leading byte order mark is skipped and not counted")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)
        let (root, diagnostics) = JSONParser.parse(bytes, file: "bom.json")
        #expect(diagnostics.isEmpty)
        let node = try #require(root)
        #expect((node.line, node.column) == (1, 1))
        #expect(node["a"]?.column == 7)
        // Only at the start: elsewhere U+FEFF is not whitespace.
        #expect(parse("[1,\u{FEFF}2]").root == nil)
        #expect(parse("\u{FEFF}\u{FEFF}[]").root == nil)
    }

    @Test("escapes are decoded, surrogate pairs joined")
    func escapes() throws {
        let (root, diagnostics) = parse(#"["\"\\\/\b\f\n\r\t", "\u00e6\u00F8\u00E5", "\uD83D\uDE00", "\u0000", "plain æøå"]"#)
        #expect(diagnostics.isEmpty)
        guard case .array(let elements) = try #require(root).value else {
            Issue.record("not an array")
            return
        }
        let strings = elements.map { node -> [UInt32] in
            guard case .string(let text) = node.value else { return [] }
            return text.unicodeScalars.map(\.value)
        }
        #expect(strings == [
            [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0D, 0x09],
            [0xE6, 0xF8, 0xE5],
            [0x1F600],
            [0],
            Array("plain æøå".unicodeScalars.map(\.value)),
        ])
        // Combining sequences stay as written, scalar by scalar.
        let (combined, _) = parse("\"e\u{301}\"")
        guard case .string(let text) = try #require(combined).value else { return }
        #expect(text.unicodeScalars.map(\.value) == [0x65, 0x301])
    }

    @Test("numbers keep their literal text")
    func numbers() throws {
        let (root, diagnostics) = parse("[20, 20.0, 2e1, -0, -3, 1e400, 123456789012345678901234567890, 0.5E-3]")
        #expect(diagnostics.isEmpty)
        guard case .array(let elements) = try #require(root).value else { return }
        let numbers = elements.compactMap { node -> JSONNumber? in
            guard case .number(let number) = node.value else { return nil }
            return number
        }
        #expect(numbers.map(\.literal) == ["20", "20.0", "2e1", "-0", "-3", "1e400", "123456789012345678901234567890", "0.5E-3"])
        #expect(numbers.map(\.isInteger) == [true, false, false, true, true, false, true, false])
        #expect(numbers.map(\.intValue) == [20, nil, nil, 0, -3, nil, nil, nil])
        #expect(numbers[1].doubleValue == 20)
        #expect(numbers[5].doubleValue == .infinity)
        #expect(numbers[7].doubleValue == 0.0005)
        #expect(JSONNumber(literal: "01") == nil)
        #expect(JSONNumber(literal: "1.") == nil)
        #expect(JSONNumber(literal: " 1") == nil)
        #expect(JSONNumber(literal: "-") == nil)
        #expect(JSONNumber(literal: "7")?.description == "7")
    }

    @Test("top-level scalars, whitespace, Data and text")
    func topLevel() {
        #expect(parse(" \t\n 42 \r\n").root?.value == .number(JSONNumber(literal: "42")!))
        #expect(parse("\"x\"").root?.value == .string("x"))
        #expect(parse("false").root?.value == .bool(false))
        #expect(parse("null").root?.value == .null)
        #expect(JSONParser.parse(Array("[1]".utf8), file: "d.json").root?.value == .array([
            JSONNode(value: .number(JSONNumber(literal: "1")!), line: 1, column: 2),
        ]))
        #expect(JSONParser.parse(text: "{}", file: "t.json").root?.value == .object([]))
        #expect(JSONValue.bool(true).typeName == "boolean")
        #expect(JSONValue.object([]).typeName == "object")
    }

    @Test("UTF-8 validation")
    func utf8() {
        #expect(SourceText.firstInvalidUTF8Offset(Array("æøå 😀 \u{10FFFF}".utf8)) == nil)
        #expect(SourceText.firstInvalidUTF8Offset([0x61, 0xC3]) == 1)
        #expect(SourceText.firstInvalidUTF8Offset([0xE0, 0x80, 0x80]) == 0)  // overlong
        #expect(SourceText.firstInvalidUTF8Offset([0xF0, 0x80, 0x80, 0x80]) == 0)  // overlong
        #expect(SourceText.firstInvalidUTF8Offset([0xC1, 0xBF]) == 0)  // overlong
        #expect(SourceText.firstInvalidUTF8Offset([0xED, 0xBF, 0xBF]) == 0)  // surrogate
        #expect(SourceText.firstInvalidUTF8Offset([0x61, 0x62, 0xBF]) == 2)  // stray continuation
    }

    @Test("time is linear: a long single line and a long document parse quickly")
    func linearTime() throws {
        let elements = 200_000
        let oneLine = "[" + (0..<elements).map { "\"æ\($0)\"" }.joined(separator: ",") + "]"
        let clock = ContinuousClock()
        var parsed: JSONNode?
        let elapsed = clock.measure { parsed = parse(oneLine).root }
        guard case .array(let items) = try #require(parsed).value else { return }
        #expect(items.count == elements)
        #expect(items.last?.column == oneLine.unicodeScalars.count - "\"æ199999\"]".count + 1)
        #expect(elapsed < .seconds(30), "took \(elapsed)")

        let manyLines = "{\n" + (0..<elements).map { "  \"k\($0)\": [\($0), \"ø\"]" }.joined(separator: ",\r\n") + "\n}"
        let (root, diagnostics) = parse(manyLines)
        #expect(diagnostics.isEmpty)
        #expect(root?["k199999"]?.line == elements + 1)
        #expect(root?["k199999"]?.column == 14)
    }
}

// MARK: - Property tests

/// A JSON value without positions, to compare what was written with what was parsed.
indirect enum PlainJSON: Equatable {
    case object([PlainJSONMember])
    case array([PlainJSON])
    case string([UInt32])
    case number(String)
    case bool(Bool)
    case null

    init(_ node: JSONNode) {
        switch node.value {
        case .object(let members): self = .object(members.map { PlainJSONMember(key: $0.key.unicodeScalars.map(\.value), value: PlainJSON($0.value)) })
        case .array(let elements): self = .array(elements.map(PlainJSON.init))
        case .string(let text): self = .string(text.unicodeScalars.map(\.value))
        case .number(let number): self = .number(number.literal)
        case .bool(let value): self = .bool(value)
        case .null: self = .null
        }
    }
}

struct PlainJSONMember: Equatable {
    var key: [UInt32]
    var value: PlainJSON
}

/// Writes random valid JSON with random whitespace and escapes, noting where every value
/// and key starts, so that parsed positions can be checked.
struct RandomJSONWriter {
    var rng: SeededRandom
    var out: [UInt8] = []
    var line = 1
    var column = 1
    /// Positions in document order: each key, then each value (pre-order).
    var positions: [[Int]] = []

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func text(_ string: String) {
        out.append(contentsOf: string.utf8)
        column += string.unicodeScalars.count
    }

    mutating func whitespace() {
        for _ in 0..<int(0...2) {
            switch int(0...5) {
            case 0: out.append(contentsOf: [0x0D, 0x0A]); line += 1; column = 1
            case 1:
                // After a lone CR, LF completes a CRLF: one break, not two.
                if out.last != 0x0D { line += 1 }
                out.append(0x0A)
                column = 1
            case 2: out.append(0x0D); line += 1; column = 1
            case 3: text("\t")
            default: text(" ")
            }
        }
    }

    static let scalars: [Unicode.Scalar] = [
        "a", "b", "Z", "0", " ", "æ", "ø", "å", "Æ", "Ø", "Å", "é", "\u{301}", "😀", "\u{0}", "\n", "\r", "\t",
        "\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{FEFF}", "\u{10FFFF}", "§", "-",
    ]

    mutating func randomScalars() -> [UInt32] {
        (0..<int(0...6)).map { _ in Self.scalars[int(0...(Self.scalars.count - 1))].value }
    }

    mutating func writeString(_ scalars: [UInt32]) {
        text("\"")
        for value in scalars {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch value {
            case 0x22: text("\\\"")
            case 0x5C: text("\\\\")
            case 0x0A where int(0...1) == 0: text("\\n")
            case 0x0D where int(0...1) == 0: text("\\r")
            case 0x09 where int(0...1) == 0: text("\\t")
            case _ where value < 0x20 || int(0...3) == 0:
                if value > 0xFFFF {
                    let offset = value - 0x10000
                    text("\\u" + hex(0xD800 + (offset >> 10)) + "\\u" + hex(0xDC00 + (offset & 0x3FF)))
                } else {
                    text("\\u" + hex(value))
                }
            case 0x2F where int(0...1) == 0: text("\\/")
            default: text(String(Character(scalar)))
            }
        }
        text("\"")
    }

    mutating func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: int(0...1) == 0)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    mutating func numberLiteral() -> String {
        var literal = int(0...3) == 0 ? "-" : ""
        literal += int(0...2) == 0 ? "0" : String(int(1...9)) + String(repeating: "7", count: int(0...25))
        if int(0...2) == 0 { literal += "." + String(int(0...999)) }
        if int(0...3) == 0 { literal += ["e", "E"][int(0...1)] + ["", "+", "-"][int(0...2)] + String(int(0...400)) }
        return literal
    }

    /// Writes a random value `depth` levels deep at most and returns what it wrote.
    mutating func writeValue(depth: Int) -> PlainJSON {
        positions.append([line, column])
        let choice = depth > 0 ? int(0...7) : int(2...7)
        switch choice {
        case 0:
            text("{")
            var members: [PlainJSONMember] = []
            var keys = Set<[UInt32]>()
            for index in 0..<int(0...4) {
                var key = randomScalars()
                if !keys.insert(key).inserted { key.append(0x61 + UInt32(index)); keys.insert(key) }
                guard !members.contains(where: { $0.key == key }) else { continue }
                if !members.isEmpty { text(",") }
                whitespace()
                positions.append([line, column])
                writeString(key)
                whitespace()
                text(":")
                whitespace()
                members.append(PlainJSONMember(key: key, value: writeValue(depth: depth - 1)))
                whitespace()
            }
            if members.isEmpty { whitespace() }
            text("}")
            return .object(members)
        case 1:
            text("[")
            var elements: [PlainJSON] = []
            for _ in 0..<int(0...4) {
                if !elements.isEmpty { text(",") }
                whitespace()
                elements.append(writeValue(depth: depth - 1))
                whitespace()
            }
            if elements.isEmpty { whitespace() }
            text("]")
            return .array(elements)
        case 2, 3:
            let scalars = randomScalars()
            writeString(scalars)
            return .string(scalars)
        case 4, 5:
            let literal = numberLiteral()
            text(literal)
            return .number(literal)
        case 6:
            let value = int(0...1) == 0
            text(value ? "true" : "false")
            return .bool(value)
        default:
            text("null")
            return .null
        }
    }
}

/// Every key position, then every value position, in document order (as the writer notes them).
private func positions(of node: JSONNode) -> [[Int]] {
    var result: [[Int]] = [[node.line, node.column]]
    switch node.value {
    case .object(let members):
        for member in members {
            result.append([member.keyLine, member.keyColumn])
            result.append(contentsOf: positions(of: member.value))
        }
    case .array(let elements):
        for element in elements { result.append(contentsOf: positions(of: element)) }
    default:
        break
    }
    return result
}

@Suite("JSON parser: properties")
struct JSONParserPropertyTests {
    @Test("random valid documents parse back to what was written, at the right places")
    func roundTrip() {
        var rng = SeededRandom(seed: 2015)
        var failures: [String] = []
        for _ in 0..<2_000 {
            var writer = RandomJSONWriter(rng: SeededRandom(seed: rng.next()))
            if writer.int(0...4) == 0 { writer.out = [0xEF, 0xBB, 0xBF] }
            writer.whitespace()
            let written = writer.writeValue(depth: writer.int(0...5))
            writer.whitespace()
            let (root, diagnostics) = JSONParser.parse(writer.out, file: "random.json")
            let text = String(decoding: writer.out, as: UTF8.self)
            guard let root, diagnostics.isEmpty else {
                failures.append("\(text): \(diagnostics.map(\.message))")
                continue
            }
            if PlainJSON(root) != written { failures.append("value differs: \(text)") }
            if positions(of: root) != writer.positions { failures.append("positions differ: \(text)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first ?? "")")
    }

    static let seeds: [String] = [
        """
        {
          "type": "sagsgennemgang",
          "dato": "2015-04-01",
          "antal_sager": 20,
          "resultater": [
            { "kriterium": "undersoegelse-rettidig", "opfyldt": 6, "ikke_opfyldt": 11, "ikke_relevant": 3 },
            { "kriterium": "børnesamtale", "opfyldt": 20, "ikke_opfyldt": 0, "ikke_relevant": 0 }
          ]
        }
        """,
        "{\r\n\t\"a\": [1, -2.5e-3, true, false, null, \"\\u00e6\\n\\\"\"],\r\n\t\"b\": {}\r\n}",
        "[[[[[]]]], {\"x\": {\"y\": {\"z\": [0]}}}]",
        "\u{FEFF}{\"æøå\": \"😀\", \"\\uD83D\\uDE00\": 1e400}",
    ]

    static let alphabet: [UInt8] = Array("{}[]\",:0123456789-+.eEtrufalsn \\/u\n\r\tæ".utf8) + [0x00, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xFF, 0xEF, 0xBB]

    @Test("20,000 random and mutated inputs: a value or a diagnostic, never a crash")
    func fuzz() {
        var rng = SeededRandom(seed: 0x7A5C_F0CE)
        let seeds = Self.seeds.map { Array($0.utf8) }
        var failures: [String] = []
        var parsedCount = 0
        func pick(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        func randomByte() -> UInt8 {
            pick(0...3) == 0 ? UInt8.random(in: 0...255, using: &rng) : Self.alphabet[pick(0...(Self.alphabet.count - 1))]
        }

        for iteration in 0..<20_000 {
            var input: [UInt8]
            switch iteration % 4 {
            case 0:
                input = (0..<pick(0...80)).map { _ in randomByte() }
            case 1, 2:
                if iteration % 4 == 1 {
                    input = seeds[pick(0...(seeds.count - 1))]
                } else {
                    var writer = RandomJSONWriter(rng: SeededRandom(seed: rng.next()))
                    _ = writer.writeValue(depth: 4)
                    input = writer.out
                }
                for _ in 0..<pick(0...4) where !input.isEmpty {
                    let at = pick(0...(input.count - 1))
                    switch pick(0...5) {
                    case 0: input[at] = randomByte()
                    case 1: input.insert(randomByte(), at: at)
                    case 2: input.remove(at: at)
                    case 3: input = Array(input[..<at])
                    case 4:
                        let end = min(input.count, at + pick(1...12))
                        input.insert(contentsOf: input[at..<end], at: pick(0...at))
                    default: input[at] ^= UInt8(1 << pick(0...7))
                    }
                }
            default:
                let depth = pick(0...700)
                let opener: [UInt8] = pick(0...1) == 0 ? Array("[".utf8) : Array("{\"k\":".utf8)
                input = Array([[UInt8]](repeating: opener, count: depth).joined())
                if pick(0...1) == 0 { input += Array("1".utf8) + [UInt8](repeating: UInt8(ascii: "]"), count: pick(0...depth)) }
            }

            let (root, diagnostics) = JSONParser.parse(input, file: "fuzz.json")
            let errors = diagnostics.filter { $0.severity == .error }
            if root == nil {
                let syntaxErrors = errors.filter { !recoverable($0) }
                if syntaxErrors.count != 1 { failures.append("no value and \(syntaxErrors.count) syntax errors: \(input)") }
            } else {
                parsedCount += 1
                if !errors.allSatisfy(recoverable) {
                    failures.append("value and a syntax error: \(input)")
                }
            }
            if !diagnostics.allSatisfy({ ($0.location.line ?? 0) >= 1 && ($0.location.column ?? 0) >= 1 }) {
                failures.append("diagnostic without a position: \(input)")
            }
            let (measurement, measurementDiagnostics) = PejlingKit.Measurement.load(bytes: input, file: "fuzz.json")
            if measurement != nil, measurementDiagnostics.contains(where: { $0.severity == .error }) {
                failures.append("a measurement despite errors: \(input)")
            }
            if measurement == nil, !measurementDiagnostics.contains(where: { $0.severity == .error }) {
                failures.append("no measurement and no error: \(input)")
            }
            if let measurement {
                _ = measurement.validate(knownCriteria: ["undersoegelse-rettidig"])
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first ?? "")")
        // The mix must reach both outcomes, or it tests little.
        #expect(parsedCount > 1_000)
        #expect(parsedCount < 19_000)
    }
}
