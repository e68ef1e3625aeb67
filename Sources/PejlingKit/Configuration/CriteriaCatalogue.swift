/// A pejlemærke: one of the bearings under which a case review groups its criteria.
struct Bearing: Sendable, Hashable {
    /// The id used in content (`faglig-udredning`).
    public var id: String
    /// The name shown on pages (`Faglig udredning`).
    public var name: String
    public var location: SourceLocation

    public init(id: String, name: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// One criterion that each reviewed case is judged against.
public struct Criterion: Sendable, Hashable {
    public var id: String
    /// The id of the ``Bearing`` it belongs to.
    public var bearingID: String
    /// What is checked, in Danish.
    public var text: String
    /// The legal basis, free text (`barnets lov § 20, stk. 3`).
    public var legalBasis: String?
    public var location: SourceLocation

    public init(id: String, bearingID: String, text: String, legalBasis: String?, location: SourceLocation) {
        self.id = id
        self.bearingID = bearingID
        self.text = text
        self.legalBasis = legalBasis
        self.location = location
    }
}

/// The catalogue of pejlemærker and criteria from `content/kriterier.yml`, in file order.
///
/// ```swift
/// let catalogue = CriteriaCatalogue.load(source, diagnostics: &diagnostics)
/// catalogue?.criterion("undersoegelse-rettidig")?.text
/// ```
public struct CriteriaCatalogue: Sendable, Hashable {
    private(set) var bearings: [Bearing]
    public private(set) var criteria: [Criterion]
    private var criterionIndex: [String: Int]
    private var bearingIndex: [String: Int]

    init(bearings: [Bearing], criteria: [Criterion]) {
        self.bearings = bearings
        self.criteria = criteria
        self.bearingIndex = Dictionary(bearings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.criterionIndex = Dictionary(criteria.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func bearing(_ id: String) -> Bearing? { bearingIndex[id].map { bearings[$0] } }
    public func criterion(_ id: String) -> Criterion? { criterionIndex[id].map { criteria[$0] } }
    public var criterionIDs: Set<String> { Set(criterionIndex.keys) }
    public var bearingIDs: [String] { bearings.map(\.id) }

    /// Reads kriterier.yml, reporting every problem.
    public static func load(_ source: SourceText, diagnostics: inout Diagnostics) -> CriteriaCatalogue? {
        guard let yaml = YAMLDocument.parse(source.text, file: source.file, diagnostics: &diagnostics) else { return nil }
        yaml.reportUnknownKeys(allowed: ["pejlemaerker", "kriterier"], diagnostics: &diagnostics)
        var bearings: [Bearing] = []
        for entry in yaml.sequence("pejlemaerker", required: true, diagnostics: &diagnostics) ?? [] {
            entry.reportUnknownKeys(allowed: ["id", "navn"], diagnostics: &diagnostics)
            guard let id = entry.string("id", required: true, diagnostics: &diagnostics),
                  let name = entry.string("navn", required: true, diagnostics: &diagnostics) else { continue }
            let location = entry.location(ofValue: "id")
            guard checkID(id, of: "pejlemærkets", at: location, against: bearings.map { ($0.id, $0.location) },
                          diagnostics: &diagnostics) else { continue }
            bearings.append(Bearing(id: id, name: name, location: location))
        }
        var criteria: [Criterion] = []
        for entry in yaml.sequence("kriterier", required: true, diagnostics: &diagnostics) ?? [] {
            entry.reportUnknownKeys(allowed: ["id", "pejlemaerke", "tekst", "lovgrundlag"], diagnostics: &diagnostics)
            let id = entry.string("id", required: true, diagnostics: &diagnostics)
            let bearingID = entry.string("pejlemaerke", required: true, diagnostics: &diagnostics)
            let text = entry.string("tekst", required: true, diagnostics: &diagnostics)
            let legalBasis = entry.string("lovgrundlag", diagnostics: &diagnostics)
            guard let id, let bearingID, let text else { continue }
            let location = entry.location(ofValue: "id")
            guard checkID(id, of: "kriteriets", at: location, against: criteria.map { ($0.id, $0.location) },
                          diagnostics: &diagnostics) else { continue }
            if !bearings.contains(where: { $0.id == bearingID }) {
                diagnostics.error("ukendt pejlemærke '\(bearingID)'", at: entry.location(ofValue: "pejlemaerke"),
                                  hint: Suggestion.hint(for: bearingID, among: bearings.map(\.id))
                                      ?? "de kendte pejlemærker er \(Suggestion.list(bearings.map(\.id), conjunction: "og"))")
                continue
            }
            criteria.append(Criterion(id: id, bearingID: bearingID, text: text, legalBasis: legalBasis, location: location))
        }
        return CriteriaCatalogue(bearings: bearings, criteria: criteria)
    }

    /// The one check of an id in kriterier.yml: its characters (an error, but the entry is kept)
    /// and that it is new (false, with an error naming the first line, when it is used before).
    /// `owner` says whose id it is: "pejlemærkets" or "kriteriets".
    private static func checkID(_ id: String, of owner: String, at location: SourceLocation,
                                against earlier: [(id: String, location: SourceLocation)], diagnostics: inout Diagnostics) -> Bool {
        if !Identifier.isValid(id) {
            diagnostics.error("\(owner) id '\(id)' må kun have små bogstaver a–z, cifre og '-'", at: location)
        }
        if let first = earlier.first(where: { $0.id == id }) {
            diagnostics.error("\(owner) id '\(id)' bruges to gange (første gang i linje \(first.location.line ?? 0))", at: location)
            return false
        }
        return true
    }
}
