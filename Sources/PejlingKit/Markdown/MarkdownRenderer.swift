import Foundation

/// What a heading's opening tag carries: its id (without a page's prefix) and a class.
struct HeadingMarkup: Sendable, Hashable {
    public var id: String
    public var className: String?

    public init(id: String, className: String? = nil) {
        self.id = id
        self.className = className
    }
}

/// Turns a report's Markdown into safe HTML for a page.
///
/// - Raw HTML is never passed through (``RawHTML`` says what takes its place) and unsafe
///   link addresses are dropped (``LinkPolicy``). Loading reports each as a warning; this
///   only renders.
/// - Headings move `headingShift` levels down, under the page's own `h1`, and get the ids
///   they are given.
/// - Fenced blocks for which `blocks` returns HTML are replaced by it (the ```` ```maaling ```` blocks).
///
/// ```swift
/// let html = MarkdownRenderer().render("# Sammenfatning\n\nTekst") { _ in nil }
/// // "<h2>Sammenfatning</h2>\n<p>Tekst</p>\n"
/// let forms = MarkdownRenderer().render("# Sammenfatning\n\n[se](#sammenfatning)",
///                                      headings: [HeadingMarkup(id: "sammenfatning")], idPrefixes: ["", "pejling-"])
/// // forms[0]: <h2 id="sammenfatning">…<a href="#sammenfatning">; forms[1]: the same with pejling-sammenfatning
/// ```
struct MarkdownRenderer: Sendable {
    public var headingShift: Int

    public init(headingShift: Int = 1) {
        self.headingShift = headingShift
    }

    /// The HTML without heading ids.
    public func render(_ markdown: String, blocks: (FencedBlock) -> String? = { _ in nil }) -> String {
        let document = prepared(markdown, blocks: blocks)
        return document.renderHTML()
    }

    /// The HTML once for each of `idPrefixes`: headings get `headings` (in document order),
    /// their ids and every link to a place on the page (`#…`) starting with that prefix. The
    /// text is parsed once, and each block's HTML is asked for once.
    public func render(_ markdown: String, headings: [HeadingMarkup], idPrefixes: [String],
                       blocks: (FencedBlock) -> String? = { _ in nil }) -> [String] {
        let document = prepared(markdown, blocks: blocks)
        document.prepareAnchors()
        return idPrefixes.map { prefix in
            document.setAnchors(headings: headings, idPrefix: prefix)
            return document.renderHTML()
        }
    }

    private func prepared(_ markdown: String, blocks: (FencedBlock) -> String?) -> MarkdownDocument {
        let document = MarkdownDocument(parsing: markdown)
        document.shiftHeadings(by: headingShift)
        document.removeRawHTML()
        document.dropUnsafeLinks()
        document.replaceFencedBlocks(blocks)
        return document
    }
}
