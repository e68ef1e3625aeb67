/// The limits on a case review kept as a spreadsheet, so that a hostile or broken file (a zip
/// bomb, a sheet of a million rows) is refused within seconds and in bounded memory.
///
/// A real case review is 20 cases by a dozen criteria: a few kilobytes.
///
/// ```swift
/// SpreadsheetLimits.maximumFileBytes   // 16 MiB
/// ```
enum SpreadsheetLimits {
    /// The largest xlsx or csv file read: 16 MiB.
    public static let maximumFileBytes = 16 * 1024 * 1024
    /// The most that an xlsx file's parts may unpack to, all together: 64 MiB.
    public static let maximumUnpackedBytes = 64 * 1024 * 1024
    /// The most rows a sheet (or records a csv file) may have: 10.000.
    public static let maximumRows = 10_000

    /// `16 MiB`, for messages.
    static func mebibytes(_ bytes: Int) -> String { "\(bytes / (1024 * 1024)) MiB" }
}

/// The kinds of spreadsheet a report's `maaling:` may name, by the file's extension.
///
/// ```swift
/// SpreadsheetFormat(path: "maalinger/2015.xlsx")   // .xlsx
/// SpreadsheetFormat(path: "maalinger/2015.json")   // nil
/// ```
enum SpreadsheetFormat: Sendable {
    case xlsx
    case csv

    /// The format for a path's extension (any case), or `nil` for any other file.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") {
            self = .xlsx
        } else if lower.hasSuffix(".csv") {
            self = .csv
        } else {
            return nil
        }
    }
}
