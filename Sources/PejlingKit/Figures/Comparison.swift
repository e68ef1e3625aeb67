/// The analysis's and the pejling's share of one criterion, side by side: the difference
/// in procentpoint and whether it is larger than chance would explain with so few cases.
///
/// Exists only when both measurements had at least one relevant case for the criterion.
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
public struct Comparison: Sendable, Hashable {
    /// The two-sided level below which a difference counts as larger than chance: 5 %.
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

    /// `nil` when either share has no relevant case: there is nothing to compare.
    public init?(criterionID: String, from: Share, fromDate: ISODate, to: Share, toDate: ISODate) {
        guard from.relevante > 0, to.relevante > 0 else { return nil }
        self.criterionID = criterionID
        self.from = from
        self.to = to
        self.fromDate = fromDate
        self.toDate = toDate
        self.pValue = FisherExactTest.twoSidedPValue(from, to)
    }

    /// `100 × (to − from)`: the change in procentpoint, positive when the pejling's share is higher.
    ///
    /// ```swift
    /// comparison.differencePercentagePoints   // 23.529… for 6 af 17 → 10 af 17
    /// ```
    public var differencePercentagePoints: Double {
        let first = Double(from.opfyldt) / Double(from.relevante)
        let second = Double(to.opfyldt) / Double(to.relevante)
        return 100 * (second - first)
    }

    /// Whether the difference is larger than chance would explain (p < 5 %).
    public var isSignificant: Bool { pValue < Self.significanceLevel }

    /// The plain-language verdict.
    public var verdict: Verdict { isSignificant ? .largerThanChance : .withinChance }
}

/// Whether a difference between two measurements is larger than chance would explain at
/// their sample size, in plain Danish.
///
/// ```swift
/// Verdict.largerThanChance.text   // "Større, end tilfældigheder kan forklare"
/// ```
public enum Verdict: String, Sendable, Hashable {
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

    /// A sentence for descriptions and notes.
    public var sentence: String {
        switch self {
        case .largerThanChance: "Forskellen er større, end tilfældigheder kan forklare med så få sager."
        case .withinChance: "Forskellen er ikke større, end tilfældigheder kan forklare med så få sager."
        }
    }
}
