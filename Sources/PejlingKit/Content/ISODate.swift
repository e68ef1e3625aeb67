/// A calendar date as content writes it: `2015-06-01`.
///
/// Parsing checks that the day exists (leap years included); no time zone is involved,
/// so a date never shifts with the machine's clock or locale.
///
/// ```swift
/// let date = ISODate("2017-06-21")  // ISODate(year: 2017, month: 6, day: 21)
/// ISODate("2017-02-30")             // nil
/// ```
public struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...ISODate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        guard let (year, month, day) = Self.parts(text) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension ISODate {
    /// The Danish month names, January first.
    static let monthNames = ["januar", "februar", "marts", "april", "maj", "juni",
                             "juli", "august", "september", "oktober", "november", "december"]

    /// Why `text` is no date, for a diagnostic about `key`: written wrongly, or written right
    /// but a day that does not exist.
    ///
    /// ```swift
    /// ISODate.problem(with: "2026-02-30", key: "dato")
    /// // "'dato' er 2026-02-30, en dato, der ikke findes: februar 2026 har 28 dage"
    /// ISODate.problem(with: "i går", key: "dato")
    /// // "'dato' skal være en dato skrevet ÅÅÅÅ-MM-DD, ikke 'i går'"
    /// ```
    static func problem(with text: String, key: String) -> String {
        guard let (year, month, day) = parts(text) else {
            return "'\(key)' skal være en dato skrevet ÅÅÅÅ-MM-DD, ikke '\(text)'"
        }
        if !(1...12).contains(month) {
            return "'\(key)' er \(text), en dato, der ikke findes: der er ingen måned \(month)"
        }
        if year < 1 {
            return "'\(key)' er \(text), en dato, der ikke findes: der er intet år 0"
        }
        let days = daysIn(month: month, year: year)
        if day < 1 {
            return "'\(key)' er \(text), en dato, der ikke findes: en måned begynder med dag 1"
        }
        return "'\(key)' er \(text), en dato, der ikke findes: \(monthNames[month - 1]) \(year) har \(days) dage"
    }

    /// What to do about `text`, the other half of ``problem(with:key:)``.
    static func hint(for text: String) -> String {
        if let (year, month, _) = parts(text), (1...12).contains(month), year >= 1 {
            let days = daysIn(month: month, year: year)
            let last = ISODate(year: year, month: month, day: days)?.description ?? ""
            return "skriv en dato, der findes, fx \(last) for den sidste dag i \(monthNames[month - 1])"
        }
        return "skriv datoen som år, måned og dag med bindestreger, fx 2015-06-01"
    }

    /// Year, month and day of a text shaped `DDDD-DD-DD`, whether or not the day exists.
    private static func parts(_ text: some StringProtocol) -> (Int, Int, Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }
}
