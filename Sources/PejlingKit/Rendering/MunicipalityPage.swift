/// Renders everything a build writes for one municipality: the folder page, the
/// self-contained file, the CMS fragment and its CSS, and the downloads.
struct MunicipalityPage {
    let content: SiteContent
    let municipality: Municipality
    let templates: TemplateSet
    let assets: SiteAssets
    /// Whether the build writes `<slug>/<slug>.pdf` (`--pdf`), which the downloads then link.
    var linksPDF = false

    /// Put before every id in the CMS fragment (the figures' ids too), so its ids do not
    /// clash with the host page's.
    static let fragmentIDPrefix = "pejling-"
    /// The page's body, shared by the folder page and the self-contained file: it must not
    /// use the values in which they differ (`rod`, `css_href`, `inline_css`, `canonical`,
    /// `selvstaendig`). ``SharedBody/template`` must not use them either, nor `indlejring_css`.
    static let bodyTemplate = "partials/krop"

    /// The files for `<slug>/`. The municipality was checked when it loaded: rendering finds
    /// no problems of its own.
    func render() -> [OutputFile] {
        let slug = municipality.slug
        let figures = FigurePresenter(catalogue: content.catalogue, analysis: municipality.analysis?.measurement,
                                      status: municipality.status?.measurement,
                                      idPrefix: "\(Self.fragmentIDPrefix)figur-\(slug)")
        let reportRenderer = ReportRenderer(figures: figures)
        var reports: [[String: Any]] = [], fragmentReports: [[String: Any]] = []
        var forms: [(page: String, fragment: String)] = []
        for report in municipality.reports {
            var context = PageContext.reportSummary(report)
            if report.kind == .status, let measurement = report.measurement {
                context["pejling"] = PejlingWording(analysis: municipality.analysis?.measurement, status: measurement).context
            }
            let html = reportRenderer.render(report)
            let page = PreparedText(html.page), fragment = PreparedText(html.fragment)
            forms.append((page.text, fragment.text))
            context["html"] = page
            reports.append(context)
            context["html"] = fragment
            fragmentReports.append(context)
        }
        let links = PageLinks(baseURL: content.config.baseURL, slug: slug)
        let export = DataExport(municipality: municipality, figures: figures.figures)
        // The files beside the pages; the pages link the downloads among them.
        var files: [OutputFile] = [
            OutputFile(path: "\(slug)/data.json", text: export.json),
            OutputFile(path: "\(slug)/data.csv", bytes: export.csvBytes),
            OutputFile(path: "\(slug)/indlejring.css", text: assets.scopedStylesheet),
        ]

        var context = PageContext.municipalityPage(municipality, config: content.config, reports: reports)
        // The header links the overview only where it is published (PageLinks.overview).
        if let overview = links.overview { context["oversigt_href"] = PreparedText(overview) }
        let summary = figures.summaryHTML()
        if !summary.isEmpty { context["sammenfatning"] = PreparedText(summary) }
        if var downloads = Download.links(among: files, links: links) {
            if linksPDF { downloads["pdf"] = links.file("\(slug).pdf") }
            context["hentning"] = downloads
        }

        // What all three forms show (`partials/indhold`) is rendered once, with markers where
        // the fragment differs (SharedBody); the body of the page (`partials/krop`), the same in
        // the folder page and the self-contained file, once for both. (A site's own templates
        // that do not use {{{indhold}}} or {{{krop}}} still get every value they had.)
        let hasShared = templates.names.contains(SharedBody.template)
        let shared = SharedBody.render(context, reports: forms, templates: templates)
        if hasShared { context["indhold"] = PreparedText(shared?.page ?? templates.render(context, template: SharedBody.template)) }
        if templates.names.contains(Self.bodyTemplate) {
            context["krop"] = PreparedText(templates.render(context, template: Self.bodyTemplate))
        }

        // Values that a template opens as a section ({{#css_href}}) are PreparedText, which
        // Mustache looks through without reflecting on it.
        var page = context
        page["rod"] = "../"
        page["css_href"] = PreparedText("../assets/\(SiteAssets.stylesheetName)")
        if let canonical = links.canonicalFolderPage { page["canonical"] = PreparedText(canonical) }
        files.append(OutputFile(path: "\(slug)/index.html", text: templates.render(page, template: "kommune")))

        context["rod"] = ""
        var standalone = context
        standalone["inline_css"] = assets.preparedStylesheet
        standalone["selvstaendig"] = true
        if let canonical = links.canonicalStandalone { standalone["canonical"] = PreparedText(canonical) }
        files.append(OutputFile(path: "\(slug)/\(slug).html", text: templates.render(standalone, template: "kommune")))

        var fragment = context
        fragment["indlejring_css"] = assets.preparedScopedStylesheet
        fragment["id_praefiks"] = Self.fragmentIDPrefix
        fragment["rapporter"] = fragmentReports
        if hasShared {
            fragment["indhold"] = PreparedText(shared?.fragment ?? templates.render(fragment, template: SharedBody.template))
        }
        files.append(OutputFile(path: "\(slug)/indlejring.html", text: templates.render(fragment, template: "indlejring")))
        return files
    }
}
