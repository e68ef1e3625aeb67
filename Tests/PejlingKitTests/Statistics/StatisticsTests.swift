#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import PejlingKit

private func isClose(_ x: Double, _ y: Double, relative: Double) -> Bool {
    abs(x - y) <= relative * Swift.max(abs(x), abs(y))
}

// MARK: - Share

@Suite struct ShareTests {
    @Test func countsAndFraction() throws {
        let share = try #require(Share(opfyldt: 6, relevante: 17))
        #expect(share.opfyldt == 6)
        #expect(share.relevante == 17)
        #expect(share.ikkeOpfyldt == 11)
        #expect(share.fraction == 6.0 / 17.0)
    }

    @Test func fromOpfyldtAndIkkeOpfyldt() throws {
        let share = try #require(Share(opfyldt: 6, ikkeOpfyldt: 11))
        #expect(share == Share(opfyldt: 6, relevante: 17))
    }

    @Test func noRelevantCaseHasNoFractionAndNoInterval() throws {
        let share = try #require(Share(opfyldt: 0, relevante: 0))
        #expect(share.fraction == nil)
        #expect(share.interval == nil)
    }

    @Test(arguments: [(-1, 5), (6, 5), (0, -1), (-3, -1)])
    func impossibleCountsAreRejected(opfyldt: Int, relevante: Int) {
        #expect(Share(opfyldt: opfyldt, relevante: relevante) == nil)
    }

    @Test func impossibleOpfyldtIkkeOpfyldtAreRejected() {
        #expect(Share(opfyldt: -1, ikkeOpfyldt: 3) == nil)
        #expect(Share(opfyldt: 3, ikkeOpfyldt: -1) == nil)
        #expect(Share(opfyldt: Int.max, ikkeOpfyldt: 1) == nil)
    }

    @Test func intervalIsTheWilsonInterval() throws {
        let share = try #require(Share(opfyldt: 10, relevante: 20))
        #expect(share.interval == WilsonInterval(successes: 10, trials: 20))
    }
}

// MARK: - Wilson interval

@Suite struct WilsonIntervalTests {
    /// Reference values computed with Python from the closed form
    /// (center ∓ half-width, z = 1.959963984540054).
    @Test(arguments: [
        (10, 20, 0.2992980081982123, 0.7007019918017877),
        (0, 20, 0.0, 0.16112515805281938),
        (20, 20, 0.8388748419471806, 1.0),
        (6, 17, 0.1730972039724375, 0.5869963651478132),
        (10, 17, 0.36005442642999785, 0.7838894320978518),
        (8, 20, 0.21880653237281708, 0.6134184992377468),
        (15, 20, 0.531299122381256, 0.8881382985923343),
        (1, 1, 0.20654931437723745, 1.0),
        (300, 1000, 0.2724068424770048, 0.3291238609172172),
    ])
    func referenceValues(k: Int, n: Int, lower: Double, upper: Double) throws {
        let w = try #require(WilsonInterval(successes: k, trials: n))
        #expect(abs(w.lower - lower) <= 1e-12)
        #expect(abs(w.upper - upper) <= 1e-12)
    }

    @Test func tenOfTwentyIsThirtyToSeventyPercent() throws {
        let w = try #require(WilsonInterval(successes: 10, trials: 20))
        #expect(abs(w.lower - 0.2993) < 1e-4)
        #expect(abs(w.upper - 0.7007) < 1e-4)
    }

    @Test func extremesAreExact() throws {
        let none = try #require(WilsonInterval(successes: 0, trials: 20))
        #expect(none.lower == 0)
        #expect(abs(none.upper - 0.1611) < 1e-4)
        let all = try #require(WilsonInterval(successes: 20, trials: 20))
        #expect(all.upper == 1)
        #expect(abs(all.lower - 0.8389) < 1e-4)
    }

    @Test(arguments: [(0, 0), (1, 0), (-1, 10), (11, 10), (0, -5)])
    func noIntervalWithoutValidTrials(k: Int, n: Int) {
        #expect(WilsonInterval(successes: k, trials: n) == nil)
    }

    @Test(arguments: [0.0, -1.96, Double.nan, Double.infinity])
    func invalidCriticalValueGivesNoInterval(z: Double) {
        #expect(WilsonInterval(successes: 5, trials: 10, confidence: z) == nil)
    }

    @Test func largerCriticalValueGivesWiderInterval() throws {
        let w95 = try #require(WilsonInterval(successes: 5, trials: 10))
        let w99 = try #require(WilsonInterval(successes: 5, trials: 10, confidence: 2.5758293035489))
        #expect(w99.lower < w95.lower)
        #expect(w99.upper > w95.upper)
    }

