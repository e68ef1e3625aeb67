#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's exact test on a 2×2 table: is the difference between two shares larger than
/// chance would explain at that sample size?
///
/// The table is `[[a, b], [c, d]]`: one row per measurement, columns opfyldt and
/// ikke_opfyldt. Significance is decided on the exact p-value: a table whose p-value is
/// exactly 0.05 (1 af 1 against 0 af 19) is not significant.
///
/// ```swift
/// // 8 of 20 in the case review, 15 of 20 in the pejling:
/// FisherExactTest.twoSidedPValue(a: 8, b: 12, c: 15, d: 5)   // 0.0536
/// FisherExactTest.isSignificant(a: 8, b: 12, c: 15, d: 5)    // false
/// FisherExactTest.test(a: 1, b: 0, c: 0, d: 19)             // p 0.05, not significant
/// ```
enum FisherExactTest {
    /// The most relevant cases a measurement (a row of the table, `a + b` or `c + d`) may
    /// have: up to it the test is computed exactly, beyond it not at all. Measurement files
    /// with a larger count are refused when they are loaded.
    ///
    /// ```swift
    /// FisherExactTest.maximumCount   // 100_000
    /// ```
    public static let maximumCount = 100_000

    /// The test's result: the p-value, and whether it is below 5 %, decided exactly.
    ///
    /// ```swift
    /// FisherExactTest.test(a: 2, b: 18, c: 12, d: 8)?.isSignificant   // true
    /// ```
    public struct Outcome: Sendable, Hashable {
        /// The two-sided p-value to double precision (0 when the observed table is below
        /// about 1e-320 of the most likely one, as in R).
        public let pValue: Double
        /// Whether the exact p-value is below 1/20; a p-value of exactly 0.05 is not.
        public let isSignificant: Bool
    }

    /// The exact two-sided test of the table `[[a, b], [c, d]]` by the rule of R's
    /// `fisher.test`: the total probability, given the table's margins, of every table that
    /// is no more likely than the observed one. Which tables those are (R: within a relative
    /// 1e-7), and whether the sum is below 1/20, is decided in exact arithmetic wherever
    /// floating point could tip it.
    ///
    /// `nil` for what is not a table of counts this test computes: a negative count, or a
    /// row of more than ``maximumCount`` cases. A row or a column all zero gives p = 1.
    ///
    /// ```swift
    /// FisherExactTest.test(a: 6, b: 11, c: 10, d: 7)?.pValue        // 0.3028
    /// FisherExactTest.test(a: 1, b: 0, c: 0, d: 19)?.isSignificant  // false (p = 1/20)
    /// FisherExactTest.test(a: 0, b: 0, c: 3, d: 4)?.pValue          // 1.0
    /// ```
    public static func test(a: Int, b: Int, c: Int, d: Int) -> Outcome? {
        guard a >= 0, b >= 0, c >= 0, d >= 0,
              a <= maximumCount, b <= maximumCount, c <= maximumCount, d <= maximumCount,
              a + b <= maximumCount, c + d <= maximumCount
        else { return nil }
        let table = Table(a: a, b: b, c: c, d: d)
        guard table.firstRow > 0, table.secondRow > 0, table.firstColumn > 0, table.secondColumn > 0 else {
            return Outcome(pValue: 1, isSignificant: false)
        }

        // Given the margins, `a` alone fixes the table, and it is hypergeometric on
        // lowest...highest. Weigh every table against the mode (log-densities up to a
        // constant that cancels), and walk out from it until the weights underflow to 0,
        // as R's `exp(d - max(d))` does.
        let mode = table.mode
        let logMode = table.logDensity(mode)
        let logObserved = table.logDensity(a)
        // So unlikely (below about 1e-320 of the mode) that p < 1/20 beyond doubt: p is at
        // most the sum of 100.001 such tables.
        guard exp(logObserved - logMode) > 0 else { return Outcome(pValue: 0, isSignificant: true) }

        var weights: [(weight: Double, asExtreme: Bool)] = []
        func visit(_ x: Int) -> Bool {
            let logDensity = table.logDensity(x)
            let weight = exp(logDensity - logMode)
            guard weight > 0 else { return false }
            weights.append((weight, x == a || table.isAsExtreme(x, observed: a, logDifference: logDensity - logObserved)))
            return true
        }
        _ = visit(mode)
        var x = mode - 1
        while x >= table.lowest, visit(x) { x -= 1 }
        let lowestVisited = x + 1
        x = mode + 1
        while x <= table.highest, visit(x) { x += 1 }
        let highestVisited = x - 1

        // Sum smallest first, so the result does not depend on the walk's order.
        weights.sort { $0.weight < $1.weight }
        var all = 0.0
        var asExtreme = 0.0
        for entry in weights {
            all += entry.weight
            if entry.asExtreme { asExtreme += entry.weight }
        }
        let p = Swift.min(asExtreme / all, 1)

        // The sums above are within about 1e-8 (relative) of the exact p-value for every
        // table up to maximumCount; near 1/20 the exact sum decides.
        if p < 0.05 * (1 - 1e-6) { return Outcome(pValue: p, isSignificant: true) }
        if p > 0.05 * (1 + 1e-6) { return Outcome(pValue: p, isSignificant: false) }
        let exact = table.exactTail(observed: a, in: lowestVisited...highestVisited)
        return Outcome(pValue: exact.pValue, isSignificant: exact.isBelowOneTwentieth)
    }

