/// Presents a municipality's measurements as HTML: per pejlemærke a chart and a table with
/// the same figures, and a summary for the whole municipality.
///
/// Ids start with `idPrefix` (make it unique per municipality, e.g. `figur-egelund`), so
/// that the title and description ids a chart's `aria-labelledby` names are unique on a page.
///
/// ```swift
/// let figures = FigurePresenter(catalogue: catalogue, analysis: a, status: s, idPrefix: "figur-egelund")
/// let html = figures.bearingHTML("faglig-udredning", in: .status)
/// let summary = figures.summaryHTML()
/// ```
struct FigurePresenter: Sendable {
    public let figures: MunicipalityFigures
    public let idPrefix: String

    public var catalogue: CriteriaCatalogue { figures.catalogue }
    /// The analysis's case review, when there is one.
    public var analysis: Measurement? { figures.analysis }
    /// The status report's measurement (the pejling), when there is one.
    public var status: Measurement? { figures.status }

    public init(catalogue: CriteriaCatalogue, analysis: Measurement?, status: Measurement?, idPrefix: String = "figur") {
        self.figures = MunicipalityFigures(catalogue: catalogue, analysis: analysis, status: status)
        self.idPrefix = idPrefix
    }

    /// The chart and table for one pejlemærke, as shown in a report of `kind`: the analysis
    /// shows its own measurement; the status report shows its measurement (the pejling)
    /// against the analysis's, with the difference and the verdict. `occurrence` counts
    /// the blocks for the same pejlemærke in one report (from 1), to keep ids unique.
    ///
    /// ```swift
    /// figures.bearingHTML("opfoelgning", in: .analysis)
    /// // <figure class="maaling-figur"> <figcaption>…</figcaption> <svg …> <table …> </figure>
    /// ```
    public func bearingHTML(_ bearingID: String, in kind: ReportKind, occurrence: Int = 1) -> String {
        guard let bearing = catalogue.bearing(bearingID) else { return "" }
        let shown = measurements(for: kind)
        let rows = figures.rows(in: bearingID).filter { row in
            (shown.analysis != nil && row.analysis != nil) || (shown.status != nil && row.status != nil)
        }
        var id = "\(idPrefix)-\(kind.rawValue)-\(bearingID)"
        if occurrence > 1 { id += "-\(occurrence)" }
        let what = shown.analysis != nil && shown.status != nil ? "i analysen og i pejlingen" : shown.status != nil ? "i pejlingen" : "i analysen"
        let caption = "\(bearing.name): andel af de relevante sager, hvor kriteriet var opfyldt \(what)"

        var html = "<figure class=\"maaling-figur\">\n<figcaption>\(HTML.escape(caption))</figcaption>\n"
        guard !rows.isEmpty else {
            return html + "<p>Målingen omfatter ingen kriterier under dette pejlemærke.</p>\n</figure>\n"
        }
        var chartRows: [ChartRow] = []
        for row in rows {
            chartRows.append(.text(row.criterion.text))
            if shown.analysis != nil { chartRows.append(Self.seriesRow(.analysis, row.analysis)) }
            if shown.status != nil { chartRows.append(Self.seriesRow(.pejling, row.status)) }
            chartRows.append(.gap)
        }
        let chart = Chart(id: id, title: caption, description: description(of: rows, shown: shown),
                          legend: legend(shown), showsIntervals: true, rows: chartRows)
        html += chart.svg + "\n"
        html += FigureTable(caption: "\(bearing.name): tallene bag figuren", groups: [(nil, rows)],
                            analysis: shown.analysis, status: shown.status).html
        html += note(compares: shown.analysis != nil && shown.status != nil)
        return html + "</figure>\n"
    }

    /// The municipality's summary: every criterion measured, grouped by pejlemærke, in one
    /// chart with a table of the same figures; empty when there is no measurement.
    ///
    /// With both measurements, each criterion is one line from the analysis's share to the
    /// pejling's, marked when the difference is larger than chance would explain; with one,
    /// its shares with their intervals.
    public func summaryHTML() -> String {
        guard analysis != nil || status != nil, !figures.rows.isEmpty else { return "" }
        let id = "\(idPrefix)-sammenfatning"
        let both = figures.hasBothMeasurements
        let caption = both
            ? "Alle kriterier: andel af de relevante sager, hvor kriteriet var opfyldt, i analysen og i pejlingen"
            : "Alle kriterier: andel af de relevante sager, hvor kriteriet var opfyldt, i \(analysis != nil ? "analysen" : "pejlingen")"
        var chartRows: [ChartRow] = []
        for bearing in figures.bearings {
            chartRows.append(.heading(bearing.name))
            for row in figures.rows(in: bearing.id) {
                chartRows.append(.text(row.criterion.text))
                if both {
                    chartRows.append(.dumbbell(from: row.analysisShare, to: row.statusShare))
                    if let comparison = row.comparison {
                        if comparison.isSignificant { chartRows.append(.note(comparison.verdict.text, bold: true)) }
                    } else if let reason = row.missingComparisonReason {
                        chartRows.append(.note(Self.shortReason(row) ?? reason, bold: false))
                    }
                } else if let analysis {
                    _ = analysis
                    chartRows.append(Self.seriesRow(.analysis, row.analysis))
                } else {
                    chartRows.append(Self.seriesRow(.pejling, row.status))
                }
                chartRows.append(.gap)
            }
        }
        let shown = (analysis: analysis, status: status)
        let chart = Chart(id: id, title: caption, description: description(of: figures.rows, shown: shown),
                          legend: legend(shown), showsIntervals: !both, rows: chartRows)
        var html = "<figure class=\"maaling-figur sammenfatning-figur\">\n<figcaption>\(HTML.escape(caption))</figcaption>\n"
        html += chart.svg + "\n"
        if both {
            html += "<p class=\"tabel-note\">Figuren viser andelene uden sikkerhedsintervaller. "
                + "Intervallerne står i tabellen og ved hvert pejlemærke i statusrapporten.</p>\n"
        }
        let groups = figures.bearings.map { (bearing: Optional($0), rows: figures.rows(in: $0.id)) }
        html += FigureTable(caption: "Alle kriterier: tallene bag figuren", groups: groups,
                            analysis: analysis, status: status).html
        html += note(compares: both)
        return html + "</figure>\n"
    }

