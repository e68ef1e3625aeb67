/// Site-wide settings from `content/site.yml`.
///
/// ```yaml
/// titel: Task Force-rapporter
/// udgiver: Den Permanente Task Force
/// base_url: https://example.dk/rapporter/
/// tilgaengelighedserklaering: https://was.digst.dk/...
/// pdf: true                      # optional; as `build --pdf`
/// ```
public struct SiteConfig: Sendable, Hashable {
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
                diagnostics.error("base_url must be an absolute http or https address", at: yaml.location(ofValue: "base_url"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let statement = yaml.string("tilgaengelighedserklaering", diagnostics: &diagnostics)
        if let statement, !URLPolicy.isAbsoluteHTTP(statement) {
            diagnostics.error("tilgaengelighedserklaering must be an absolute http or https address",
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

/// Which addresses from content may become links.
public enum URLPolicy {
    /// `http://…` or `https://…` with a host.
    ///
    /// ```swift
    /// URLPolicy.isAbsoluteHTTP("https://www.esbjerg.dk")  // true
    /// URLPolicy.isAbsoluteHTTP("javascript:alert(1)")     // false
    /// ```
    public static func isAbsoluteHTTP(_ text: String) -> Bool {
        let lower = text.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let rest = lower.dropFirst(scheme.count)
            // Scalars, not characters: a combining mark after a quote must not hide the quote.
            return !rest.isEmpty && !rest.hasPrefix("/") && !text.unicodeScalars.contains(where: Self.isForbidden)
        }
        return false
    }

    /// White space, controls and the characters that could end an attribute or start markup.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
            || ["\"", "'", "<", ">", "`", "\\"].contains(scalar)
    }
}
