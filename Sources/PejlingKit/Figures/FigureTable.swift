import Foundation

/// The table beside every chart: one row per criterion with its lovgrundlag, each
/// measurement's share with "k af n sager" and its 95 % interval, and with both
/// measurements the difference in procentpoint and the plain-language verdict.
///
/// On a phone, CSS lays each row out as a card; the column name then shows before each
/// cell from a label that screen readers skip (they have the header cells).
struct FigureTable: Sendable {
    let caption: String
    /// Group the rows under their pejlemærke's name (the summary table).
    let groups: [(bearing: Bearing?, rows: [CriterionFigures])]
    let analysis: Measurement?
    let status: Measurement?

    var compares: Bool { analysis != nil && status != nil }
    var columnCount: Int { 1 + (analysis == nil ? 0 : 1) + (status == nil ? 0 : 1) + (compares ? 2 : 0) }

    var html: String {
        var out = UTF8Buffer(capacity: 1024 + groups.reduce(0) { $0 + $1.rows.count } * 900)
        // The frame scrolls sideways when a table is wider than the screen; it can then be
        // reached and scrolled with the keyboard (WCAG 2.1.1).
        let escapedCaption = HTML.escape(caption)
        out.append("<div class=\"tabel-ramme\" role=\"region\" aria-label=\"")
        out.append(escapedCaption)
        out.append("\" tabindex=\"0\">\n<table class=\"")
        out.append(compares ? "maaling-tabel sammenligning" : "maaling-tabel")
        out.append("\">\n<caption>")
        out.append(escapedCaption)
        // The header cells' classes give the columns their widths (figurer.css): the table
        // is laid out to its column's width, never wider.
        out.append("</caption>\n<thead><tr><th scope=\"col\" class=\"kolonne-kriterium\">Kriterium</th>")
        if let analysis {
            out.append("<th scope=\"col\" class=\"kolonne-maaling\">Analyse <span class=\"kolonne-dato\">")
            out.append(DanishFormat.date(analysis.date))
            out.append("</span></th>")
        }
        if let status {
            out.append("<th scope=\"col\" class=\"kolonne-maaling\">Pejling <span class=\"kolonne-dato\">")
            out.append(DanishFormat.date(status.date))
            out.append("</span></th>")
        }
        if compares {
            out.append("<th scope=\"col\" class=\"kolonne-forskel\">Forskel</th><th scope=\"col\" class=\"kolonne-vurdering\">Vurdering</th>")
        }
        out.append("</tr></thead>\n")
        let columns = String(columnCount)
        for group in groups {
            out.append("<tbody>\n")
            if let bearing = group.bearing {
                out.append("<tr class=\"gruppe\"><th scope=\"rowgroup\" colspan=\"")
                out.append(columns)
                out.append("\">")
                out.append(escaping: bearing.name)
                out.append("</th></tr>\n")
            }
            for row in group.rows {
                appendRow(row, to: &out)
            }
            out.append("</tbody>\n")
        }
        out.append("</table>\n</div>\n")
        return out.string
    }

    private func appendRow(_ row: CriterionFigures, to out: inout UTF8Buffer) {
        out.append("<tr><th scope=\"row\">")
        out.append(escaping: row.criterion.text)
        if let legalBasis = row.criterion.legalBasis, !legalBasis.isEmpty {
            out.append(" <span class=\"lovgrundlag\">Lovgrundlag: ")
            out.append(escaping: legalBasis)
            out.append("</span>")
        }
        out.append("</th>")
        if analysis != nil {
            appendShareCell(Self.analysisLabel, row.analysis, to: &out)
        }
        if status != nil {
            appendShareCell(Self.pejlingLabel, row.status, to: &out)
        }
        if compares {
            if let comparison = row.comparison {
                out.append("<td>")
                out.append(Self.differenceLabel)
                out.append("<span class=\"forskel\">")
                out.append(Self.hyphenated(DanishFormat.percentagePoints(from: comparison.from, to: comparison.to) ?? DanishFormat.missing))
                out.append("</span></td><td>")
                out.append(Self.verdictLabel)
                out.append(comparison.isSignificant ? "<span class=\"vurdering vurdering-stoerre\">" : "<span class=\"vurdering\">")
                out.append(Self.hyphenated(comparison.verdict.text))
                out.append("</span></td>")
            } else {
                out.append("<td>")
                out.append(Self.differenceLabel)
                out.append("<span class=\"ingen\">")
                out.append(DanishFormat.missing)
                out.append("</span></td><td>")
                out.append(Self.verdictLabel)
                out.append("<span class=\"ingen\">")
                out.append(escaping: Self.hyphenated(row.missingComparisonReason ?? ""))
                out.append("</span></td>")
            }
        }
        out.append("</tr>\n")
    }

