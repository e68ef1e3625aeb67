/// A place in an input file: the file and, where the input has them, a line and a column.
///
/// Lines and columns count from 1; columns count Unicode scalars, as libYAML does.
///
/// ```swift
/// let here = SourceLocation(file: "content/site.yml", line: 3, column: 7)
/// print(here)  // content/site.yml:3:7
/// ```
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file's path, as the user named it (relative to the current directory where possible).
    public var file: String
    /// The 1-based line, when the input has one.
    public var line: Int?
    /// The 1-based column, when the input has one.
    public var column: Int?
    /// A spreadsheet cell's name as the spreadsheet shows it (`C7`), for a place in an xlsx
    /// or csv case review; `line` and `column` then hold its row and column number.
    public var cell: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    /// `file:line:column` (or `file:C7` for a spreadsheet cell), leaving out what is unknown.
    public var description: String {
        var text = file
        if let cell { return text + ":" + cell }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// The same file, `lines` lines further down (used for text embedded in a file,
    /// such as a report body below its front matter).
    public func offset(lines: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.map { $0 + lines }, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
