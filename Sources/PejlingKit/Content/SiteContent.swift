/// Everything a build reads from `content/`, loaded and validated.
public struct SiteContent: Sendable, Hashable {
    public var config: SiteConfig
    public var catalogue: CriteriaCatalogue
    /// Sorted by slug, so that output never depends on the order of a directory listing.
    public var municipalities: [Municipality]
    /// A fingerprint of each input file that a municipality's pages depend on, by slug;
    /// `""` holds the site-wide files (site.yml, kriterier.yml).
    public var inputFingerprints: [String: [String: UInt64]]

    public init(config: SiteConfig, catalogue: CriteriaCatalogue, municipalities: [Municipality],
                inputFingerprints: [String: [String: UInt64]] = [:]) {
        self.config = config
        self.catalogue = catalogue
        self.municipalities = municipalities
        self.inputFingerprints = inputFingerprints
    }

    /// The municipalities that `selectors` (slugs or codes, as `--only` takes them) name;
    /// all when `selectors` is empty. An unknown selector is an error.
    public func selecting(_ selectors: [String], diagnostics: inout Diagnostics) -> [Municipality] {
        Self.reportUnknownSelectors(selectors, among: municipalities, diagnostics: &diagnostics)
        return municipalities.filter { $0.isSelected(by: selectors) }
    }

    /// An error for each `--only` selector that names no municipality.
    static func reportUnknownSelectors(_ selectors: [String], among municipalities: [Municipality], diagnostics: inout Diagnostics) {
        for selector in selectors where !municipalities.contains(where: { $0.isSelected(by: [selector]) }) {
            diagnostics.error("--only \(selector): no municipality with that slug or kode in the content",
                              at: SourceLocation(file: "--only"))
        }
    }
}