    private func appendShareCell(_ label: String, _ result: CriterionResult?, to out: inout UTF8Buffer) {
        out.append("<td>")
        out.append(label)
        guard let result else {
            out.append("<span class=\"ingen\">Ikke målt</span></td>")
            return
        }
        guard let share = CriterionFigures.share(of: result), let interval = share.interval else {
            out.append("<span class=\"ingen\">Ingen relevante sager</span> <span class=\"sager\">(ikke relevant i ")
            if result.ikkeRelevant == 1 {
                out.append("den ene sag")
            } else {
                out.append("nogen af de ")
                out.append(DanishFormat.integer(result.ikkeRelevant))
                out.append(" sager")
            }
            out.append(")</span></td>")
            return
        }
        out.append("<span class=\"andel\">")
        out.append(DanishFormat.percent(share) ?? DanishFormat.missing)
        out.append("</span> <span class=\"sager\">")
        out.append(DanishFormat.cases(share.opfyldt, of: share.relevante))
        out.append("</span> <span class=\"interval\">sikkerheds\u{00AD}interval ")
        out.append(DanishFormat.interval(interval))
        out.append("</span></td>")
    }

    /// The table's long words with soft hyphens (U+00AD) where Danish breaks them, and
    /// "procentpoint" free to go on a line under its number: a column a fifth of a phone's or
    /// a CMS column's width then holds every word without scrolling or breaking mid-syllable.
    /// Browsers hyphenate Danish by themselves only with a dictionary most do not ship.
    ///
    /// ```swift
    /// FigureTable.hyphenated("Større, end tilfældigheder kan forklare")
    /// // "Større, end tilfældig\u{AD}heder kan forklare"
    /// ```
    static func hyphenated(_ text: String) -> String {
        // By UTF-8 bytes (a whole scalar's bytes only ever match at a scalar's start): every
        // cell of every table asks, and Foundation's search was 6 % of a build.
        var bytes = Array(text.utf8)
        var changed = false
        for (word, broken) in softHyphenBytes {
            changed = replaceAll(word, with: broken, in: &bytes) || changed
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    private static let softHyphenBytes = softHyphens.map { (Array($0.utf8), Array($1.utf8)) }

    /// Replaces every occurrence of `word` in `bytes`; false when there was none.
    private static func replaceAll(_ word: [UInt8], with broken: [UInt8], in bytes: inout [UInt8]) -> Bool {
        guard let first = word.first, bytes.count >= word.count else { return false }
        var out: [UInt8] = []
        var copied = 0
        var index = 0
        while index + word.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + word.count].elementsEqual(word) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
                out += bytes[copied..<index]
                out += broken
                index += word.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return false }
        out += bytes[copied...]
        bytes = out
        return true
    }

    static let softHyphens = [
        ("\u{00A0}procentpoint", " procent\u{00AD}point"),
        ("tilfældigheder", "tilfældig\u{00AD}heder"),
        ("sammenlignes", "sammen\u{00AD}lignes"),
        ("målingerne", "målin\u{00AD}gerne"),
    ]

    static let analysisLabel = label("Analyse")
    static let pejlingLabel = label("Pejling")
    static let differenceLabel = label("Forskel")
    static let verdictLabel = label("Vurdering")

    /// The column's name for the card layout on a phone; hidden from screen readers,
    /// which announce the header cell.
    static func label(_ text: String) -> String {
        "<span class=\"celle-etiket\" aria-hidden=\"true\">\(HTML.escape(text)): </span>"
    }
}
