/// A share of cases: `opfyldt` (met) of `relevante` (the cases where the criterion was
/// relevant).
///
/// The share is over the relevant cases only: `opfyldt / (opfyldt + ikke_opfyldt)`.
/// With no relevant case there is no share, so ``fraction`` is `nil`.
///
/// ```swift
/// let share = Share(opfyldt: 6, relevante: 17)       // 6 af 17
/// share?.fraction                                    // 0.3529…
/// Share(opfyldt: 6, ikkeOpfyldt: 11)?.relevante      // 17
/// Share(opfyldt: 0, relevante: 0)?.fraction          // nil: no relevant case
/// Share(opfyldt: 3, relevante: 2)                    // nil: more met than relevant
/// ```
struct Share: Sendable, Hashable {
    /// The relevant cases where the criterion was met (`opfyldt`).
    public let opfyldt: Int
    /// The cases where the criterion was relevant (`opfyldt + ikke_opfyldt`).
    public let relevante: Int

    /// A share of `opfyldt` out of `relevante`; `nil` unless `0 <= opfyldt <= relevante`.
    ///
    /// ```swift
    /// Share(opfyldt: 10, relevante: 20)   // 10 af 20
    /// Share(opfyldt: -1, relevante: 20)   // nil
    /// ```
    public init?(opfyldt: Int, relevante: Int) {
        guard opfyldt >= 0, opfyldt <= relevante else { return nil }
        self.opfyldt = opfyldt
        self.relevante = relevante
    }

    /// A share from the counts a measurement file gives: `opfyldt` and `ikke_opfyldt`.
    /// `nil` when a count is negative or their sum does not fit in an `Int`.
    ///
    /// ```swift
    /// Share(opfyldt: 6, ikkeOpfyldt: 11)   // 6 af 17
    /// ```
    public init?(opfyldt: Int, ikkeOpfyldt: Int) {
        guard opfyldt >= 0, ikkeOpfyldt >= 0 else { return nil }
        let (sum, overflow) = opfyldt.addingReportingOverflow(ikkeOpfyldt)
        guard !overflow else { return nil }
        self.init(opfyldt: opfyldt, relevante: sum)
    }

    /// The relevant cases where the criterion was not met (`ikke_opfyldt`).
    ///
    /// ```swift
    /// Share(opfyldt: 6, relevante: 17)?.ikkeOpfyldt   // 11
    /// ```
    public var ikkeOpfyldt: Int { relevante - opfyldt }

    /// `opfyldt / relevante` as a fraction 0–1; `nil` when no case was relevant.
    ///
    /// ```swift
    /// Share(opfyldt: 1, relevante: 8)?.fraction   // 0.125
    /// Share(opfyldt: 0, relevante: 0)?.fraction   // nil
    /// ```
    public var fraction: Double? {
        guard relevante > 0 else { return nil }
        return Double(opfyldt) / Double(relevante)
    }

    /// The share in whole per cent as pages show it, rounded from the exact ratio with a
    /// half up (1 af 8 is 12,5 % → 13 %); `nil` when no case was relevant.
    ///
    /// ```swift
    /// Share(opfyldt: 1, relevante: 8)?.wholePercent    // 13
    /// Share(opfyldt: 6, relevante: 17)?.wholePercent   // 35
    /// ```
    public var wholePercent: Int? {
        RoundedRatio.halfUp(Int128(opfyldt) * 100, Int128(relevante)).map { Int(clamping: $0) }
    }

    /// The 95 % Wilson score interval of the share; `nil` when no case was relevant.
    ///
    /// ```swift
    /// Share(opfyldt: 10, relevante: 20)?.interval   // 0.2993…–0.7007…
    /// ```
    public var interval: WilsonInterval? {
        WilsonInterval(successes: opfyldt, trials: relevante)
    }
}
