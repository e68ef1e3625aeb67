/// Everything a build reads from `content/`, loaded and validated.
struct SiteContent: Sendable, Hashable {
    public var config: SiteConfig
    public var catalogue: CriteriaCatalogue
    /// Sorted by slug, so that output never depends on the order of a directory listing.
    public var municipalities: [Municipality]

    public init(config: SiteConfig, catalogue: CriteriaCatalogue, municipalities: [Municipality]) {
        self.config = config
        self.catalogue = catalogue
        self.municipalities = municipalities
    }
}
