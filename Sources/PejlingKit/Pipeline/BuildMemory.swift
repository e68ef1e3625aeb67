/// What `serve` keeps from one build to the next, so that a save re-reads and re-renders only
/// what changed. The pipeline asks; `serve` answers (PejlingServe's `ContentCache`), and
/// `build` and `check` have none.
///
/// ```swift
/// SiteBuilder(options: options).render(into: sink, pagesOf: ["esbjerg"], memory: cache)
/// ```
public protocol BuildMemory: Sendable {
    /// A municipality's load kept from an earlier build against the same site-wide files
    /// (site.yml, kriterier.yml), when its folder need not be read again; nil reads it.
    func load(of slug: String, siteFiles: [String: UInt64]) -> MunicipalityLoad?
    /// Every municipality's load in this build, by slug.
    func keep(_ loads: [String: MunicipalityLoad], siteFiles: [String: UInt64])
    /// The overview rendered earlier from the same inputs, if any.
    func overview(for inputs: OverviewInputs) -> OutputFile?
    /// The overview this build rendered.
    func keep(overview: OutputFile, for inputs: OverviewInputs)
}
