/// Marks a report's appendices, so that print starts each on a new page.
///
/// A report's top-level heading (`#`, rendered as `h2`) whose first word is "Bilag" or
/// "Appendiks" gets `class="bilag"`. Raw HTML from content never reaches the page, so an
/// `<h2>` in the rendered report can only be a heading.
///
/// ```swift
/// AppendixHeadings.mark("<h2>Bilag 1: Metode</h2>")  // "<h2 class=\"bilag\">Bilag 1: Metode</h2>"
/// AppendixHeadings.mark("<h2>Bilagene</h2>")         // unchanged
/// ```
enum AppendixHeadings {
    static func mark(_ html: String) -> String {
        html.replacing(#/<h2>((?:Bilag|Appendiks)(?:[^\p{L}]|</h2>))/#) { match in
            "<h2 class=\"bilag\">" + match.output.1
        }
    }
}
