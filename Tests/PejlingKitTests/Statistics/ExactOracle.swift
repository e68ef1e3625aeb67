/// Exact rational arithmetic for the statistics tests, independent of PejlingKit's code.
///
/// Fisher's test for tables of up to 60 cases a row: the table with `a = x` has the whole
/// weight C(n₁, x)·C(n₂, c₁ − x), its probability is that weight over their sum, and the
/// p-value is tail / all with both whole numbers. C(120, 60) < 2¹¹⁷, so 20 · all fits
/// UInt128, and every comparison is one of whole numbers.
enum ExactOracle {
    /// The largest row the oracle takes.
    static let maximumRow = 60

    /// C(n, k) for n up to 2 × 60, from ``binomials``.
    static func binomial(_ n: Int, _ k: Int) -> UInt128 { binomials[n][k] }

    /// Pascal's triangle up to row 120 (C(120, 60) < 2¹¹⁷).
    static let binomials: [[UInt128]] = {
        var rows: [[UInt128]] = [[1]]
        for n in 1...(2 * maximumRow) {
            let previous = rows[n - 1]
            rows.append((0...n).map { k in (k > 0 ? previous[k - 1] : 0) + (k < n ? previous[k] : 0) })
        }
        return rows
    }()

    /// The weights of every table with rows `n1`, `n2` and first column `c1`, from the
    /// smallest `a` the margins allow (`lowest`) up.
    static func weights(n1: Int, n2: Int, c1: Int) -> (lowest: Int, weights: [UInt128]) {
        let lowest = max(0, c1 - n2), highest = min(n1, c1)
        return (lowest, (lowest...highest).map { x in binomials[n1][x] * binomials[n2][c1 - x] })
    }

    /// The exact two-sided p-value of `[[a, b], [c, d]]` as `tail / all`: the weights no
    /// larger than the observed one, over all.
    static func pValue(a: Int, b: Int, c: Int, d: Int) -> (tail: UInt128, all: UInt128) {
        let (lowest, weights) = weights(n1: a + b, n2: c + d, c1: a + c)
        let observed = weights[a - lowest]
        return (weights.filter { $0 <= observed }.reduce(0, +), weights.reduce(0, +))
    }

    /// `numerator / denominator` as a double, near enough for a 1e-12 comparison.
    static func double(_ numerator: UInt128, _ denominator: UInt128) -> Double {
        Double(numerator) / Double(denominator)
    }

    /// Whether `whole` is `numerator / denominator` rounded a half up, by the definition:
    /// whole − ½ ≤ n/d < whole + ½, compared as whole numbers (d > 0).
    static func isRoundedHalfUp(_ whole: Int, _ numerator: Int, _ denominator: Int) -> Bool {
        let n = Int128(numerator), d = Int128(denominator), w = Int128(whole)
        return (2 * w - 1) * d <= 2 * n && 2 * n < (2 * w + 1) * d
    }

    /// Whether `whole` is `numerator / denominator` rounded a half away from zero (d > 0):
    /// its magnitude rounds a half up, and it has the ratio's sign.
    static func isRoundedHalfAwayFromZero(_ whole: Int, _ numerator: Int, _ denominator: Int) -> Bool {
        guard isRoundedHalfUp(abs(whole), abs(numerator), denominator) else { return false }
        return whole == 0 || (whole < 0) == (numerator < 0)
    }
}
