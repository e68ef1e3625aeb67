import Foundation

/// Turns a report's Markdown into safe HTML for a page.
///
/// - Raw HTML is never passed through and unsafe link addresses are dropped (``LinkPolicy``).
/// - Headings move `headingShift` levels down, under the page's own `h1`.
/// - Fenced blocks for which `blocks` returns HTML are replaced by it (the ```` ```maaling ```` blocks).
///
/// ```swift
/// let html = MarkdownRenderer().render("# Sammenfatning\n\nTekst") { _ in nil }
/// // "<h2>Sammenfatning</h2>\n<p>Tekst</p>\n"
/// ```
public struct MarkdownRenderer: Sendable {
    public var headingShift: Int

    public init(headingShift: Int = 1) {
        self.headingShift = headingShift
    }

    public func render(_ markdown: String, blocks: (FencedBlock) -> String? = { _ in nil }) -> String {
        let document = MarkdownDocument(parsing: markdown)
        document.shiftHeadings(by: headingShift)
        document.dropUnsafeLinks()
        document.replaceFencedBlocks(blocks)
        return document.renderHTML()
    }
}
