import Foundation

/// Prints diagnostics in one of three formats; the only place that turns them into text.
///
/// ```swift
/// let text = DiagnosticFormatter(format: .github).format(diagnostic)
/// // ::error file=content/site.yml,line=3,col=7::nøglen 'titel' mangler; den skal være der
/// ```
public struct DiagnosticFormatter: Sendable {
    /// `--format`.
    public enum Format: String, Sendable, CaseIterable {
        /// `path:line:column: error: message`, with the source line and a caret.
        case human
        /// GitHub Actions workflow commands.
        case github
        /// One JSON object a line.
        case json
    }

    public var format: Format
    /// Reads a file's line to show under a human diagnostic; nil shows none.
    public var sourceLine: @Sendable (String, Int) -> String?

    /// `sourceLine` defaults to reading the files from disk, each file once however many
    /// diagnostics point into it.
    public init(format: Format, sourceLine: (@Sendable (String, Int) -> String?)? = nil) {
        self.format = format
        self.sourceLine = sourceLine ?? Self.fileLineReader()
    }

    /// One diagnostic as text, without a trailing newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        switch format {
        case .human: return human(diagnostic)
        case .github: return github(diagnostic)
        case .json: return json(diagnostic)
        }
    }

    /// All diagnostics, sorted, one per line (human ones may span lines), and a count.
    public func report(_ diagnostics: Diagnostics) -> String {
        var out = diagnostics.sorted.map { format($0) + "\n" }.joined()
        if format == .human, !diagnostics.isEmpty {
            let errors = diagnostics.sorted.count { $0.severity == .error }
            let warnings = diagnostics.sorted.count { $0.severity == .warning }
            out += Summary.diagnostics(errors: errors, warnings: warnings) + "\n"
        }
        return out
    }

    func human(_ diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        // A spreadsheet cell has no source line to show.
        if diagnostic.location.cell == nil, let line = diagnostic.location.line,
           let source = sourceLine(diagnostic.location.file, line) {
            let (shown, caret) = Self.excerpt(source, column: diagnostic.location.column)
            text += "\n    \(shown)"
            if let caret { text += "\n    \(String(repeating: " ", count: caret))^" }
        }
        if let hint = diagnostic.hint { text += "\n    forslag: \(hint)" }
        return text
    }

    /// How many characters of a source line a human diagnostic shows at most.
    static let excerptWidth = 100

    /// The source line as shown under a diagnostic, and how far to indent the caret.
    ///
    /// Columns count Unicode scalars, so the line is shown one scalar per cell: tabs and
    /// other control characters become spaces, and a long line is cut to a window around
    /// the column, with `…` where it is cut.
    static func excerpt(_ line: String, column: Int?) -> (text: String, caret: Int?) {
        let scalars = line.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }
        let target = column.map { min(max($0 - 1, 0), scalars.count) }
        var start = 0
        var end = scalars.count
        if scalars.count > excerptWidth {
            start = max(0, min((target ?? 0) - excerptWidth / 2, scalars.count - excerptWidth))
            end = min(scalars.count, start + excerptWidth)
        }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = target.map { $0 - start }
        if start > 0 {
            text = "…" + text
            caret = caret.map { $0 + 1 }
        }
        if end < scalars.count { text += "…" }
        return (text, caret)
    }

    func github(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
        if let line = diagnostic.location.line { properties.append("line=\(line)") }
        if let column = diagnostic.location.column { properties.append("col=\(column)") }
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += " (forslag: \(hint))" }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    func json(_ diagnostic: Diagnostic) -> String {
        var fields = [
            "\"severity\":\(JSONText.string(diagnostic.severity.rawValue))",
            "\"file\":\(JSONText.string(diagnostic.location.file))",
        ]
        if let line = diagnostic.location.line { fields.append("\"line\":\(line)") }
        if let column = diagnostic.location.column { fields.append("\"column\":\(column)") }
        fields.append("\"message\":\(JSONText.string(diagnostic.message))")
        if let hint = diagnostic.hint { fields.append("\"hint\":\(JSONText.string(hint))") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// A reader of lines from disk that reads each file once, however many lines are asked
    /// for: make a new one for each report, so that edited files are read again.
    ///
    /// ```swift
    /// let sourceLine = DiagnosticFormatter.fileLineReader()
    /// sourceLine("content/site.yml", 2)  // "udgiver: Den Permanente Task Force"
    /// ```
    public static func fileLineReader() -> @Sendable (String, Int) -> String? {
        let cache = SourceLineCache()
        return { file, line in cache.line(line, of: file) }
    }
}

/// The lines of the files that diagnostics point into, each file read once.
final class SourceLineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [Substring]?] = [:]

    func line(_ number: Int, of file: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if files[file] == nil {
            files[file] = .some(Self.lines(of: file))
        }
        guard let lines = files[file] ?? nil, number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    static func lines(of file: String) -> [Substring]? {
        guard case .success(let bytes) = SafePath.readRegularFile(file),
              case .success(let source) = SourceText.decode(bytes, file: file) else { return nil }
        return source.lines
    }
}
