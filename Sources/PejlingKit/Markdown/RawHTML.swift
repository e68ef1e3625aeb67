import Foundation

/// A piece of raw HTML written in a report's Markdown. It never reaches the page (a page
/// carries no markup from content); this says what takes its place so that the words around
/// it do not run together, and how a message shows it.
///
/// - `<br>` becomes a Markdown line break: "Jens Hansen<br>Task Forcen" keeps its two lines.
/// - A tag that a browser shows as a break between words (`<p>`, `<div>`, `<li>`, `<td>` …)
///   becomes a space: "Jens<p>Hansen" reads "Jens Hansen", not "JensHansen".
/// - A tag that only formats text inside a line (`<b>`, `<span>`, `<a href=…>` …), a comment
///   and a declaration leave nothing: the text between the tags stays as it is.
///
/// ```swift
/// RawHTML("<br>", isBlock: false).replacement   // .lineBreak
/// RawHTML("</div>", isBlock: false).replacement // .space
/// RawHTML("<b>", isBlock: false).replacement    // .nothing
/// ```
struct RawHTML: Sendable, Hashable {
    /// What takes an inline piece's place (a block goes with nothing in its place).
    public enum Replacement: Sendable, Hashable {
        case nothing, space, lineBreak
    }

    /// The HTML as written.
    public var literal: String
    /// An HTML block (whole lines) rather than a tag inside a paragraph.
    public var isBlock: Bool

    public init(_ literal: String, isBlock: Bool) {
        self.literal = literal
        self.isBlock = isBlock
    }

    /// Elements that format text within a line: taking their tags away keeps the words as the
    /// browser showed them.
    static let phrasingElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
        "var", "wbr", "img", "picture", "source", "label", "output", "meter", "progress", "nobr",
    ]

    /// The element's name in lower case (`a` for `<a href=…>` and `</a>`), or nil for a
    /// comment, a declaration, a processing instruction or CDATA.
    public var tagName: String? {
        var rest = Substring(literal)
        guard rest.first == "<" else { return nil }
        rest = rest.dropFirst()
        if rest.first == "/" { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard let first = name.first, first.isLetter else { return nil }
        return name.lowercased()
    }

    /// Whether this is a closing tag (`</a>`).
    public var isClosingTag: Bool { literal.hasPrefix("</") }

    /// What takes the place of an inline piece.
    public var replacement: Replacement {
        guard let name = tagName else { return .nothing }
        if name == "br" { return .lineBreak }
        return Self.phrasingElements.contains(name) ? .nothing : .space
    }

    /// The HTML as a message shows it: its first line, at most 60 characters.
    public var excerpt: String {
        let firstLine = literal.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingSpaces()
        let cut = trimmed.count > 60 ? String(trimmed.prefix(59)) + "…" : trimmed
        let more = literal.trimmingSpacesAndNewlines().contains("\n") && !cut.hasSuffix("…")
        return more ? cut + " …" : cut
    }
}
