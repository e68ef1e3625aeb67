#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's exact test on a 2×2 table: is the difference between two shares larger than
/// chance would explain at that sample size?
///
/// The table is `[[a, b], [c, d]]`: one row per measurement, columns opfyldt and
/// ikke_opfyldt.
///
/// ```swift
/// // 8 of 20 in the case review, 15 of 20 in the pejling:
/// FisherExactTest.twoSidedPValue(a: 8, b: 12, c: 15, d: 5)   // 0.0536
/// FisherExactTest.isSignificant(a: 8, b: 12, c: 15, d: 5)    // false
/// ```
public enum FisherExactTest {
    /// The largest table (`a + b + c + d`) the test computes; beyond it the p-value is 1.
    ///
    /// ```swift
    /// FisherExactTest.maximumTotal   // 2_147_483_648
    /// ```
    public static let maximumTotal = 1 << 31

    /// The exact two-sided p-value of the table `[[a, b], [c, d]]`, as R's `fisher.test`
    /// computes it: the total probability, given the table's margins, of every table
    /// that is no more likely than the observed one (with a relative tolerance of 1e-7,
    /// so that tables equally likely in exact arithmetic count alike).
    ///
    /// A table with a row or a column all zero gives 1, as do tables that are not tables
    /// of counts (a negative count, or more than ``maximumTotal`` cases in all): callers
    /// validate counts before they test them. Every table of up to 1.000 cases gets a
    /// p-value above 0; in far larger tables, one astronomically unlikely (below about
    /// 1e-300) gets 0, as in R.
    ///
    /// ```swift
    /// FisherExactTest.twoSidedPValue(a: 6, b: 11, c: 10, d: 7)   // 0.3028
    /// FisherExactTest.twoSidedPValue(a: 0, b: 0, c: 3, d: 4)     // 1.0
    /// ```
    public static func twoSidedPValue(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard a >= 0, b >= 0, c >= 0, d >= 0,
              a <= maximumTotal, b <= maximumTotal, c <= maximumTotal, d <= maximumTotal
        else { return 1 }
        let firstRow = a + b
        let firstColumn = a + c
        let total = firstRow + c + d
        guard total <= maximumTotal else { return 1 }
        let secondRow = total - firstRow
        let secondColumn = total - firstColumn
        guard firstRow > 0, secondRow > 0, firstColumn > 0, secondColumn > 0 else { return 1 }

        // Given the margins, `a` alone fixes the table, and it is hypergeometric on
        // lowest...highest. Its log-probability up to a constant that cancels:
        let lowest = Swift.max(0, firstColumn - secondRow)
        let highest = Swift.min(firstRow, firstColumn)
        func logDensity(_ x: Int) -> Double {
            -(logFactorial(x) + logFactorial(firstRow - x)
                + logFactorial(firstColumn - x) + logFactorial(secondRow - firstColumn + x))
        }
        // The distribution is unimodal: weigh every table against the mode, and walk out
        // from it until the weights underflow to 0 (as R's `exp(d - max(d))` does).
        let mode = Swift.min(Swift.max((firstRow + 1) * (firstColumn + 1) / (total + 2), lowest), highest)
        let logMode = logDensity(mode)
        let observed = exp(logDensity(a) - logMode)
        let threshold = observed * (1 + 1e-7)

        var weights: [Double] = [1]
        var x = mode - 1
        while x >= lowest {
            let weight = exp(logDensity(x) - logMode)
            if weight == 0 { break }
            weights.append(weight)
            x -= 1
        }
        x = mode + 1
        while x <= highest {
            let weight = exp(logDensity(x) - logMode)
            if weight == 0 { break }
            weights.append(weight)
            x += 1
        }
        // Sum smallest first, so the result does not depend on the walk's order.
        weights.sort()
        var all = 0.0
        var asExtreme = 0.0
        for weight in weights {
            all += weight
            if weight <= threshold { asExtreme += weight }
        }
        guard all > 0, all.isFinite else { return 1 }
        return Swift.min(asExtreme / all, 1)
    }

    /// Whether the table's two-sided p-value is below `level` (5 % unless told).
    ///
    /// ```swift
    /// FisherExactTest.isSignificant(a: 2, b: 18, c: 12, d: 8)                // true
    /// FisherExactTest.isSignificant(a: 8, b: 12, c: 15, d: 5, level: 0.1)   // true
    /// ```
    public static func isSignificant(a: Int, b: Int, c: Int, d: Int, level: Double = 0.05) -> Bool {
        twoSidedPValue(a: a, b: b, c: c, d: d) < level
    }

    /// The two-sided p-value comparing two shares: rows `first` and `second`, columns
    /// opfyldt and ikke opfyldt. A share with no relevant case gives 1.
    ///
    /// ```swift
    /// if let before = Share(opfyldt: 6, relevante: 17), let after = Share(opfyldt: 10, relevante: 17) {
    ///     FisherExactTest.twoSidedPValue(before, after)   // 0.3028
    /// }
    /// ```
    public static func twoSidedPValue(_ first: Share, _ second: Share) -> Double {
        twoSidedPValue(a: first.opfyldt, b: first.ikkeOpfyldt, c: second.opfyldt, d: second.ikkeOpfyldt)
    }

    /// Whether the difference between two shares is significant at `level` (5 % unless told).
    ///
    /// ```swift
    /// if let before = Share(opfyldt: 8, relevante: 20), let after = Share(opfyldt: 15, relevante: 20) {
    ///     FisherExactTest.isSignificant(before, after)   // false (p = 0.054)
    /// }
    /// ```
    public static func isSignificant(_ first: Share, _ second: Share, level: Double = 0.05) -> Bool {
        twoSidedPValue(first, second) < level
    }

    // MARK: - Log-factorials

    /// log(n!) for small n, computed once (with the overlay's reentrant `lgamma`, which
    /// returns the sign instead of writing the global `signgam`).
    private static let logFactorialTable: [Double] = (0..<tableSize).map { n in
        let (value, _): (Double, Int) = lgamma(Double(n) + 1)
        return value
    }
    private static let tableSize = 4096

    /// log(n!): from the table, and beyond it by Stirling's series (whose first omitted
    /// term is below 1e-28 there, far under the rounding of the result).
    static func logFactorial(_ n: Int) -> Double {
        if n < tableSize { return logFactorialTable[Swift.max(n, 0)] }
        let x = Double(n) + 1   // log(n!) = log Γ(x)
        let inverse = 1 / x
        let inverseSquared = inverse * inverse
        let series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared * (1.0 / 1260 - inverseSquared / 1680)))
        return (x - 0.5) * log(x) - x + 0.918_938_533_204_672_8 + series
    }
}
