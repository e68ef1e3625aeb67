/// Renders `index.html`: every municipality with its reports and their dates, in Danish
/// alphabetical order of name (``DanishCollation``), whatever order they came in.
struct OverviewPage {
    let content: SiteContent
    let municipalities: [Municipality]
    let templates: TemplateSet

    static let path = "index.html"

    func render() -> OutputFile {
        OutputFile(path: Self.path, text: templates.render(context(), template: "oversigt"))
    }

    /// A fingerprint of what the page is made from beyond the site-wide inputs (`shared`: the
    /// templates, site.yml, the options and pejling itself): each listed municipality's name,
    /// code, home page and reports. The same fingerprint gives the same page.
    static func fingerprint(of municipalities: [Municipality], shared: UInt64) -> String {
        var text = ""
        for municipality in municipalities {
            text += "\(municipality.slug)\u{0}\(municipality.name)\u{0}\(municipality.code.map(String.init) ?? "")\u{0}"
            text += "\(municipality.homepage ?? "")\u{0}\(municipality.isExample)\u{0}"
            for report in municipality.reports {
                text += "\(report.kind.rawValue)\u{0}\(report.title)\u{0}\(report.date)\u{0}\(report.isDraft)\u{0}"
            }
            text += "\u{1}"
        }
        return BuildManifest.hex(StableHash.hash(Array(text.utf8), seed: shared))
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
