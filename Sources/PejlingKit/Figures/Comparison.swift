/// The analysis's and the pejling's share of one criterion, side by side: the difference
/// in procentpoint and whether it is larger than chance would explain with so few cases.
///
/// Exists only when both measurements had at least one relevant case for the criterion
/// (and at most ``FisherExactTest/maximumCount``, which loading enforces).
///
/// ```swift
/// let comparison = Comparison(
///     criterionID: "undersoegelse-rettidig",
///     from: Share(opfyldt: 3, relevante: 18)!, fromDate: ISODate("2024-03-11")!,
///     to: Share(opfyldt: 15, relevante: 19)!, toDate: ISODate("2025-12-08")!
/// )
/// comparison?.differencePercentagePoints   // 62.28…
/// comparison?.pValue                       // 0.0002338
/// comparison?.verdict                      // .largerThanChance
/// ```
struct Comparison: Sendable, Hashable {
    /// The two-sided level below which a difference counts as larger than chance: 5 %
    /// (decided on the exact p-value, so a p-value of exactly 0.05 is not below it).
    public static let significanceLevel = 0.05

    public let criterionID: String
    /// The analysis's share (at least one relevant case).
    public let from: Share
    /// The pejling's share (at least one relevant case).
    public let to: Share
    /// The analysis measurement's date.
    public let fromDate: ISODate
    /// The status measurement's date.
    public let toDate: ISODate
    /// The two-sided Fisher exact p-value on the 2×2 table of opfyldt / ikke opfyldt.
    public let pValue: Double
    /// Whether the difference is larger than chance would explain: the exact p-value is
    /// below 5 %.
    public let isSignificant: Bool

    /// `nil` when either share has no relevant case (there is nothing to compare) or more
    /// than ``FisherExactTest/maximumCount``.
    public init?(criterionID: String, from: Share, fromDate: ISODate, to: Share, toDate: ISODate) {
        guard from.relevante > 0, to.relevante > 0, let outcome = FisherExactTest.test(from, to) else { return nil }
        self.criterionID = criterionID
        self.from = from
        self.to = to
        self.fromDate = fromDate
        self.toDate = toDate
        self.pValue = outcome.pValue
        self.isSignificant = outcome.isSignificant
    }

    /// `100 × (to − from)`: the change in procentpoint, positive when the pejling's share is
    /// higher. Pages show the difference of the two whole per cents instead
    /// (``DanishFormat/percentagePoints(from:to:)``), data.json and data.csv
    /// ``differenceTenths``.
    ///
    /// ```swift
    /// comparison.differencePercentagePoints   // 23.529… for 6 af 17 → 10 af 17
    /// ```
    public var differencePercentagePoints: Double {
        let first = Double(from.opfyldt) / Double(from.relevante)
        let second = Double(to.opfyldt) / Double(to.relevante)
        return 100 * (second - first)
    }

    /// The exact difference `100 × (to − from)` in tenths of a procentpoint, rounded from
    /// the exact ratio with a half away from zero, as data.json and data.csv give it
    /// (6 af 16 → 7 af 16 is 6.25 → 63 tenths; 11 af 16 → 0 af 16 is −68.75 → −688).
    ///
    /// ```swift
    /// comparison.differenceTenths   // 235 for 6 af 17 → 10 af 17 (23.529…)
    /// ```
    public var differenceTenths: Int {
        // 1000 (k₂n₁ − k₁n₂) / (n₁n₂); rows of at most 100.000 keep it far inside Int128.
        let numerator = 1000 * (Int128(to.opfyldt) * Int128(from.relevante) - Int128(from.opfyldt) * Int128(to.relevante))
        let denominator = Int128(from.relevante) * Int128(to.relevante)
        return Int(clamping: RoundedRatio.halfAwayFromZero(numerator, denominator) ?? 0)
    }

    /// The plain-language verdict.
    public var verdict: Verdict { isSignificant ? .largerThanChance : .withinChance }
}

/// Whether a difference between two measurements is larger than chance would explain at
/// their sample size, in plain Danish.
///
/// ```swift
/// Verdict.largerThanChance.text   // "Større, end tilfældigheder kan forklare"
/// ```
enum Verdict: String, Sendable, Hashable {
    /// p < 5 %: the difference is larger than chance would explain.
    case largerThanChance
    /// p ≥ 5 %: chance alone could give a difference this large with so few cases.
    case withinChance

    /// The short wording used in tables.
    public var text: String {
        switch self {
        case .largerThanChance: "Større, end tilfældigheder kan forklare"
        case .withinChance: "Ikke større, end tilfældigheder kan forklare"
        }
    }

}
