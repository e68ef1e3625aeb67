import Foundation

/// Renders one loaded report's Markdown body to HTML, replacing its ```` ```maaling ````
/// blocks by the figures for the pejlemærke they name. Everything was checked when the
/// report loaded (``ReportOutline/load(_:catalogue:diagnostics:)``): a block that loading
/// found wrong shows nothing, and rendering reports nothing.
///
/// ```swift
/// let html = ReportRenderer(figures: figures).render(report)
/// html.page      // <h2 id="sammenfatning">Sammenfatning</h2> …
/// html.fragment  // <h2 id="pejling-sammenfatning">Sammenfatning</h2> …
/// ```
struct ReportRenderer {
    let figures: FigurePresenter
    let markdown = MarkdownRenderer(headingShift: 1)

    /// The report's HTML for the pages, and for the CMS fragment (whose ids, and the links to
    /// them, start with ``MunicipalityPage/fragmentIDPrefix``).
    struct Rendered {
        var page: String
        var fragment: String
    }

    func render(_ report: Report) -> Rendered {
        let headings = report.outline.headings.map { heading in
            // A top-level heading (`#`, shown as h2) that starts an appendix: print starts it on a new page.
            HeadingMarkup(id: heading.id, className: heading.level == 1 && AppendixHeadings.isAppendix(heading.text) ? "bilag" : nil)
        }
        // How often each pejlemærke has been shown, so that repeated blocks get their own ids.
        var occurrences: [String: Int] = [:]
        let forms = markdown.render(report.body, headings: headings, idPrefixes: ["", MunicipalityPage.fragmentIDPrefix]) { block in
            guard block.info.split(separator: " ").first == "maaling" else { return nil }
            guard let bearingID = report.outline.bearingID(atLine: block.line) else { return "" }
            occurrences[bearingID, default: 0] += 1
            return figures.bearingHTML(bearingID, in: report.kind, occurrence: occurrences[bearingID] ?? 1)
        }
        return Rendered(page: forms.first ?? "", fragment: forms.last ?? "")
    }
}
