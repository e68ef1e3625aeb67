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
                                      status: municipality.status?.measurement)
        let reportRenderer = ReportRenderer(figures: figures)
        let reports: [[String: Any]] = municipality.reports.map { report in
            var context = PageContext.reportSummary(report)
            context["html"] = AppendixHeadings.mark(reportRenderer.render(report, diagnostics: &diagnostics))
            return context
        }
        let slug = municipality.slug
        let links = PageLinks(baseURL: content.config.baseURL, slug: slug)
        // Files beside the pages come first, so the pages can link to what is there.
        var files: [OutputFile] = [OutputFile(path: "\(slug)/indlejring.css", text: assets.scopedStylesheet)]
        let downloads = Download.links(among: files, links: links)

        var context: [String: Any] = [
            "site": PageContext.site(content.config),
            "kommune": PageContext.municipality(municipality),
            "rapporter": reports,
            "kladde": municipality.hasDraft,
            "eksempel": municipality.isExample,
            "sidetitel": "\(municipality.name) – \(content.config.title)",
            "hent": downloads,
            "har_hent": !downloads.isEmpty,
            "id_praefiks": "",
        ]

        var page = context
        page["rod"] = "../"
        page["css_href"] = "../assets/\(SiteAssets.stylesheetName)"
        if let canonical = links.canonicalFolderPage { page["canonical"] = canonical }
        files.append(OutputFile(path: "\(slug)/index.html", text: templates.render(page, template: "kommune")))

        context["rod"] = ""
        var standalone = context
        standalone["inline_css"] = assets.stylesheet
        standalone["selvstaendig"] = true
        if let canonical = links.canonicalStandalone { standalone["canonical"] = canonical }
        files.append(OutputFile(path: "\(slug)/\(slug).html", text: templates.render(standalone, template: "kommune")))

        // The fragment lives inside someone else's page: its ids carry a prefix.
        var fragment = context
        fragment["indlejring_css"] = assets.scopedStylesheet
        fragment["id_praefiks"] = Self.fragmentIDPrefix
        files.append(OutputFile(path: "\(slug)/indlejring.html", text: templates.render(fragment, template: "indlejring")))
        return (files, diagnostics)
    }

    /// Put before every id in the CMS fragment, so its ids do not clash with the host page's.
    static let fragmentIDPrefix = "pejling-"
}
