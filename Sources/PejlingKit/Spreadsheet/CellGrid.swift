/// A cell's place in a spreadsheet: its 1-based row and column, named as the spreadsheet
/// shows it (`C7` is column 3, row 7).
///
/// ```swift
/// let reference = CellReference(row: 7, column: 3)
/// reference.name                         // "C7"
/// CellReference(name: "AA10")?.column    // 27
/// ```
struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based row number.
    public var row: Int
    /// The 1-based column number (A is 1).
    public var column: Int

    /// The widest sheet Excel has: column XFD.
    public static let maximumColumn = 16_384

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `C7` (as in an xlsx cell's `r` attribute); `nil` for anything else.
    public init?(name: some StringProtocol) {
        var column = 0
        var row = 0
        var seenDigit = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                if column > Self.maximumColumn { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                seenDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > 1_048_576 { return nil }
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 → `A`, 27 → `AA`.
    public static func letters(ofColumn column: Int) -> String {
        var number = max(column, 1)
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `C7`.
    public var name: String { Self.letters(ofColumn: column) + String(row) }

    public var description: String { name }

    /// The place in `file` for a diagnostic: `file:C7` for people, line 7 and column 3 for
    /// `--format json` and `github`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column, cell: name)
    }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// What a spreadsheet cell holds, as the file stores it.
enum CellValue: Sendable, Hashable {
    /// Text: a shared, inline or formula string, or any CSV field.
    case text(String)
    /// A number as written in the file (`1`, `42124`, `2.5`), and whether the cell's number
    /// format shows it as a date.
    case number(String, isDateFormatted: Bool)
    /// A date cell stored as ISO 8601 text (`t="d"`).
    case isoDate(String)
    /// A boolean cell.
    case boolean(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A formula cell saved without its cached value.
    case formulaWithoutValue

    /// The text as a spreadsheet shows it, enough to compare labels: a number cell `1` is
    /// `1` (and `1.0` is `1` too), a boolean is `SAND`/`FALSK` as Danish Excel shows it.
    public var displayed: String {
        switch self {
        case .text(let text), .isoDate(let text), .error(let text): return text
        case .number(let literal, _): return Self.displayedNumber(literal)
        case .boolean(let value): return value ? "SAND" : "FALSK"
        case .formulaWithoutValue: return ""
        }
    }

    /// Whether the cell is empty as a reader sees it (an empty string or only spaces).
    public var isBlank: Bool {
        if case .text(let text) = self { return text.trimmedSpaces.isEmpty }
        return false
    }

    /// `1.0` → `1`, `2.50` → `2.5`, `1E3` → `1000`; anything else as written.
    static func displayedNumber(_ literal: String) -> String {
        guard let value = Double(literal), value.isFinite else { return literal }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// The first sheet of a workbook or a CSV file, as a grid of non-empty cells.
///
/// The readers (``XLSXReader``, ``CSVReader``) make one; ``Measurement/load(grid:file:)``
/// counts it into a measurement.
///
/// ```swift
/// var grid = CellGrid()
/// grid[CellReference(row: 1, column: 1)] = .text("type")
/// grid.value(row: 1, column: 1)   // .text("type")
/// grid.rowCount                   // 1
/// ```
struct CellGrid: Sendable, Hashable {
    /// The cells by row, then column; blank text cells are left out.
    public private(set) var rows: [Int: [Int: CellValue]] = [:]
    /// Whether the workbook counts serial dates from 1904 (older Mac Excel) instead of 1900.
    public var uses1904DateSystem = false

    public init(uses1904DateSystem: Bool = false) {
        self.uses1904DateSystem = uses1904DateSystem
    }

    /// A cell's value, or `nil` when it is empty.
    public subscript(reference: CellReference) -> CellValue? {
        get { rows[reference.row]?[reference.column] }
        set {
            if let newValue, !newValue.isBlank {
                rows[reference.row, default: [:]][reference.column] = newValue
            } else {
                rows[reference.row]?[reference.column] = nil
                if rows[reference.row]?.isEmpty == true { rows[reference.row] = nil }
            }
        }
    }

    /// A cell's value by row and column, or `nil` when it is empty.
    public func value(row: Int, column: Int) -> CellValue? {
        rows[row]?[column]
    }

    /// The last row that has a value (0 for an empty grid).
    public var rowCount: Int { rows.keys.max() ?? 0 }
}

extension String {
    /// The text without surrounding white space (spaces, tabs, line breaks, no-break spaces):
    /// a fast path for the plain ASCII text that nearly every cell holds.
    var trimmedSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        if !isSpace(first), !isSpace(last), first < 0x80, last < 0x80 { return self }
        return String(unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
            .map(Character.init))
    }
}