    /// The exact two-sided p-value of the table `[[a, b], [c, d]]` (see ``test(a:b:c:d:)``);
    /// `nil` for a negative count or a row of more than ``maximumCount`` cases.
    ///
    /// ```swift
    /// FisherExactTest.twoSidedPValue(a: 6, b: 11, c: 10, d: 7)   // 0.3028
    /// FisherExactTest.twoSidedPValue(a: 0, b: 0, c: 3, d: 4)     // 1.0
    /// ```
    public static func twoSidedPValue(a: Int, b: Int, c: Int, d: Int) -> Double? {
        test(a: a, b: b, c: c, d: d)?.pValue
    }

    /// Whether the table's exact two-sided p-value is below 5 % (exactly 0.05 is not);
    /// `false` for what ``test(a:b:c:d:)`` does not compute.
    ///
    /// ```swift
    /// FisherExactTest.isSignificant(a: 2, b: 18, c: 12, d: 8)   // true
    /// FisherExactTest.isSignificant(a: 1, b: 0, c: 0, d: 19)    // false: p = 0.05 exactly
    /// ```
    public static func isSignificant(a: Int, b: Int, c: Int, d: Int) -> Bool {
        test(a: a, b: b, c: c, d: d)?.isSignificant ?? false
    }

    /// The test comparing two shares: rows `first` and `second`, columns opfyldt and ikke
    /// opfyldt. A share with no relevant case gives p = 1; `nil` beyond ``maximumCount``.
    ///
    /// ```swift
    /// if let before = Share(opfyldt: 6, relevante: 17), let after = Share(opfyldt: 10, relevante: 17) {
    ///     FisherExactTest.test(before, after)?.pValue   // 0.3028
    /// }
    /// ```
    public static func test(_ first: Share, _ second: Share) -> Outcome? {
        test(a: first.opfyldt, b: first.ikkeOpfyldt, c: second.opfyldt, d: second.ikkeOpfyldt)
    }

    /// The two-sided p-value comparing two shares (see ``test(_:_:)``).
    ///
    /// ```swift
    /// if let before = Share(opfyldt: 6, relevante: 17), let after = Share(opfyldt: 10, relevante: 17) {
    ///     FisherExactTest.twoSidedPValue(before, after)   // 0.3028
    /// }
    /// ```
    public static func twoSidedPValue(_ first: Share, _ second: Share) -> Double? {
        test(first, second)?.pValue
    }

    /// Whether the difference between two shares is significant at 5 %, decided exactly.
    ///
    /// ```swift
    /// if let before = Share(opfyldt: 8, relevante: 20), let after = Share(opfyldt: 15, relevante: 20) {
    ///     FisherExactTest.isSignificant(before, after)   // false (p = 0.054)
    /// }
    /// ```
    public static func isSignificant(_ first: Share, _ second: Share) -> Bool {
        test(first, second)?.isSignificant ?? false
    }

    // MARK: - The table

    /// A 2×2 table's margins, with rows of at most ``maximumCount`` (so every product below
    /// fits an `Int`).
    struct Table {
        let firstRow: Int
        let secondRow: Int
        let firstColumn: Int
        let total: Int

        init(a: Int, b: Int, c: Int, d: Int) {
            firstRow = a + b
            secondRow = c + d
            firstColumn = a + c
            total = firstRow + secondRow
        }

        var secondColumn: Int { total - firstColumn }
        /// The smallest and largest `a` the margins allow.
        var lowest: Int { Swift.max(0, firstColumn - secondRow) }
        var highest: Int { Swift.min(firstRow, firstColumn) }
        /// The most likely `a`.
        var mode: Int { Swift.min(Swift.max((firstRow + 1) * (firstColumn + 1) / (total + 2), lowest), highest) }

        /// The four numbers whose factorials divide the weight of the table with `a = x`:
        /// the table's own cells.
        func cells(_ x: Int) -> [Int] {
            [x, firstRow - x, firstColumn - x, secondRow - firstColumn + x]
        }

        /// log P(a = x) up to a constant that cancels.
        func logDensity(_ x: Int) -> Double {
            -(logFactorial(x) + logFactorial(firstRow - x)
                + logFactorial(firstColumn - x) + logFactorial(secondRow - firstColumn + x))
        }
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
