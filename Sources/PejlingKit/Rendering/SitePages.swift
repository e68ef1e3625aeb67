/// Everything site-wide that pages are made with — settings, criteria, templates and
/// stylesheets — loaded once per build, and the pages made with it.
///
/// ```swift
/// if let pages = SitePages.load(templatesDirectory: "Templates", site: site, diagnostics: &diagnostics) {
///     let files = pages.files(for: municipality)
/// }
/// ```
struct SitePages: Sendable {
    let content: SiteContent
    let templates: TemplateSet
    let assets: SiteAssets

    /// Loads the templates and stylesheets (reporting their problems even when the content's
    /// site-wide files failed); nil when any of them, site.yml or kriterier.yml failed.
    static func load(templatesDirectory: String, site: ContentLoader.SiteFiles?, diagnostics: inout Diagnostics) -> SitePages? {
        let templates = TemplateSet.load(directory: templatesDirectory, diagnostics: &diagnostics)
        let assets = SiteAssets.load(templatesDirectory: templatesDirectory, diagnostics: &diagnostics)
        guard let config = site?.config, let catalogue = site?.catalogue, let templates, let assets else { return nil }
        return SitePages(content: SiteContent(config: config, catalogue: catalogue, municipalities: []),
                         templates: templates, assets: assets)
    }

    /// A municipality's files (``MunicipalityPage``); `linksPDF` when the build writes
    /// `<slug>/<slug>.pdf` too, which the downloads then link.
    func files(for municipality: Municipality, linksPDF: Bool = false) -> [OutputFile] {
        MunicipalityPage(content: content, municipality: municipality, templates: templates, assets: assets,
                         linksPDF: linksPDF).render()
    }

    /// `index.html`, listing `municipalities`.
    func overview(of municipalities: [Municipality]) -> OutputFile {
        OverviewPage(content: content, municipalities: municipalities, templates: templates).render()
    }

    /// What ``overview(of:)`` is made from.
    func overviewInputs(of municipalities: [Municipality], jobs: Int = 1) -> OverviewInputs {
        OverviewInputs(templates: templates.fingerprint, config: content.config,
                       rows: OverviewPage.rowsFingerprint(of: municipalities, jobs: jobs))
    }

    /// The files every build writes once: the shared stylesheet.
    var sharedFiles: [OutputFile] { assets.files }
}
