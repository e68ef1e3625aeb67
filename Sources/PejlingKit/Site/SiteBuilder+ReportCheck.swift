extension SiteBuilder {
    /// The diagnostics that rendering the reports' Markdown would give (their ```` ```maaling ````
    /// blocks), without templates: so that a build whose templates fail still reports every
    /// problem in the content at once.
    func checkReports(_ loaded: SiteContent) -> Diagnostics {
        var ignored = Diagnostics()
        let content = loaded.applyingDrafts(include: options.includeDrafts)
        let selected = content.selecting(options.only, diagnostics: &ignored)
        var diagnostics = Diagnostics()
        for municipality in selected {
            let figures = FigurePresenter(catalogue: content.catalogue, analysis: municipality.analysis?.measurement,
                                          status: municipality.status?.measurement)
            let renderer = ReportRenderer(figures: figures)
            for report in municipality.reports {
                _ = renderer.render(report, diagnostics: &diagnostics)
            }
        }
        return diagnostics
    }
}
