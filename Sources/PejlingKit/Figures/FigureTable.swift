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
        var out = ""
        out.reserveCapacity(1024 + groups.reduce(0) { $0 + $1.rows.count } * 900)
        // The frame scrolls sideways when a table is wider than the screen; it can then be
        // reached and scrolled with the keyboard (WCAG 2.1.1).
        let escapedCaption = HTML.escape(caption)
        out += "<div class=\"tabel-ramme\" role=\"region\" aria-label=\""
        out += escapedCaption
        out += "\" tabindex=\"0\">\n<table class=\""
        out += compares ? "maaling-tabel sammenligning" : "maaling-tabel"
        out += "\">\n<caption>"
        out += escapedCaption
        // The header cells' classes give the columns their widths (figurer.css): the table
        // is laid out to its column's width, never wider.
        out += "</caption>\n<thead><tr><th scope=\"col\" class=\"kolonne-kriterium\">Kriterium</th>"
        if let analysis {
            out += "<th scope=\"col\" class=\"kolonne-maaling\">Analyse <span class=\"kolonne-dato\">"
            out += DanishFormat.date(analysis.date)
            out += "</span></th>"
        }
        if let status {
            out += "<th scope=\"col\" class=\"kolonne-maaling\">Pejling <span class=\"kolonne-dato\">"
            out += DanishFormat.date(status.date)
            out += "</span></th>"
        }
        if compares {
            out += "<th scope=\"col\" class=\"kolonne-forskel\">Forskel</th><th scope=\"col\" class=\"kolonne-vurdering\">Vurdering</th>"
        }
        out += "</tr></thead>\n"
        let columns = String(columnCount)
        for group in groups {
            out += "<tbody>\n"
            if let bearing = group.bearing {
                out += "<tr class=\"gruppe\"><th scope=\"rowgroup\" colspan=\""
                out += columns
                out += "\">"
                HTML.appendEscaped(bearing.name, to: &out)
                out += "</th></tr>\n"
            }
            for row in group.rows {
                appendRow(row, to: &out)
            }
            out += "</tbody>\n"
        }
        out += "</table>\n</div>\n"
        return out
    }

    private func appendRow(_ row: CriterionFigures, to out: inout String) {
        out += "<tr><th scope=\"row\">"
        HTML.appendEscaped(row.criterion.text, to: &out)
        if let legalBasis = row.criterion.legalBasis, !legalBasis.isEmpty {
            out += " <span class=\"lovgrundlag\">Lovgrundlag: "
            HTML.appendEscaped(legalBasis, to: &out)
            out += "</span>"
        }
        out += "</th>"
        if analysis != nil {
            appendShareCell(Self.analysisLabel, row.analysis, to: &out)
        }
        if status != nil {
            appendShareCell(Self.pejlingLabel, row.status, to: &out)
        }
        if compares {
            if let comparison = row.comparison {
                out += "<td>"
                out += Self.differenceLabel
                out += "<span class=\"forskel\">"
                out += Self.hyphenated(DanishFormat.percentagePoints(from: comparison.from, to: comparison.to) ?? DanishFormat.missing)
                out += "</span></td><td>"
                out += Self.verdictLabel
                out += comparison.isSignificant ? "<span class=\"vurdering vurdering-stoerre\">" : "<span class=\"vurdering\">"
                out += Self.hyphenated(comparison.verdict.text)
                out += "</span></td>"
            } else {
                out += "<td>"
                out += Self.differenceLabel
                out += "<span class=\"ingen\">"
                out += DanishFormat.missing
                out += "</span></td><td>"
                out += Self.verdictLabel
                out += "<span class=\"ingen\">"
                HTML.appendEscaped(Self.hyphenated(row.missingComparisonReason ?? ""), to: &out)
                out += "</span></td>"
            }
        }
        out += "</tr>\n"
    }

    private func appendShareCell(_ label: String, _ result: CriterionResult?, to out: inout String) {
        out += "<td>"
        out += label
        guard let result else {
            out += "<span class=\"ingen\">Ikke målt</span></td>"
            return
        }
        guard let share = CriterionFigures.share(of: result), let interval = share.interval else {
            out += "<span class=\"ingen\">Ingen relevante sager</span> <span class=\"sager\">(ikke relevant i "
            if result.ikkeRelevant == 1 {
                out += "den ene sag"
            } else {
                out += "nogen af de "
                out += DanishFormat.integer(result.ikkeRelevant)
                out += " sager"
            }
            out += ")</span></td>"
            return
        }
        out += "<span class=\"andel\">"
        out += DanishFormat.percent(share) ?? DanishFormat.missing
        out += "</span> <span class=\"sager\">"
        out += DanishFormat.cases(share.opfyldt, of: share.relevante)
        out += "</span> <span class=\"interval\">sikkerheds\u{00AD}interval "
        out += DanishFormat.interval(interval)
        out += "</span></td>"
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
