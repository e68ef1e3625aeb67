/// Which of a municipality's two reports.
enum ReportKind: String, Sendable, Hashable, CaseIterable {
    /// The analysis at the start of the course (`analyse.md`).
    case analysis = "analyse"
    /// The status report at the end of the Task Force's part (`status.md`).
    case status = "status"

    /// The file name in the municipality's folder.
    public var fileName: String { rawValue + ".md" }
    /// The measurement type this report's measurement must have.
    public var measurementKind: MeasurementKind {
        self == .analysis ? .sagsgennemgang : .statusmaaling
    }
}

/// A report: front matter and Markdown body, with its measurement once loaded.
struct Report: Sendable, Hashable {
    public var kind: ReportKind
    /// `titel`.
    public var title: String
    /// `dato`.
    public var date: ISODate
    /// `maaling`: the measurement's path inside the municipality folder.
    public var measurementPath: String?
    /// `kladde`: a draft, left out of a build unless `--drafts`.
    public var isDraft: Bool
    /// The Markdown body.
    public var body: String
    /// Where the body starts, for diagnostics inside it.
    public var bodyLocation: SourceLocation
    /// The measurement named by `maaling`, when it loaded.
    public var measurement: Measurement?
    /// Where `dato` is written.
    public var dateLocation: SourceLocation
    /// Where `maaling` is written.
    public var measurementPathLocation: SourceLocation
    /// What loading found in the body: headings and their ids, maaling blocks, links to
    /// places on the page (``ReportOutline/load(_:catalogue:diagnostics:)``).
    public var outline = ReportOutline()

    public init(kind: ReportKind, title: String, date: ISODate, measurementPath: String? = nil, isDraft: Bool = false,
                body: String, bodyLocation: SourceLocation, measurement: Measurement? = nil,
                dateLocation: SourceLocation? = nil, measurementPathLocation: SourceLocation? = nil) {
        self.kind = kind
        self.title = title
        self.date = date
        self.measurementPath = measurementPath
        self.isDraft = isDraft
        self.body = body
        self.bodyLocation = bodyLocation
        self.measurement = measurement
        self.dateLocation = dateLocation ?? bodyLocation
        self.measurementPathLocation = measurementPathLocation ?? bodyLocation
    }

    static let keys = ["titel", "dato", "maaling", "kladde"]

    /// Parses a report file, reporting every problem in it.
    public static func parse(_ source: SourceText, kind: ReportKind, diagnostics: inout Diagnostics) -> Report? {
        read(source, kind: kind, diagnostics: &diagnostics).report
    }

    /// What a report file gives even when its front matter has errors: the measurement it
    /// names is checked all the same, since nothing in it depends on the report's title or date.
    struct Reading: Sendable {
        /// The report, when its front matter is complete.
        var report: Report?
        /// `maaling`, when it is readable.
        var measurementPath: String?
        var measurementPathLocation: SourceLocation?
    }

    /// Parses a report file, reporting every problem in it, and keeps what is readable.
    static func read(_ source: SourceText, kind: ReportKind, diagnostics: inout Diagnostics) -> Reading {
        guard let split = FrontMatter.splitting(source, diagnostics: &diagnostics) else { return Reading() }
        guard let yaml = YAMLDocument.parse(split.yaml, file: source.file, lineOffset: split.yamlLine - 1,
                                            diagnostics: &diagnostics) else { return Reading() }
        yaml.reportUnknownKeys(allowed: keys, diagnostics: &diagnostics)
        let start = diagnostics.items.count
        let title = yaml.string("titel", required: true, diagnostics: &diagnostics)
        let date = yaml.date("dato", required: true, diagnostics: &diagnostics)
        let measurementPath = yaml.string("maaling", diagnostics: &diagnostics)
        let isDraft = yaml.bool("kladde", default: false, diagnostics: &diagnostics)
        var reading = Reading(measurementPath: measurementPath, measurementPathLocation: yaml.location(ofValue: "maaling"))
        guard let title, let date else {
            // Without a title and a date there is no report to check further: say so.
            diagnostics.annotateErrors(since: start, note: "rapportens tekst kontrolleres færdigt, når dette er rettet")
            return reading
        }
        reading.report = Report(kind: kind, title: title, date: date, measurementPath: measurementPath, isDraft: isDraft,
                                body: split.body, bodyLocation: SourceLocation(file: source.file, line: split.bodyLine, column: 1),
                                dateLocation: yaml.location(ofValue: "dato"), measurementPathLocation: yaml.location(ofValue: "maaling"))
        return reading
    }
}
