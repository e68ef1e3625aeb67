/// Renders `index.html`: every municipality with its reports and their dates, in Danish
/// alphabetical order of name (``DanishCollation``), whatever order they came in.
struct OverviewPage {
    let content: SiteContent
    let municipalities: [Municipality]
    let templates: TemplateSet

    func render() -> OutputFile {
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
