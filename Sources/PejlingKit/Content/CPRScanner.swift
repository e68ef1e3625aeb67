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
public enum CPRScanner {
    /// A match: where it starts in the text (1-based line and column in Unicode scalars).
    public struct Match: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// Every CPR-like number in `text`.
    public static func matches(in text: String) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 11 else { return [] }
        var found: [Match] = []
        var line = 1
        var column = 1
        var index = 0
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }
        func digit(_ i: Int) -> Int { Int(scalars[i].value) - 48 }
        while index < scalars.count {
            if isDigit(index), !isDigit(index - 1), index + 10 < scalars.count,
               (0..<6).allSatisfy({ isDigit(index + $0) }),
               scalars[index + 6] == "-" || scalars[index + 6] == " " || scalars[index + 6] == "\u{00A0}" || scalars[index + 6] == "\u{2011}",
               (7..<11).allSatisfy({ isDigit(index + $0) }), !isDigit(index + 11) {
                let day = digit(index) * 10 + digit(index + 1)
                let month = digit(index + 2) * 10 + digit(index + 3)
                let year = digit(index + 4) * 10 + digit(index + 5)
                // The century is unknown: accept 29 February when some century makes it a leap year.
                let leapYear = year % 4 == 0 ? 2000 + year : 2001
                if (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: leapYear) {
                    found.append(Match(line: line, column: column))
                }
            }
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return found
    }

    /// Reports every match in `source` as an error.
    public static func check(_ source: SourceText, diagnostics: inout Diagnostics) {
        for match in matches(in: source.text) {
            diagnostics.error("this looks like a CPR number; a published report must never identify a child",
                              at: SourceLocation(file: source.file, line: match.line, column: match.column),
                              hint: "remove it or write the case's anonymous number instead")
        }
    }
}