    // MARK: Pieces

    func measurements(for kind: ReportKind) -> (analysis: Measurement?, status: Measurement?) {
        kind == .analysis ? (analysis, nil) : (analysis, status)
    }

    static func seriesRow(_ series: ChartSeries, _ result: CriterionResult?) -> ChartRow {
        guard let result else { return .series(series, nil, missing: "Ikke målt") }
        return .series(series, CriterionFigures.share(of: result), missing: "Ingen relevante sager")
    }

    /// Short notes for the summary chart's rows without a comparison.
    static func shortReason(_ row: CriterionFigures) -> String? {
        switch (row.analysis, row.status) {
        case (nil, _): "Ikke målt i analysen"
        case (_, nil): "Ikke målt i pejlingen"
        default:
            row.analysisShare == nil && row.statusShare == nil ? "Ingen relevante sager i nogen af målingerne"
                : row.analysisShare == nil ? "Ingen relevante sager i analysen" : "Ingen relevante sager i pejlingen"
        }
    }

    func legend(_ shown: (analysis: Measurement?, status: Measurement?)) -> [(ChartSeries, String)] {
        var legend: [(ChartSeries, String)] = []
        if let analysis = shown.analysis { legend.append((.analysis, "sagsgennemgang " + DanishFormat.date(analysis.date))) }
        if let status = shown.status { legend.append((.pejling, "statusmåling " + DanishFormat.date(status.date))) }
        return legend
    }

    /// The chart's `<desc>`: what it shows, then each criterion's figures in words.
    func description(of rows: [CriterionFigures], shown: (analysis: Measurement?, status: Measurement?)) -> String {
        var parts: [String] = []
        let both = shown.analysis != nil && shown.status != nil
        parts.append(both
            ? "Prikdiagram. For hvert kriterium vises andelen i analysen som en cirkel og andelen i pejlingen som en rombe, på en skala fra 0 til 100\u{00A0}%."
            : "Prikdiagram. For hvert kriterium vises andelen som et punkt på en skala fra 0 til 100\u{00A0}%, med sikkerhedsintervallet som en vandret streg.")
        for row in rows {
            var sentence = row.criterion.text + ":"
            if shown.analysis != nil { sentence += " analyse " + Self.spoken(row.analysis) }
            if shown.status != nil { sentence += (shown.analysis != nil ? ";" : "") + " pejling " + Self.spoken(row.status) }
            if both, let comparison = row.comparison {
                sentence += "; " + (DanishFormat.percentagePoints(from: comparison.from, to: comparison.to) ?? "") + ", "
                    + comparison.verdict.text.lowercased()
            }
            parts.append(sentence + ".")
        }
        parts.append("Samme tal står i tabellen under figuren.")
        return parts.joined(separator: " ")
    }

    static func spoken(_ result: CriterionResult?) -> String {
        guard let result else { return "ikke målt" }
        guard let share = CriterionFigures.share(of: result), let interval = share.interval else { return "ingen relevante sager" }
        return "\(DanishFormat.percent(share) ?? DanishFormat.missing) (\(DanishFormat.cases(share.opfyldt, of: share.relevante)), "
            + "sikkerhedsinterval \(DanishFormat.interval(interval)))"
    }

    func note(compares: Bool) -> String {
        var text = "Andelen er regnet af de sager, hvor kriteriet var relevant. "
            + "Sikkerhedsintervallet (95\u{00A0}%) viser, hvor meget andelen kan svinge, alene fordi der kun er set få sager."
        if compares {
            text += " Forskellen er i procentpoint. Vurderingen bygger på Fishers eksakte test (tosidet, 5\u{00A0}%)."
        }
        return "<p class=\"tabel-note\">\(text)</p>\n"
    }
}
