/// `xl/styles.xml`, as far as a case review needs it: which cell styles show a number as a date.
///
/// A cell's `s` attribute indexes `cellXfs`; each `xf` names a number format, either one of
/// Excel's built-in ids or a custom `numFmt` with its format code.
///
/// ```swift
/// XLSXStyles.isDateFormat(id: 14, code: nil)              // true: the built-in short date
/// XLSXStyles.isDateFormat(id: 164, code: "dd-mm-yyyy")    // true
/// XLSXStyles.isDateFormat(id: 164, code: "0.00")          // false
/// ```
final class XLSXStyles: XMLPart.Handler {
    private var formatCodes: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inCellXfs = false
    var shouldStop: Bool { false }

    func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                formatCodes[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            cellFormatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func end(_ name: XMLPart.Name) {
        if name == "cellXfs" { inCellXfs = false }
    }

    func text(_ text: XMLPart.Text) {}

    /// Whether cells of style index `style` show numbers as dates.
    func isDate(style: Int) -> Bool {
        guard style >= 0, style < cellFormatIDs.count else { return false }
        let id = cellFormatIDs[style]
        return Self.isDateFormat(id: id, code: formatCodes[id])
    }

    /// Excel's built-in date formats (14–22, and the East Asian ones), or a custom code
    /// with a day, month or year in it, outside quoted text, escapes and `[…]` sections.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        guard let code else {
            return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
        }
        // Only the first section (for positive numbers) decides.
        var hasDay = false
        var hasMonthOrMinute = false
        var hasYear = false
        var hasHourOrSecond = false
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if inQuote { if character == "\"" { inQuote = false }; continue }
            if inBracket { if character == "]" { inBracket = false }; continue }
            switch character {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": return hasDay || hasYear || (hasMonthOrMinute && !hasHourOrSecond)
            case "d", "D": hasDay = true
            case "y", "Y": hasYear = true
            case "m", "M": hasMonthOrMinute = true
            case "h", "H", "s", "S": hasHourOrSecond = true
            default: break
            }
        }
        return hasDay || hasYear || (hasMonthOrMinute && !hasHourOrSecond)
    }
}
