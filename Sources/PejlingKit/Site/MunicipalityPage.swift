/// Renders everything a build writes for one municipality.
struct MunicipalityPage {
    let content: SiteContent
    let municipality: Municipality
    let templates: TemplateSet
    let assets: SiteAssets

    /// The files for `<slug>/`, with every diagnostic found while rendering.
    func render() -> ([OutputFile], Diagnostics) {
        var diagnostics = Diagnostics()
        let figures = FigurePresenter(catalogue: content.catalogue, analysis: municipality.analysis?.measurement,
                                      status: municipality.status?.measurement, idPrefix: "figur-\(municipality.slug)")
        let reportRenderer = ReportRenderer(figures: figures)
        let reports: [[String: Any]] = municipality.reports.map { report in
            var context = PageContext.reportSummary(report)
            context["html"] = reportRenderer.render(report, diagnostics: &diagnostics)
            if report.kind == .status, let measurement = report.measurement {
                context["pejling"] = PejlingWording(analysis: municipality.analysis?.measurement, status: measurement).context
            }
            return context
        }
        var context: [String: Any] = [
            "site": PageContext.site(content.config),
            "kommune": PageContext.municipality(municipality),
            "rapporter": reports,
            "kladde": municipality.hasDraft,
            "eksempel": municipality.isExample,
            "sidetitel": "\(municipality.name) – \(content.config.title)",
        ]
        let summary = figures.summaryHTML()
        if !summary.isEmpty { context["sammenfatning"] = summary }
        context["har_pejling"] = municipality.status?.measurement != nil
        let export = DataExport(municipality: municipality, figures: figures.figures)
        let slug = municipality.slug
        var files: [OutputFile] = []

        var page = context
        page["hentning"] = ["csv": "data.csv", "json": "data.json"]
        page["rod"] = "../"
        page["css_href"] = "../assets/\(SiteAssets.stylesheetName)"
        if let base = content.config.baseURL { page["canonical"] = base + slug + "/" }
        files.append(OutputFile(path: "\(slug)/index.html", text: templates.render(page, template: "kommune")))

        context["rod"] = ""
        var standalone = context
        standalone["inline_css"] = assets.stylesheet
        standalone["selvstaendig"] = true
        standalone["hentning"] = ["csv": "data.csv", "json": "data.json"]
        files.append(OutputFile(path: "\(slug)/\(slug).html", text: templates.render(standalone, template: "kommune")))

        var fragment = context
        fragment["indlejring_css"] = assets.scopedStylesheet
        if let base = content.config.baseURL {
            fragment["hentning"] = ["csv": base + slug + "/data.csv", "json": base + slug + "/data.json"]
        }
        files.append(OutputFile(path: "\(slug)/indlejring.html", text: templates.render(fragment, template: "indlejring")))
        files.append(OutputFile(path: "\(slug)/indlejring.css", text: assets.scopedStylesheet))
        files.append(OutputFile(path: "\(slug)/data.json", text: export.json))
        files.append(OutputFile(path: "\(slug)/data.csv", bytes: export.csvBytes))
        return (files, diagnostics)
    }
}
