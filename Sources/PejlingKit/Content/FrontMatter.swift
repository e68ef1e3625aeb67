/// A Markdown file split into its YAML front matter and its body.
///
/// The front matter stands between a first line `---` and the next line that is `---`
/// (or `...`). Line endings are already normalised by ``SourceText``.
///
/// ```swift
/// let split = FrontMatter.split("---\ntitel: A\n---\n# Hej\n")
/// split?.yaml      // "titel: A\n"
/// split?.bodyLine  // 4: the body's first line in the file
/// ```
struct FrontMatter: Sendable, Hashable {
    /// The YAML text.
    public var yaml: String
    /// The Markdown after the closing `---`.
    public var body: String
    /// The 1-based line in the file of the YAML's first line.
    public var yamlLine: Int
    /// The 1-based line in the file of the body's first line.
    public var bodyLine: Int

    /// Splits `text`, or returns nil when it does not start with a `---` line or the
    /// front matter is never closed (see ``splitting(_:file:)`` for a diagnostic).
    public static func split(_ text: String) -> FrontMatter? {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard line == "---" else { return nil }
                yamlStart = next
            } else if line == "---" || line == "...", let yamlStart {
                return FrontMatter(yaml: String(text[yamlStart..<lineStart]), body: String(text[next...]),
                                   yamlLine: 2, bodyLine: lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        return nil
    }

    /// Splits `source`, reporting a missing or unclosed front matter.
    public static func splitting(_ source: SourceText, diagnostics: inout Diagnostics) -> FrontMatter? {
        if let split = split(source.text) { return split }
        let startsWithFence = source.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            .first?.trimmingTrailingSpaces == "---"
        if startsWithFence {
            diagnostics.error("rapportens hoved (front matter) slutter aldrig: tilføj en linje med '---' efter det",
                              at: SourceLocation(file: source.file, line: 1, column: 1))
        } else {
            diagnostics.error("en rapport begynder med et hoved (front matter): en linje med '---', YAML som 'titel:' og 'dato:' og så '---'",
                              at: SourceLocation(file: source.file, line: 1, column: 1))
        }
        return nil
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = Optional(index(before: end)), self[previous] == " " || self[previous] == "\t" {
            end = previous
        }
        return self[startIndex..<end]
    }
}
