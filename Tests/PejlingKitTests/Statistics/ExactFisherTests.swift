import Foundation
import Testing
@testable import PejlingKit

/// Fisher's test decided exactly: checked against ``ExactOracle``'s whole-number p-values.
@Suite struct ExactFisherTests {
    /// Every table with rows of 1–60 cases whose exact p-value is 1/20, found by the oracle
    /// over all 3.6 million such tables (not a list written down).
    static let exactOneTwentieth: [(a: Int, b: Int, c: Int, d: Int)] = {
        var found: [(a: Int, b: Int, c: Int, d: Int)] = []
        for n1 in 1...ExactOracle.maximumRow {
            for n2 in 1...ExactOracle.maximumRow {
                for c1 in 1..<(n1 + n2) {
                    // all = C(n₁ + n₂, c₁); p = tail / all is 1/20 only if 20 divides it.
                    guard ExactOracle.binomial(n1 + n2, c1) % 20 == 0 else { continue }
                    let (lowest, weights) = ExactOracle.weights(n1: n1, n2: n2, c1: c1)
                    let all = weights.reduce(0, +)
                    // The tail of a weight w is the sum of the weights ≤ w: walk the sorted
                    // weights, one run of equal weights at a time.
                    let sorted = weights.sorted()
                    var tail: UInt128 = 0
                    var index = 0
                    while index < sorted.count {
                        let weight = sorted[index]
                        while index < sorted.count, sorted[index] == weight {
                            tail += weight
                            index += 1
                        }
                        guard 20 * tail == all else { continue }
                        for (offset, observed) in weights.enumerated() where observed == weight {
                            let a = lowest + offset
                            found.append((a, n1 - a, c1 - a, n2 - c1 + a))
                        }
                    }
                }
            }
        }
        return found
    }()

    /// 1 af 1 against 0 af 19: p = 1/20 exactly, which is not below 5 %.
    @Test func oneOfOneAgainstZeroOfNineteen() throws {
        let outcome = try #require(FisherExactTest.test(a: 1, b: 0, c: 0, d: 19))
        #expect(!outcome.isSignificant)
        #expect(abs(outcome.pValue - 0.05) < 1e-15)
        #expect(ExportNumber.significant(outcome.pValue) == "0.05000")
    }

    @Test func allThirtySixExactOneTwentiethTablesAreNotSignificant() throws {
        let tables = Self.exactOneTwentieth
        #expect(tables.count == 36)
        #expect(tables.contains { $0 == (1, 0, 0, 19) })
        for table in tables {
            let label = "[[\(table.a), \(table.b)], [\(table.c), \(table.d)]]"
            let (tail, all) = ExactOracle.pValue(a: table.a, b: table.b, c: table.c, d: table.d)
            #expect(20 * tail == all, "\(label)")
            let outcome = try #require(FisherExactTest.test(a: table.a, b: table.b, c: table.c, d: table.d), "\(label)")
            #expect(!outcome.isSignificant, "\(label) is called significant")
            #expect(abs(outcome.pValue - 0.05) < 1e-12, "\(label): \(outcome.pValue)")
            let from = try #require(Share(opfyldt: table.a, ikkeOpfyldt: table.b))
            let to = try #require(Share(opfyldt: table.c, ikkeOpfyldt: table.d))
            let comparison = try #require(Comparison(criterionID: "x", from: from, fromDate: day, to: to, toDate: later))
            #expect(comparison.verdict == .withinChance, "\(label)")
        }
    }

    /// Every table with rows of up to 20 cases: the same p-value as the oracle's to 1e-9,
    /// and the same verdict, decided exactly.
    @Test func agreesWithTheOracleOnEveryTableUpToTwenty() throws {
        var disagreements = 0
        for n1 in 1...20 { for n2 in 1...20 { for a in 0...n1 { for c in 0...n2 {
            let (b, d) = (n1 - a, n2 - c)
            let outcome = try #require(FisherExactTest.test(a: a, b: b, c: c, d: d))
            let (tail, all) = ExactOracle.pValue(a: a, b: b, c: c, d: d)
            let expected = ExactOracle.double(tail, all)
            let agrees = outcome.isSignificant == (20 * tail < all) && abs(outcome.pValue - expected) <= 1e-9 * expected
            if !agrees {
                disagreements += 1
                if disagreements <= 10 {
                    Issue.record("[[\(a), \(b)], [\(c), \(d)]]: \(outcome) against \(tail)/\(all)")
                }
            }
        } } } }
        #expect(disagreements == 0)
    }

    /// Every table with rows of up to 60 cases whose exact p-value lies within 2 % of 1/20:
    /// significant exactly when the oracle's p-value is below it.
    @Test func nearOneTwentiethTheVerdictIsTheOraclesUpToSixty() throws {
        var checked = 0
        var random = SeededRandom(seed: 15)
        for n1 in 1...ExactOracle.maximumRow { for n2 in 1...ExactOracle.maximumRow {
            // A fifth of the row pairs beyond 20 (chosen by the seeded generator), every one below.
            guard n1 <= 20 && n2 <= 20 || random.chance(20) else { continue }
            for c1 in 1..<(n1 + n2) {
                let (lowest, weights) = ExactOracle.weights(n1: n1, n2: n2, c1: c1)
                let all = weights.reduce(0, +)
                for (offset, observed) in weights.enumerated() {
                    let tail = weights.reduce(UInt128(0)) { $1 <= observed ? $0 + $1 : $0 }
                    // 0.049 ≤ p ≤ 0.051
                    guard 1000 * tail >= 49 * all, 1000 * tail <= 51 * all else { continue }
                    let a = lowest + offset
                    let table = (a: a, b: n1 - a, c: c1 - a, d: n2 - c1 + a)
                    let outcome = try #require(FisherExactTest.test(a: table.a, b: table.b, c: table.c, d: table.d))
                    #expect(outcome.isSignificant == (20 * tail < all), "\(table): \(outcome.pValue)")
                    checked += 1
                }
            }
        } }
        #expect(checked > 1_000)
    }

