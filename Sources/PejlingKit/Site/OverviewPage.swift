/// Renders `index.html`: every municipality with its reports and their dates, in Danish
/// alphabetical order of name (``DanishCollation``), whatever order they came in.
struct OverviewPage {
    let content: SiteContent
    let municipalities: [Municipality]
    let templates: TemplateSet

    /// Everything the page is made from: the same inputs give the same page.
    struct Inputs: Equatable {
        var templates: UInt64
        var config: SiteConfig
        var municipalities: [Municipality]
    }

    /// Renders the page, or takes it from `cache` when it is made from the same inputs as last
    /// time (`serve` after an edit that changes no title, date or name: at 10,000 municipalities
    /// the overview is most of a one-file rebuild).
    func render(cache: ContentCache? = nil) -> OutputFile {
        guard let cache else { return render() }
        let inputs = Inputs(templates: templates.fingerprint, config: content.config, municipalities: municipalities)
        if let cached = cache.overview(for: inputs) { return cached }
        let file = render()
        cache.storeOverview(file, for: inputs)
        return file
    }

    private func render() -> OutputFile {
        OutputFile(path: "index.html", text: templates.render(context(), template: "oversigt"))
    }

    func context() -> [String: Any] {
        let rows: [[String: Any]] = DanishCollation.sorted(municipalities, by: \.name).map { municipality in
            var row = PageContext.municipality(municipality)
            row["rapporter"] = municipality.reports.map(PageContext.reportSummary)
            row["kladde"] = municipality.hasDraft
            return row
        }
        var context: [String: Any] = [
            "site": PageContext.site(content.config),
            "kommuner": rows,
            "antal": DanishFormat.integer(municipalities.count),
            "sidetitel": content.config.title,
            "rod": "",
            "oversigt_href": "index.html",
            "css_href": "assets/\(SiteAssets.stylesheetName)",
            "kladde": municipalities.contains { $0.hasDraft },
            "eksempel": municipalities.contains { $0.isExample },
            "oversigt": true,
        ]
        if let base = content.config.baseURL { context["canonical"] = base }
        return context
    }
}
