/// A municipality's folder: `content/kommuner/<slug>/`.
struct Municipality: Sendable, Hashable {
    /// The folder name: lower-case ASCII letters, digits and `-`.
    public var slug: String
    /// The official kommunekode; may be absent for example data.
    public var code: Int?
    /// `navn`, as written in kommune.yml.
    public var name: String
    /// `hjemmeside`.
    public var homepage: String?
    /// `eksempel`: fictional demo data, shown with a banner on every page.
    public var isExample: Bool
    /// The reports sit behind a pointer each (``Indirect``): a build keeps a summary of every
    /// municipality, and 10,000 of them inline would take megabytes.
    @Indirect public var analysis: Report?
    @Indirect public var status: Report?
    /// Where kommune.yml is.
    public var location: SourceLocation
    /// Where `kode` is written in kommune.yml, when it is.
    public var codeLocation: SourceLocation?

    public init(slug: String, code: Int?, name: String, homepage: String?, isExample: Bool,
                analysis: Report? = nil, status: Report? = nil, location: SourceLocation) {
        self.slug = slug
        self.code = code
        self.name = name
        self.homepage = homepage
        self.isExample = isExample
        self.analysis = analysis
        self.status = status
        self.location = location
    }

    /// The reports present, analysis first.
    public var reports: [Report] { [analysis, status].compactMap { $0 } }

    /// Whether any report shown is a draft.
    public var hasDraft: Bool { reports.contains { $0.isDraft } }

    static let keys = ["kode", "navn", "hjemmeside", "eksempel"]

    /// Parses kommune.yml and checks it against the official list (unless `eksempel: true`).
    public static func parse(_ source: SourceText, slug: String, diagnostics: inout Diagnostics) -> Municipality? {
        guard let yaml = YAMLDocument.parse(source.text, file: source.file, diagnostics: &diagnostics) else { return nil }
        yaml.reportUnknownKeys(allowed: keys, diagnostics: &diagnostics)
        let isExample = yaml.bool("eksempel", default: false, diagnostics: &diagnostics)
        let code = yaml.integer("kode", required: !isExample, diagnostics: &diagnostics)
        let name = yaml.string("navn", required: true, diagnostics: &diagnostics)
        let homepage = yaml.string("hjemmeside", diagnostics: &diagnostics)
        if let homepage, !URLPolicy.isAbsoluteHTTP(homepage) {
            diagnostics.error("hjemmeside skal være en fuld adresse, der begynder med https:// eller http://", at: yaml.location(ofValue: "hjemmeside"))
        }
        guard let name else { return nil }
        if !isExample, let code {
            if let registered = MunicipalityRegistry.byCode(code) {
                if !MunicipalityRegistry.nameMatches(name, code: code) {
                    diagnostics.error("navn '\(name)' passer ikke til kode \(code), som er \(registered.fullName)",
                                      at: yaml.location(ofValue: "navn"),
                                      hint: "skriv navn: \(registered.fullName)")
                }
            } else {
                let hint = MunicipalityRegistry.byName(name).map { "\($0.fullName) har kode \($0.code)" }
                    ?? "se listen over de 98 kommunekoder"
                diagnostics.error("kode \(code) er ikke en af de 98 kommunekoder", at: yaml.location(ofValue: "kode"), hint: hint)
            }
        }
        var municipality = Municipality(slug: slug, code: code, name: name,
                                        homepage: homepage.flatMap { URLPolicy.isAbsoluteHTTP($0) ? $0 : nil },
                                        isExample: isExample, location: yaml.location)
        if code != nil { municipality.codeLocation = yaml.location(ofValue: "kode") }
        return municipality
    }
}
