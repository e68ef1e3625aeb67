extension SiteBuilder {
    /// The diagnostics that rendering a municipality's reports would give (their
    /// ```` ```maaling ```` blocks), without templates: so that a build whose templates fail
    /// still reports every problem in the content at once.
    static func checkReports(of municipality: Municipality, catalogue: CriteriaCatalogue) -> Diagnostics {
        var diagnostics = Diagnostics()
        let figures = FigurePresenter(catalogue: catalogue, analysis: municipality.analysis?.measurement,
                                      status: municipality.status?.measurement)
        let renderer = ReportRenderer(figures: figures)
        for report in municipality.reports {
            _ = renderer.render(report, diagnostics: &diagnostics)
        }
        return diagnostics
    }
}
