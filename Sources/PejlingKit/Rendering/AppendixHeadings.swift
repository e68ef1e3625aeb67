/// Which report headings start an appendix, so that print starts each on a new page.
///
/// A report's top-level heading (`#`, rendered as `h2`) whose first word is "Bilag" or
/// "Appendiks" gets `class="bilag"` (``ReportRenderer``).
///
/// ```swift
/// AppendixHeadings.isAppendix("Bilag 1: Metode")  // true
/// AppendixHeadings.isAppendix("Bilagene")         // false
/// ```
enum AppendixHeadings {
    static let words = ["Bilag", "Appendiks"]

    /// Whether `text` (a heading's text, without markup) starts with one of ``words``,
    /// followed by something that is not a letter.
    static func isAppendix(_ text: String) -> Bool {
        words.contains { word in
            guard text.hasPrefix(word) else { return false }
            return !(text.dropFirst(word.count).first?.isLetter ?? false)
        }
    }
}
