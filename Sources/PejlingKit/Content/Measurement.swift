/// Which of a municipality's two measurements a file holds.
///
/// ```swift
/// MeasurementKind(rawValue: "statusmaaling")  // .statusmaaling
/// ```
enum MeasurementKind: String, Sendable, Hashable, CaseIterable {
    /// The case review (sagsgennemgang) behind the analysis report.
    case sagsgennemgang
    /// The renewed measurement behind the status report: a *pejling*.
    case statusmaaling
}

/// How the cases of a measurement fell out on one criterion.
///
/// ```swift
/// let result = CriterionResult(
///     criterionID: "undersoegelse-rettidig", opfyldt: 6, ikkeOpfyldt: 11, ikkeRelevant: 3,
///     location: SourceLocation(file: "maalinger/2015.json", line: 6, column: 5)
/// )
/// result.relevante  // 17
/// ```
struct CriterionResult: Sendable, Hashable {
    /// The criterion's id in `kriterier.yml`.
    public var criterionID: String
    /// Cases that met the criterion.
    public var opfyldt: Int
    /// Cases that did not meet it.
    public var ikkeOpfyldt: Int
    /// Cases where the criterion did not apply.
    public var ikkeRelevant: Int
    /// Where the result's object starts in its file.
    public var location: SourceLocation
    /// Where the result's `kriterium` value is, for messages about the id.
    public var criterionLocation: SourceLocation

    /// `criterionLocation` defaults to `location`.
    public init(
        criterionID: String, opfyldt: Int, ikkeOpfyldt: Int, ikkeRelevant: Int,
        location: SourceLocation, criterionLocation: SourceLocation? = nil
    ) {
        self.criterionID = criterionID
        self.opfyldt = opfyldt
        self.ikkeOpfyldt = ikkeOpfyldt
        self.ikkeRelevant = ikkeRelevant
        self.location = location
        self.criterionLocation = criterionLocation ?? location
    }

    /// The cases where the criterion was relevant: `opfyldt + ikkeOpfyldt`, the share's
    /// denominator. Zero means there is no share.
    public var relevante: Int { opfyldt + ikkeOpfyldt }
}

/// One measurement file (`maalinger/*.json`), checked and loaded.
///
/// Load one with ``load(bytes:file:)``; check its criterion ids against the catalogue
/// with ``validate(knownCriteria:)``.
///
/// ```swift
/// let (measurement, diagnostics) = Measurement.load(bytes: bytes, file: "content/kommuner/esbjerg/maalinger/2015.json")
/// measurement?.kind        // .sagsgennemgang
/// measurement?.caseCount   // 20
/// ```
///
/// Foundation has a generic type of the same name; in a file that imports both
/// Foundation and PejlingKit, write `PejlingKit.Measurement`.
struct Measurement: Sendable, Hashable {
    /// `type`: which measurement this is.
    public var kind: MeasurementKind
    /// `dato`: when it was made.
    public var date: ISODate
    /// `antal_sager`: how many cases were reviewed.
    public var caseCount: Int
    /// `resultater`, in the file's order.
    public var results: [CriterionResult]
    /// The file's path as the caller gave it.
    public var file: String
    /// Where the `type` value is.
    public var kindLocation: SourceLocation
    /// Where the `dato` value is (for messages such as a status measurement dated before the analysis).
    public var dateLocation: SourceLocation

    /// The locations default to the file without a line.
    public init(
        kind: MeasurementKind, date: ISODate, caseCount: Int, results: [CriterionResult], file: String,
        kindLocation: SourceLocation? = nil, dateLocation: SourceLocation? = nil
    ) {
        self.kind = kind
        self.date = date
        self.caseCount = caseCount
        self.results = results
        self.file = file
        self.kindLocation = kindLocation ?? SourceLocation(file: file)
        self.dateLocation = dateLocation ?? SourceLocation(file: file)
    }

    /// The result for a criterion, if the measurement has one.
    ///
    /// ```swift
    /// measurement.result(for: "undersoegelse-rettidig")?.opfyldt  // 6
    /// ```
    public func result(for criterionID: String) -> CriterionResult? {
        results.first { $0.criterionID == criterionID }
    }
}