    /// Tables equally likely in exact arithmetic count alike, also when they are not mirror
    /// images: 0!·2!·2!·3! = 1!·1!·1!·4!.
    @Test func equallyLikelyTablesAreDecidedExactly() {
        let table = FisherExactTest.Table(a: 0, b: 2, c: 2, d: 3)
        #expect(table.compareWeights(1, 0) == 0)
        #expect(table.compareWeights(0, 1) == 0)
        // Against the oracle: the sign of W(x) − W(y) for every pair of tables of some margins.
        for (n1, n2, c1) in [(2, 5, 2), (7, 13, 9), (20, 20, 21), (12, 30, 17), (60, 59, 61)] {
            let (lowest, weights) = ExactOracle.weights(n1: n1, n2: n2, c1: c1)
            let table = FisherExactTest.Table(a: lowest, b: n1 - lowest, c: c1 - lowest, d: n2 - c1 + lowest)
            for (i, wx) in weights.enumerated() { for (j, wy) in weights.enumerated() {
                let expected = wx == wy ? 0 : (wx < wy ? -1 : 1)
                #expect(table.compareWeights(lowest + i, lowest + j) == expected, "\(n1), \(n2), \(c1): \(i) vs \(j)")
            } }
        }
    }

    /// The whole-number path on tables beyond the oracle, against SciPy's p-values.
    @Test(arguments: [
        (300, 700, 340, 660, 0.06151337461771603),
        (40, 60, 55, 45, 0.04716548538301931),
        (8, 12, 15, 5, 0.05355099259437413),
    ])
    func exactTailMatchesSciPy(a: Int, b: Int, c: Int, d: Int, expected: Double) {
        let table = FisherExactTest.Table(a: a, b: b, c: c, d: d)
        let exact = table.exactTail(observed: a, in: table.lowest...table.highest)
        #expect(abs(exact.pValue - expected) <= 1e-9 * expected, "\(exact.pValue)")
        #expect(exact.isBelowOneTwentieth == (expected < 0.05))
    }

    /// Summed only where floating point sees a weight (here about 70–930 of 0–1.000), the
    /// exact tail decides as the full sum does, against SciPy's p-values.
    @Test(arguments: [
        (520, 480, 480, 520, 0.08111006057913307),
        (525, 475, 475, 525, 0.028401627293124294),
        (500, 500, 545, 455, 0.048841425648769775),
    ])
    func exactTailOverTheVisibleTablesDecidesAsTheFullSum(a: Int, b: Int, c: Int, d: Int, expected: Double) throws {
        let table = FisherExactTest.Table(a: a, b: b, c: c, d: d)
        let logMode = table.logDensity(table.mode)
        let visible = (table.lowest...table.highest).filter { exp(table.logDensity($0) - logMode) > 0 }
        let range = try #require(visible.first)...(try #require(visible.last))
        #expect(range.count < table.highest - table.lowest + 1)
        let truncated = table.exactTail(observed: a, in: range)
        let full = table.exactTail(observed: a, in: table.lowest...table.highest)
        #expect(truncated.isBelowOneTwentieth == full.isBelowOneTwentieth)
        #expect(truncated.isBelowOneTwentieth == (expected < 0.05))
        #expect(abs(truncated.pValue - expected) <= 1e-9 * expected, "\(truncated.pValue)")
    }

    @Test func rowsOfAHundredThousandAreComputed() throws {
        let extreme = try #require(FisherExactTest.test(a: 0, b: 100_000, c: 100_000, d: 0))
        #expect(extreme.isSignificant)
        #expect(extreme.pValue < 1e-300)
        let even = try #require(FisherExactTest.test(a: 50_000, b: 50_000, c: 50_000, d: 50_000))
        #expect(!even.isSignificant)
        #expect(even.pValue == 1)
        let near = try #require(FisherExactTest.test(a: 50_000, b: 50_000, c: 50_001, d: 49_999))
        #expect(!near.isSignificant)
        #expect(near.pValue > 0.99)
        // 1 % more of 100.000 cases is far beyond chance.
        let percent = try #require(FisherExactTest.test(a: 50_000, b: 50_000, c: 51_000, d: 49_000))
        #expect(percent.isSignificant)
    }

    /// A row of more than 100.000 cases is not computed: no p-value of 1 for 0 of 1,5 mia.
    /// against all of 1,5 mia., and no comparison.
    @Test(arguments: [
        (0, 1_500_000_000, 1_500_000_000, 0),
        (0, 100_001, 1, 0),
        (50_001, 50_000, 1, 1),
        (1, 1, 100_000, 1),
        (-1, 2, 3, 4),
        (Int.max, 1, 1, 1),
    ])
    func beyondTheLimitIsNotComputed(a: Int, b: Int, c: Int, d: Int) throws {
        #expect(FisherExactTest.test(a: a, b: b, c: c, d: d) == nil)
        #expect(FisherExactTest.twoSidedPValue(a: a, b: b, c: c, d: d) == nil)
        #expect(!FisherExactTest.isSignificant(a: a, b: b, c: c, d: d))
        if let from = Share(opfyldt: a, ikkeOpfyldt: b), let to = Share(opfyldt: c, ikkeOpfyldt: d) {
            #expect(Comparison(criterionID: "x", from: from, fromDate: day, to: to, toDate: later) == nil)
        }
    }
}

private let day = ISODate("2015-04-01")!
private let later = ISODate("2017-03-01")!