    @Test func propertiesOverRandomShares() throws {
        var generator = SeededRandom(state: 20_150_401)
        for _ in 0..<5_000 {
            let n = Int.random(in: 1...1000, using: &generator)
            let k = Int.random(in: 0...n, using: &generator)
            let w = try #require(WilsonInterval(successes: k, trials: n))
            let mirror = try #require(WilsonInterval(successes: n - k, trials: n))
            let p = Double(k) / Double(n)
            #expect(w.lower <= p && p <= w.upper, "\(k)/\(n): \(w) does not contain \(p)")
            #expect(0 <= w.lower && w.upper <= 1, "\(k)/\(n): \(w)")
            #expect(w.lower <= w.upper, "\(k)/\(n): \(w)")
            #expect(abs(w.lower - (1 - mirror.upper)) <= 1e-12, "\(k)/\(n): \(w) vs \(mirror)")
            #expect(abs(w.upper - (1 - mirror.lower)) <= 1e-12, "\(k)/\(n): \(w) vs \(mirror)")
            #expect((k == 0) == (w.lower == 0), "\(k)/\(n): \(w)")
            #expect((k == n) == (w.upper == 1), "\(k)/\(n): \(w)")
        }
    }

    @Test func boundsRiseWithSuccesses() throws {
        for n in [1, 2, 17, 20, 101, 1000] {
            var previous = try #require(WilsonInterval(successes: 0, trials: n))
            for k in 1...n {
                let w = try #require(WilsonInterval(successes: k, trials: n))
                #expect(w.lower > previous.lower && w.upper >= previous.upper, "\(k)/\(n)")
                previous = w
            }
        }
    }
}

// MARK: - Fisher's exact test

@Suite struct FisherExactTestTests {
    @Test func eightToFifteenOfTwentyIsNotSignificant() {
        let p = FisherExactTest.twoSidedPValue(a: 8, b: 12, c: 15, d: 5) ?? .nan
        #expect(abs(p - 0.0538) < 1e-3)
        #expect(!FisherExactTest.isSignificant(a: 8, b: 12, c: 15, d: 5))
    }

    /// Reference p-values from `scipy.stats.fisher_exact` (SciPy 1.17.1), which uses
    /// the same rule as R (tables no more likely than the observed, tolerance 1e-7).
    @Test(arguments: [
        (8, 12, 15, 5, 0.05355099259437413),
        (6, 11, 10, 7, 0.30282906085157757),
        (300, 700, 340, 660, 0.06151337461771603),
        (3, 1, 1, 3, 0.48571428571428565),
        (0, 5, 5, 0, 0.007936507936507938),
        (2, 8, 8, 2, 0.023014137565221155),
        (1, 9, 11, 3, 0.0027594561852200836),
        (450, 50, 30, 470, 5.544323998374757e-182),
        (0, 20, 20, 0, 1.4508889103849688e-11),
        (7, 13, 7, 13, 1.0),
        (12, 5, 3, 0, 0.5394736842105262),
        (0, 20, 1, 19, 1.0),
        (250, 250, 240, 260, 0.5691584133790856),
        (2, 18, 12, 8, 0.002199641243022778),
        (500, 0, 0, 500, 7.399507995628049e-300),
        (123, 377, 201, 299, 1.7802035077466666e-07),
        (17, 3, 4, 16, 8.75017463497417e-05),
        (40, 60, 55, 45, 0.04716548538301931),
    ])
    func matchesSciPy(a: Int, b: Int, c: Int, d: Int, expected: Double) {
        let p = FisherExactTest.twoSidedPValue(a: a, b: b, c: c, d: d) ?? .nan
        #expect(isClose(p, expected, relative: 1e-9), "[[\(a), \(b)], [\(c), \(d)]]: \(p) vs \(expected)")
    }

    @Test(arguments: [(0, 0, 3, 4), (3, 4, 0, 0), (0, 3, 0, 4), (3, 0, 4, 0), (0, 0, 0, 0), (1, 0, 0, 0)])
    func degenerateMarginsGiveOne(a: Int, b: Int, c: Int, d: Int) {
        #expect(FisherExactTest.twoSidedPValue(a: a, b: b, c: c, d: d) == 1)
        #expect(!FisherExactTest.isSignificant(a: a, b: b, c: c, d: d))
    }

    @Test(arguments: [(-1, 2, 3, 4), (1, 2, 3, -4), (Int.max, 1, 1, 1), (1 << 30, 1 << 30, 1 << 30, 1 << 30)])
    func notATableGivesNoPValue(a: Int, b: Int, c: Int, d: Int) {
        #expect(FisherExactTest.twoSidedPValue(a: a, b: b, c: c, d: d) == nil)
    }

