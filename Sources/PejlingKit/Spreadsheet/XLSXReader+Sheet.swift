/// A worksheet part (`xl/worksheets/sheet1.xml` or whichever is first in tab order): its
/// cells into a ``CellGrid``, stopping at the first value beyond
/// ``SpreadsheetLimits/maximumRows``.
final class SheetHandler: XMLPart.Handler {
    let file: String
    let sharedStrings: [String]
    let styles: XLSXStyles
    private(set) var grid: CellGrid
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when reading stopped at a limit: the error that says so.
    private(set) var stopReason: Diagnostic? {
        didSet { shouldStop = stopReason != nil }
    }
    /// Asked after every element, so a stored flag rather than a look at ``stopReason``.
    private(set) var shouldStop = false

    private var row = 0
    private var column = 0
    private var inSheetData = false
    private var cell: CellReference?
    private var cellType: String?
    private var cellStyle = 0
    /// Whether the cell has a `<v>`, and its bytes (kept as bytes: a shared string's index,
    /// nearly every cell, is read from them without making a `String`).
    private var hasValue = false
    private var valueBytes: [UInt8] = []
    private var inlineText: String?
    private var hasFormula = false
    private var capturing: Capture = .none
    private var inPhonetic = false

    private enum Capture { case none, value, inline }

    init(file: String, sharedStrings: [String], styles: XLSXStyles, uses1904DateSystem: Bool) {
        self.file = file
        self.sharedStrings = sharedStrings
        self.styles = styles
        grid = CellGrid(uses1904DateSystem: uses1904DateSystem)
    }

    func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
        switch name {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            row = attributes["r"].flatMap(Int.init) ?? row + 1
            column = 0
        case "c" where inSheetData:
            let reference = attributes["r"].flatMap { CellReference(name: $0) }
                ?? CellReference(row: max(row, 1), column: column + 1)
            row = reference.row
            column = reference.column
            cell = reference
            cellType = attributes["t"]
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            hasValue = false
            valueBytes.removeAll(keepingCapacity: true)
            inlineText = nil
            hasFormula = false
        case "v" where cell != nil:
            hasValue = true
            valueBytes.removeAll(keepingCapacity: true)
            capturing = .value
        case "f" where cell != nil:
            hasFormula = true
        case "is" where cell != nil:
            inlineText = ""
        case "t" where inlineText != nil && !inPhonetic:
            capturing = .inline
        case "rPh":
            inPhonetic = true
        default:
            break
        }
    }

    func end(_ name: XMLPart.Name) {
        switch name {
        case "sheetData": inSheetData = false
        case "v", "t": capturing = .none
        case "rPh": inPhonetic = false
        case "c": finishCell()
        default: break
        }
    }

    func text(_ text: XMLPart.Text) {
        switch capturing {
        case .none: break
        case .value: valueBytes.append(contentsOf: text.bytes)
        case .inline: inlineText? += text.string
        }
    }

    /// The cell's `<v>` as text, or `nil` without one.
    private var value: String? {
        hasValue ? String(decoding: valueBytes, as: UTF8.self) : nil
    }

    /// A shared-string cell's `<v>` as an index: plain digits read from the bytes, anything
    /// else as `Int` reads the text.
    private func sharedStringIndex() -> Int? {
        guard hasValue else { return nil }
        if !valueBytes.isEmpty, valueBytes.count <= 18, valueBytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            return valueBytes.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
        }
        return value.flatMap { Int($0.trimmedSpaces) }
    }

    private func finishCell() {
        guard let reference = cell else { return }
        cell = nil
        capturing = .none
        let cellValue: CellValue?
        switch cellType {
        case "s":
            if let index = sharedStringIndex(), index >= 0, index < sharedStrings.count {
                cellValue = .text(sharedStrings[index])
            } else if value == nil {
                cellValue = nil
            } else {
                diagnostics.append(.error("cellen henviser til en delt tekst, der ikke findes i filen; filen er beskadiget",
                                          at: reference.location(in: file)))
                cellValue = nil
            }
        case "inlineStr":
            cellValue = inlineText.map(CellValue.text) ?? value.map(CellValue.text)
        case "str":
            cellValue = value.map(CellValue.text) ?? (hasFormula ? .formulaWithoutValue : nil)
        case "b":
            cellValue = value.map { .boolean($0.trimmedSpaces == "1") }
                ?? (hasFormula ? .formulaWithoutValue : nil)
        case "e":
            cellValue = value.map(CellValue.error) ?? (hasFormula ? .formulaWithoutValue : nil)
        case "d":
            cellValue = value.map(CellValue.isoDate) ?? (hasFormula ? .formulaWithoutValue : nil)
        default:
            if let value, !value.isEmpty {
                cellValue = .number(value.trimmedSpaces, isDateFormatted: styles.isDate(style: cellStyle))
            } else {
                cellValue = hasFormula ? .formulaWithoutValue : nil
            }
        }
        guard let cellValue, !cellValue.isBlank else { return }
        if reference.row > SpreadsheetLimits.maximumRows {
            stopReason = .error(
                "regnearket har mere end \(DanishFormat.integer(SpreadsheetLimits.maximumRows)) rækker (celle \(reference.name)); "
                    + "en sagsgennemgang har én række pr. sag",
                at: SourceLocation(file: file),
                hint: "slet de overskydende rækker, eller del filen op"
            )
            return
        }
        grid[reference] = cellValue
    }
}
