/// The Wilson score interval of a share: the range of true shares that the observed
/// `successes` of `trials` is consistent with (95 % by default).
///
/// Unlike the textbook "p ± 1.96·SE" interval, it stays inside 0–1 and does not collapse
/// to a single point at 0 of n or n of n, which matters with samples of 20 cases.
///
/// ```swift
/// let w = WilsonInterval(successes: 10, trials: 20)   // lower 0.2993…, upper 0.7007…
/// WilsonInterval(successes: 0, trials: 20)?.lower     // 0.0 (exactly)
/// WilsonInterval(successes: 0, trials: 0)             // nil: no trials, no interval
/// ```
struct WilsonInterval: Sendable, Hashable {
    /// The lower bound, a fraction 0–1.
    public let lower: Double
    /// The upper bound, a fraction 0–1; never below ``lower``.
    public let upper: Double

    /// The Wilson score interval for `successes` of `trials`.
    ///
    /// `confidence` is the normal critical value z (not the level): the default
    /// 1.95996… gives the 95 % interval. Returns `nil` when `trials` is 0, when
    /// `successes` is outside `0...trials`, or when z is not a positive finite number.
    /// The bounds are clamped to 0–1, the lower bound is exactly 0 at 0 successes and
    /// the upper bound exactly 1 at `trials` successes.
    ///
    /// ```swift
    /// WilsonInterval(successes: 20, trials: 20)              // 0.8389…–1.0
    /// WilsonInterval(successes: 5, trials: 10, confidence: 2.5758)   // a 99 % interval
    /// ```
    public init?(successes: Int, trials: Int, confidence z: Double = 1.959963984540054) {
        guard trials > 0, successes >= 0, successes <= trials, z.isFinite, z > 0 else { return nil }
        let k = Double(successes)
        let n = Double(trials)
        let failures = Double(trials - successes)
        let zz = z * z
        // (2k + z² ∓ z·√(z² + 4k(n−k)/n)) / (2(n + z²)): the same square root for k and
        // n − k, so the interval of n − k mirrors this one (lower(k) == 1 − upper(n − k)).
        let root = z * (zz + 4 * k * failures / n).squareRoot()
        let denominator = 2 * (n + zz)
        let lower = successes == 0 ? 0 : (2 * k + zz - root) / denominator
        let upper = successes == trials ? 1 : (2 * k + zz + root) / denominator
        self.lower = Swift.min(Swift.max(lower, 0), 1)
        self.upper = Swift.min(Swift.max(upper, self.lower), 1)
    }

}
