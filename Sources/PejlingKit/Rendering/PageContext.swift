/// The values templates see, built from the content. Keys are Danish, as in the templates.
///
/// Each page gets `site`, `rod` (the relative path to the site root), and its own keys.
enum PageContext {
    static func site(_ config: SiteConfig) -> [String: Any] {
        var site: [String: Any] = ["titel": config.title, "udgiver": config.publisher]
        if let url = config.accessibilityStatementURL { site["tilgaengelighedserklaering"] = url }
        if let base = config.baseURL { site["base_url"] = base }
        return site
    }

    static func municipality(_ municipality: Municipality) -> [String: Any] {
        var context: [String: Any] = [
            "navn": municipality.name,
            "slug": municipality.slug,
            "eksempel": municipality.isExample,
        ]
        if let code = municipality.code { context["kode"] = String(code) }
        if let homepage = municipality.homepage { context["hjemmeside"] = homepage }
        return context
    }

    static func reportSummary(_ report: Report) -> [String: Any] {
        [
            "type": report.kind.rawValue,
            "typenavn": report.kind == .analysis ? "Analyserapport" : "Statusrapport",
            "titel": report.title,
            "dato": DanishFormat.date(report.date),
            "dato_iso": report.date.description,
            "kladde": report.isDraft,
        ]
    }

    /// What every rendering of a municipality's report page starts from — the folder page,
    /// the self-contained file, the fragment and the print document: the site, the
    /// municipality, its reports (already rendered) and the notices that apply.
    static func municipalityPage(_ municipality: Municipality, config: SiteConfig, reports: [[String: Any]]) -> [String: Any] {
        [
            "site": site(config),
            "kommune": self.municipality(municipality),
            "rapporter": reports,
            "kladde": municipality.hasDraft,
            "eksempel": municipality.isExample,
            "sidetitel": "\(municipality.name) – \(config.title)",
            "id_praefiks": "",
            "har_pejling": municipality.status?.measurement != nil,
        ]
    }
}