    @Test func sharesGiveTheTableOfTheirCounts() throws {
        let before = try #require(Share(opfyldt: 6, relevante: 17))
        let after = try #require(Share(opfyldt: 10, relevante: 17))
        #expect(FisherExactTest.twoSidedPValue(before, after) == FisherExactTest.twoSidedPValue(a: 6, b: 11, c: 10, d: 7))
        #expect(!FisherExactTest.isSignificant(before, after))
        let low = try #require(Share(opfyldt: 2, relevante: 20))
        let high = try #require(Share(opfyldt: 12, relevante: 20))
        #expect(FisherExactTest.isSignificant(low, high))
    }

    @Test func propertiesOverRandomTables() {
        var generator = SeededRandom(state: 20_170_301)
        for _ in 0..<1_500 {
            let total = Int.random(in: 1...1000, using: &generator)
            // Split the total into four cells at three random cut points.
            var cuts = (0..<3).map { _ in Int.random(in: 0...total, using: &generator) }
            cuts.sort()
            let (a, b, c, d) = (cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], total - cuts[2])
            let p = FisherExactTest.twoSidedPValue(a: a, b: b, c: c, d: d) ?? .nan
            let label = "[[\(a), \(b)], [\(c), \(d)]]: \(p)"
            #expect(p > 0 && p <= 1, "\(label)")
            let rowsSwapped = FisherExactTest.twoSidedPValue(a: c, b: d, c: a, d: b) ?? .nan
            let columnsSwapped = FisherExactTest.twoSidedPValue(a: b, b: a, c: d, d: c) ?? .nan
            let transposed = FisherExactTest.twoSidedPValue(a: a, b: c, c: b, d: d) ?? .nan
            #expect(isClose(p, rowsSwapped, relative: 1e-9), "\(label) vs rows swapped \(rowsSwapped)")
            #expect(isClose(p, columnsSwapped, relative: 1e-9), "\(label) vs columns swapped \(columnsSwapped)")
            #expect(isClose(p, transposed, relative: 1e-9), "\(label) vs transposed \(transposed)")
        }
    }

    /// An independent computation for small tables: the hypergeometric probabilities
    /// by their product recurrence, no log-factorials involved.
    @Test func agreesWithDirectComputationForSmallTables() {
        func reference(a: Int, b: Int, c: Int, d: Int) -> Double {
            let row = a + b, column = a + c, total = a + b + c + d
            let lowest = Swift.max(0, column - (total - row)), highest = Swift.min(row, column)
            var probabilities: [Double] = []
            var current = 1.0
            for x in lowest...highest {
                if x > lowest {
                    // P(x) / P(x − 1) = (row − x + 1)(column − x + 1) / (x (total − row − column + x))
                    current *= Double((row - x + 1) * (column - x + 1)) / Double(x * (total - row - column + x))
                }
                probabilities.append(current)
            }
            let observed = probabilities[a - lowest]
            let sum = probabilities.reduce(0, +)
            let extreme = probabilities.filter { $0 <= observed * (1 + 1e-7) }.reduce(0, +)
            return Swift.min(1, extreme / sum)
        }
        for a in 0...6 { for b in 0...6 { for c in 0...6 { for d in 0...6 {
            guard a + b > 0, c + d > 0, a + c > 0, b + d > 0 else { continue }
            let p = FisherExactTest.twoSidedPValue(a: a, b: b, c: c, d: d) ?? .nan
            let expected = reference(a: a, b: b, c: c, d: d)
            #expect(isClose(p, expected, relative: 1e-9), "[[\(a), \(b)], [\(c), \(d)]]: \(p) vs \(expected)")
        } } } }
    }

    @Test func logFactorialIsContinuousAcrossTheTable() {
        for n in [1, 2, 10, 100, 4095, 4096, 4097, 10_000, 1_000_000] {
            let (expected, _): (Double, Int) = lgamma(Double(n) + 1)
            #expect(isClose(FisherExactTest.logFactorial(n), expected, relative: 1e-13), "log(\(n)!)")
        }
        #expect(FisherExactTest.logFactorial(0) == 0)
    }

    @Test func largeTablesBeyondTheLogFactorialTable() {
        // 3.000 of 10.000 against 3.100 of 10.000, against SciPy (below).
        let p = FisherExactTest.twoSidedPValue(a: 3000, b: 7000, c: 3100, d: 6900) ?? .nan
        #expect(isClose(p, largeTableReference, relative: 1e-7), "\(p)")
    }
}

/// `scipy.stats.fisher_exact([[3000, 7000], [3100, 6900]])`.
private let largeTableReference = 0.12838929198389457
