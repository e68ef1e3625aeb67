import Mustache

/// A large piece of text a page shows as it is (`{{{html}}}`): a rendered report, the
/// summary figure, a stylesheet. It is made safe for Mustache's escaping once, when it is
/// made (``HTML/isolatingMarkupCharacters(_:)``), instead of in every one of the three
/// renders of a municipality, and Mustache takes it without copying it through
/// `String(describing:)`.
///
/// ```swift
/// context["html"] = PreparedText(reportHTML)   // {{{html}}} shows it, {{html}} escapes it
/// ```
struct PreparedText: MustacheCustomRenderable, MustacheParent, Sendable, Hashable {
    public let text: String

    public init(_ text: String) {
        self.text = HTML.isolatingMarkupCharacters(text)
    }

    public var renderText: String { text }
    public var isNull: Bool { false }

    /// Text has no named parts. Saying so spares Mustache a `Mirror` of the text for every
    /// name looked up inside a section that it opens (`{{#sammenfatning}}…{{/sammenfatning}}`).
    public func child(named: String) -> Any? { nil }
}
