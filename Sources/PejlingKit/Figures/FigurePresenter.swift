/// Presents a municipality's measurements as HTML: per pejlemærke a table and a chart,
/// and a summary for the whole municipality.
///
/// ```swift
/// let figures = FigurePresenter(catalogue: catalogue, analysis: a, status: s)
/// let html = figures.bearingHTML("faglig-udredning", in: .status)
/// ```
public struct FigurePresenter: Sendable {
    public let catalogue: CriteriaCatalogue
    /// The analysis's case review, when there is one.
    public let analysis: Measurement?
    /// The status report's measurement (the pejling), when there is one.
    public let status: Measurement?

    public init(catalogue: CriteriaCatalogue, analysis: Measurement?, status: Measurement?) {
        self.catalogue = catalogue
        self.analysis = analysis
        self.status = status
    }

    /// The table for one pejlemærke, as shown in a report of `kind`: the analysis shows its
    /// own measurement; the status report shows its measurement against the analysis's.
    public func bearingHTML(_ bearingID: String, in kind: ReportKind) -> String {
        guard let bearing = catalogue.bearing(bearingID) else { return "" }
        let measurements: [(String, Measurement)] = kind == .analysis
            ? [analysis.map { ("Analyse", $0) }].compactMap { $0 }
            : [analysis.map { ("Analyse", $0) }, status.map { ("Pejling", $0) }].compactMap { $0 }
        var html = "<table class=\"maaling\">\n<caption>\(HTML.escape(bearing.name))</caption>\n<thead><tr><th scope=\"col\">Kriterium</th>"
        for (label, measurement) in measurements {
            html += "<th scope=\"col\">\(label) \(DanishFormat.date(measurement.date))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for criterion in catalogue.criteria(in: bearingID) {
            html += "<tr><th scope=\"row\">\(HTML.escape(criterion.text))</th>"
            for (_, measurement) in measurements {
                if let result = measurement.results.first(where: { $0.criterionID == criterion.id }) {
                    let share = DanishFormat.percent(k: result.opfyldt, n: result.relevante) ?? "ingen relevante sager"
                    html += "<td>\(share) (\(DanishFormat.cases(result.opfyldt, of: result.relevante)))</td>"
                } else {
                    html += "<td>ikke målt</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }
}
