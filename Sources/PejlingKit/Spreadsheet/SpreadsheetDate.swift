/// Dates as spreadsheets keep them: serial day numbers in the 1900 or 1904 date system, and
/// the text forms `YYYY-MM-DD` and `DD-MM-YYYY` (how Danish Excel writes a date into CSV).
///
/// ```swift
/// SpreadsheetDate.date(serial: 42095, uses1904DateSystem: false)   // 2015-04-01
/// SpreadsheetDate.date(serial: 40633, uses1904DateSystem: true)    // 2015-04-01
/// SpreadsheetDate.parse("01-04-2015")                              // 2015-04-01
/// ```
enum SpreadsheetDate {
    /// The date of a serial day number (a time of day, the fraction, is dropped).
    ///
    /// In the 1900 system day 1 is 1900-01-01 and day 60 is 29 February 1900, a day that never
    /// was (Lotus 1-2-3's leap-year mistake, kept by Excel); it has no date. In the 1904
    /// system day 0 is 1904-01-01.
    public static func date(serial: Double, uses1904DateSystem: Bool) -> ISODate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let day = Int(serial.rounded(.down))
        let daysFromEpoch: Int
        if uses1904DateSystem {
            daysFromEpoch = day + days(from: 1904, 1, 1)
        } else {
            guard day >= 1, day != 60 else { return nil }
            // Before the phantom day the count starts at 1899-12-31, after it at 1899-12-30.
            daysFromEpoch = day + days(from: 1899, 12, day < 60 ? 31 : 30)
        }
        return civil(fromDays: daysFromEpoch)
    }

    /// `YYYY-MM-DD` or `DD-MM-YYYY` (also `D-M-YYYY`), or `nil`.
    public static func parse(_ text: String) -> ISODate? {
        if let date = ISODate(text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return ISODate(year: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    static func days(from year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    static func civil(fromDays days: Int) -> ISODate? {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return ISODate(year: year, month: month, day: day)
    }
}
