/// Site-wide settings from `content/site.yml`.
///
/// ```yaml
/// titel: Task Force-rapporter
/// udgiver: Den Permanente Task Force
/// base_url: https://example.dk/rapporter/
/// tilgaengelighedserklaering: https://was.digst.dk/...
/// pdf: true                      # optional; as `build --pdf`
/// ```
struct SiteConfig: Sendable, Hashable {
    /// The site's title (`titel`).
    public var title: String
    /// Who publishes (`udgiver`), shown in the footer.
    public var publisher: String
    /// Absolute base address (`base_url`), always ending in `/`; nil keeps every link relative.
    public var baseURL: String?
    /// Address of the accessibility statement (`tilgaengelighedserklaering`).
    public var accessibilityStatementURL: String?
    /// `pdf: true`: every build writes the PDF reports, as `build --pdf` does.
    public var pdf = false

    public init(title: String, publisher: String, baseURL: String? = nil, accessibilityStatementURL: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.baseURL = baseURL
        self.accessibilityStatementURL = accessibilityStatementURL
    }

    static let keys = ["titel", "udgiver", "base_url", "tilgaengelighedserklaering", "pdf"]

    /// Reads site.yml, reporting every problem.
    public static func load(_ source: SourceText, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let yaml = YAMLDocument.parse(source.text, file: source.file, diagnostics: &diagnostics) else { return nil }
        yaml.reportUnknownKeys(allowed: keys, diagnostics: &diagnostics)
        let title = yaml.string("titel", required: true, diagnostics: &diagnostics)
        let publisher = yaml.string("udgiver", required: true, diagnostics: &diagnostics)
        var baseURL = yaml.string("base_url", diagnostics: &diagnostics)
        if let url = baseURL {
            if !URLPolicy.isAbsoluteHTTP(url) {
                diagnostics.error("base_url skal være en fuld adresse, der begynder med https:// eller http://", at: yaml.location(ofValue: "base_url"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let statement = yaml.string("tilgaengelighedserklaering", diagnostics: &diagnostics)
        if let statement, !URLPolicy.isAbsoluteHTTP(statement) {
            diagnostics.error("tilgaengelighedserklaering skal være en fuld adresse, der begynder med https:// eller http://",
                              at: yaml.location(ofValue: "tilgaengelighedserklaering"))
        }
        let pdf = yaml.bool("pdf", default: false, diagnostics: &diagnostics)
        guard let title, let publisher else { return nil }
        var config = SiteConfig(title: title, publisher: publisher, baseURL: baseURL,
                                accessibilityStatementURL: statement.flatMap { URLPolicy.isAbsoluteHTTP($0) ? $0 : nil })
        config.pdf = pdf
        return config
    }
}
