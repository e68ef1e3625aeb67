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
        // The frame scrolls sideways when a table is wider than the screen; it can then be
        // reached and scrolled with the keyboard (WCAG 2.1.1).
        var out = "<div class=\"tabel-ramme\" role=\"region\" aria-label=\"\(HTML.escape(caption))\" tabindex=\"0\">\n"
            + "<table class=\"maaling-tabel\">\n<caption>\(HTML.escape(caption))</caption>\n"
        out += "<thead><tr><th scope=\"col\">Kriterium</th>"
        if let analysis {
            out += "<th scope=\"col\">Analyse <span class=\"kolonne-dato\">\(DanishFormat.date(analysis.date))</span></th>"
        }
        if let status {
            out += "<th scope=\"col\">Pejling <span class=\"kolonne-dato\">\(DanishFormat.date(status.date))</span></th>"
        }
        if compares {
            out += "<th scope=\"col\">Forskel</th><th scope=\"col\">Vurdering</th>"
        }
        out += "</tr></thead>\n"
        for group in groups {
            out += "<tbody>\n"
            if let bearing = group.bearing {
                out += "<tr class=\"gruppe\"><th scope=\"rowgroup\" colspan=\"\(columnCount)\">\(HTML.escape(bearing.name))</th></tr>\n"
            }
            for row in group.rows {
                out += rowHTML(row)
            }
            out += "</tbody>\n"
        }
        out += "</table>\n</div>\n"
        return out
    }

    private func rowHTML(_ row: CriterionFigures) -> String {
        var out = "<tr><th scope=\"row\">\(HTML.escape(row.criterion.text))"
        if let legalBasis = row.criterion.legalBasis, !legalBasis.isEmpty {
            out += " <span class=\"lovgrundlag\">Lovgrundlag: \(HTML.escape(legalBasis))</span>"
        }
        out += "</th>"
        if analysis != nil {
            out += shareCell("Analyse", row.analysis)
        }
        if status != nil {
            out += shareCell("Pejling", row.status)
        }
        if compares {
            if let comparison = row.comparison {
                let difference = DanishFormat.percentagePoints(from: comparison.from, to: comparison.to) ?? DanishFormat.missing
                out += "<td>\(Self.label("Forskel"))<span class=\"forskel\">\(difference)</span></td>"
                let marker = comparison.isSignificant ? " class=\"vurdering vurdering-stoerre\"" : " class=\"vurdering\""
                out += "<td>\(Self.label("Vurdering"))<span\(marker)>\(comparison.verdict.text)</span></td>"
            } else {
                out += "<td>\(Self.label("Forskel"))<span class=\"ingen\">\(DanishFormat.missing)</span></td>"
                out += "<td>\(Self.label("Vurdering"))<span class=\"ingen\">\(HTML.escape(row.missingComparisonReason ?? ""))</span></td>"
            }
        }
        return out + "</tr>\n"
    }

    private func shareCell(_ label: String, _ result: CriterionResult?) -> String {
        guard let result else {
            return "<td>\(Self.label(label))<span class=\"ingen\">Ikke målt</span></td>"
        }
        guard let share = CriterionFigures.share(of: result), let interval = share.interval else {
            let all = result.ikkeRelevant == 1 ? "den ene sag" : "nogen af de \(DanishFormat.integer(result.ikkeRelevant)) sager"
            return "<td>\(Self.label(label))<span class=\"ingen\">Ingen relevante sager</span> "
                + "<span class=\"sager\">(ikke relevant i \(all))</span></td>"
        }
        return "<td>\(Self.label(label))<span class=\"andel\">\(DanishFormat.percent(share) ?? DanishFormat.missing)</span> "
            + "<span class=\"sager\">\(DanishFormat.cases(share.opfyldt, of: share.relevante))</span> "
            + "<span class=\"interval\">sikkerhedsinterval \(DanishFormat.interval(interval))</span></td>"
    }

    /// The column's name for the card layout on a phone; hidden from screen readers,
    /// which announce the header cell.
    static func label(_ text: String) -> String {
        "<span class=\"celle-etiket\" aria-hidden=\"true\">\(HTML.escape(text)): </span>"
    }
}
