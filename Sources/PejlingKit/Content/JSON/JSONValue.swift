/// A JSON value with the place in the file where it starts.
///
/// Lines and columns count from 1; columns count Unicode scalars (as ``SourceLocation``
/// does), so `"æ"` is one column wide. A leading byte order mark is not counted.
///
/// ```swift
/// let (root, _) = JSONParser.parse(Array(#"{"a": [1, true]}"#.utf8), file: "x.json")
/// root?.line    // 1
/// root?.column  // 1
/// root?["a"]?.column  // 7
/// ```
struct JSONNode: Sendable, Hashable {
    /// The value itself.
    public var value: JSONValue
    /// The 1-based line of the value's first character.
    public var line: Int
    /// The 1-based column (in Unicode scalars) of the value's first character.
    public var column: Int

    public init(value: JSONValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// Where the value starts, in `file`.
    ///
    /// ```swift
    /// node.location(in: "maalinger/2015.json")  // maalinger/2015.json:4:20
    /// ```
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The value of the first member named `key`, when this node is an object.
    ///
    /// ```swift
    /// root["dato"]?.value  // .string("2015-04-01")
    /// ```
    public subscript(key: String) -> JSONNode? {
        value[key]
    }
}

/// One `"key": value` pair of a JSON object, with the key's own position.
///
/// ```swift
/// if case .object(let members) = root.value {
///     for member in members { print(member.key, member.keyLine, member.keyColumn) }
/// }
/// ```
struct JSONMember: Sendable, Hashable {
    /// The key, with escapes resolved.
    public var key: String
    /// The 1-based line of the key's opening quote.
    public var keyLine: Int
    /// The 1-based column (in Unicode scalars) of the key's opening quote.
    public var keyColumn: Int
    /// The member's value.
    public var value: JSONNode

    public init(key: String, keyLine: Int, keyColumn: Int, value: JSONNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }

    /// Where the key starts, in `file`.
    public func keyLocation(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: keyLine, column: keyColumn)
    }
}

/// A JSON value: a tree of ``JSONNode``s that keeps the order of object members and the
/// literal text of numbers.
///
/// ```swift
/// switch node.value {
/// case .number(let number) where number.isInteger: print(number.intValue ?? 0)
/// case .string(let text): print(text)
/// default: break
/// }
/// ```
enum JSONValue: Sendable, Hashable {
    /// An object's members in the order in which the file has them. A well-formed file
    /// has no key twice; the parser reports a repeated key as an error but keeps both.
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null

    /// The value of the first member named `key`, when this is an object.
    ///
    /// ```swift
    /// value["antal_sager"]  // JSONNode(value: .number(20), ...)
    /// ```
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The name of the value's JSON type as messages use it: `object`, `array`, `string`,
    /// `number`, `boolean` or `null`.
    ///
    /// ```swift
    /// JSONValue.bool(true).typeName  // "boolean"
    /// ```
    public var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}

/// A JSON number as written in the file, so that `20`, `20.0` and `2e1` stay apart and
/// no precision is lost on the way in.
///
/// ```swift
/// let twenty = JSONNumber(literal: "20")
/// twenty?.isInteger    // true
/// twenty?.intValue     // 20
/// JSONNumber(literal: "20.0")?.isInteger  // false: it has a fraction part
/// JSONNumber(literal: "1e400")?.doubleValue  // +infinity
/// ```
struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal exactly as the file writes it, e.g. `-0.5e3`.
    public let literal: String
    /// Whether the literal has neither a fraction part nor an exponent (`20`, `-3`),
    /// i.e. whether it is written as a whole number.
    public let isInteger: Bool

    /// Makes a number from a literal in JSON's number grammar; `nil` for anything else
    /// (`+1`, `01`, `.5`, `1.`, `NaN`).
    public init?(literal: String) {
        guard let isInteger = JSONNumber.scan(Array(literal.utf8)) else { return nil }
        self.literal = literal
        self.isInteger = isInteger
    }

    /// Made by the parser, which has already checked the grammar.
    init(checkedLiteral: String, isInteger: Bool) {
        self.literal = checkedLiteral
        self.isInteger = isInteger
    }

    /// The value as an `Int`, when the literal is a whole number (see ``isInteger``) that
    /// fits; `nil` for `2.5`, `1.0`, `1e2` and integers beyond `Int`'s range.
    public var intValue: Int? {
        isInteger ? Int(literal) : nil
    }

    /// The nearest `Double`; infinite when the literal is beyond `Double`'s range (`1e400`).
    public var doubleValue: Double {
        Double(literal) ?? .nan
    }

    public var description: String { literal }

    /// Checks `bytes` against JSON's number grammar; returns whether it is written as a
    /// whole number, or `nil` when it is not a JSON number at all.
    static func scan(_ bytes: [UInt8]) -> Bool? {
        var index = 0
        func digit(_ offset: Int) -> Bool {
            offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digit(index) else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while digit(index) { index += 1 }
        }
        var whole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            whole = false
            index += 1
            guard digit(index) else { return nil }
            while digit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            whole = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digit(index) else { return nil }
            while digit(index) { index += 1 }
        }
        return index == bytes.count ? whole : nil
    }
}
