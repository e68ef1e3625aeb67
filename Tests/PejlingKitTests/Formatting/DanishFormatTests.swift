import Testing
@testable import PejlingKit

/// Expected strings are written with `_` for the no-break space U+00A0 and `−` for the
/// minus sign U+2212, so a plain space where a no-break one belongs fails the test.
private func nbsp(_ text: String) -> String {
    String(text.map { $0 == "_" ? "\u{00A0}" : $0 })
}

@Suite struct DanishFormatTests {
    // MARK: Per cent

    @Test(arguments: [
        (0.125, "13_%"),
        (7.0 / 20.0, "35_%"),
        (6.0 / 17.0, "35_%"),
        (0.35294, "35_%"),
        (0.0, "0_%"),
        (1.0, "100_%"),
        (0.005, "1_%"),
        (0.0049, "0_%"),
        (0.145, "15_%"),     // 14.499999999999998 in floating point, 29/200 exactly
        (0.285, "29_%"),     // 28.499999999999996 in floating point
        (0.995, "100_%"),
        (1.0 / 3.0, "33_%"),
        (2.0 / 3.0, "67_%"),
    ])
    func percentOfFraction(fraction: Double, expected: String) {
        #expect(DanishFormat.percent(fraction) == nbsp(expected))
    }

    @Test(arguments: [
        (1, 8, "13_%"),
        (7, 20, "35_%"),
        (6, 17, "35_%"),
        (10, 17, "59_%"),
        (1, 200, "1_%"),
        (29, 200, "15_%"),
        (199, 200, "100_%"),
        (1, 3, "33_%"),
        (2, 3, "67_%"),
        (0, 20, "0_%"),
        (20, 20, "100_%"),
        (1234, 1234, "100_%"),
    ])
    func percentOfCounts(k: Int, n: Int, expected: String) {
        #expect(DanishFormat.percent(k: k, n: n) == nbsp(expected))
    }

    @Test func percentWithoutRelevantCasesIsNil() {
        #expect(DanishFormat.percent(k: 0, n: 0) == nil)
        #expect(DanishFormat.percent(k: 3, n: 0) == nil)
    }

    @Test func percentOfShare() throws {
        let share = try #require(Share(opfyldt: 6, relevante: 17))
        #expect(DanishFormat.percent(share) == nbsp("35_%"))
        let empty = try #require(Share(opfyldt: 0, relevante: 0))
        #expect(DanishFormat.percent(empty) == nil)
    }

    /// The floating-point path agrees with the exact rational for every share with up to
    /// 400 relevant cases: halves are recognised despite rounding error.
    @Test func fractionAndExactRationalAgree() {
        for n in 1...400 {
            for k in 0...n {
                let exact = DanishFormat.percent(k: k, n: n)
                let floating = DanishFormat.percent(Double(k) / Double(n))
                #expect(exact == floating, "\(k)/\(n): \(String(describing: exact)) vs \(floating)")
            }
        }
    }

    @Test func percentUsesANoBreakSpace() {
        let text = DanishFormat.percent(0.5)
        #expect(text.unicodeScalars.map(\.value) == [0x35, 0x30, 0xA0, 0x25])
    }

    @Test(arguments: [Double.nan, Double.infinity, -Double.infinity, 1e300])
    func percentOfNonNumberIsMissing(value: Double) {
        #expect(DanishFormat.percent(value) == "–")
    }

    // MARK: Intervals

    @Test(arguments: [
        (10, 20, "30–70_%"),
        (0, 20, "0–16_%"),
        (20, 20, "84–100_%"),
        (6, 17, "17–59_%"),
        (300, 1000, "27–33_%"),
    ])
    func interval(k: Int, n: Int, expected: String) throws {
        let w = try #require(WilsonInterval(successes: k, trials: n))
        #expect(DanishFormat.interval(w) == nbsp(expected))
    }

    @Test func intervalUsesAnEnDash() throws {
        let w = try #require(WilsonInterval(successes: 10, trials: 20))
        #expect(DanishFormat.interval(w).unicodeScalars.contains("\u{2013}"))
        #expect(!DanishFormat.interval(w).contains("-"))
    }

    // MARK: Numbers

    @Test(arguments: [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1234, "1.234"),
        (20000, "20.000"),
        (999_999, "999.999"),
        (1_234_567, "1.234.567"),
        (-1, "-1"),
        (-1234, "-1.234"),
        (-1_234_567, "-1.234.567"),
        (Int.min, "-9.223.372.036.854.775.808"),
    ])
    func integer(value: Int, expected: String) {
        #expect(DanishFormat.integer(value) == expected)
    }

    @Test(arguments: [
        (23.5, 1, "23,5"),
        (0.35294, 3, "0,353"),
        (0.35294, 5, "0,35294"),
        (-0.04, 1, "0,0"),
        (-0.0, 2, "0,00"),
        (1234.5, 0, "1.235"),
        (1234.5, 1, "1.234,5"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (-23.45, 1, "-23,5"),
        (0.1 + 0.2, 2, "0,30"),
        (5.0, 2, "5,00"),
        (0.05, 1, "0,1"),
        (1e-10, 3, "0,000"),
        (23.5, -2, "24"),
    ])
    func decimal(value: Double, digits: Int, expected: String) {
        #expect(DanishFormat.decimal(value, digits: digits) == expected)
    }

    @Test func decimalOfNonNumberIsMissing() {
        #expect(DanishFormat.decimal(.nan, digits: 1) == "–")
        #expect(DanishFormat.decimal(-.infinity, digits: 1) == "–")
    }

    // MARK: Differences

    @Test(arguments: [
        (23.5, "+24_procentpoint"),
        (23.4, "+23_procentpoint"),
        (-5.0, "−5_procentpoint"),
        (-23.5, "−24_procentpoint"),
        (0.0, "0_procentpoint"),
        (-0.4, "0_procentpoint"),
        (0.4, "0_procentpoint"),
        (0.5, "+1_procentpoint"),
        (-0.5, "−1_procentpoint"),
        (100.0, "+100_procentpoint"),
        (-100.0, "−100_procentpoint"),
        (100.0 * (10.0 / 17.0 - 6.0 / 17.0), "+24_procentpoint"),
    ])
    func percentagePoints(difference: Double, expected: String) {
        #expect(DanishFormat.percentagePoints(difference) == nbsp(expected))
    }

    @Test func percentagePointsUseTheMinusSign() {
        let text = DanishFormat.percentagePoints(-5)
        #expect(text.unicodeScalars.first == "\u{2212}")
        #expect(!text.contains("-"))
    }

    @Test(arguments: [
        (6, 17, 10, 17, "+24_procentpoint"),
        (10, 17, 6, 17, "−24_procentpoint"),
        (8, 20, 15, 20, "+35_procentpoint"),
        (0, 8, 1, 8, "+13_procentpoint"),      // 12.5 exactly
        (1, 8, 0, 8, "−13_procentpoint"),      // −12.5 exactly
        (1, 2, 1, 2, "0_procentpoint"),
        (1, 3, 1, 6, "−16_procentpoint"),     // 33 % → 17 %, whatever the exact −16,7
        (0, 1, 1, 1, "+100_procentpoint"),
        (29, 200, 0, 1, "−15_procentpoint"),   // −14.5 exactly
    ])
    func percentagePointsBetweenShares(k1: Int, n1: Int, k2: Int, n2: Int, expected: String) throws {
        let from = try #require(Share(opfyldt: k1, relevante: n1))
        let to = try #require(Share(opfyldt: k2, relevante: n2))
        #expect(DanishFormat.percentagePoints(from: from, to: to) == nbsp(expected))
    }

    @Test func percentagePointsWithoutRelevantCasesIsNil() throws {
        let empty = try #require(Share(opfyldt: 0, relevante: 0))
        let some = try #require(Share(opfyldt: 3, relevante: 4))
        #expect(DanishFormat.percentagePoints(from: empty, to: some) == nil)
        #expect(DanishFormat.percentagePoints(from: some, to: empty) == nil)
    }

    @Test func percentagePointsOfNonNumberIsMissing() {
        #expect(DanishFormat.percentagePoints(.nan) == "–")
        #expect(DanishFormat.percentagePoints(.infinity) == "–")
    }

    // MARK: Dates and counts

    @Test(arguments: [
        ("2017-01-01", "1. januar 2017"),
        ("2016-02-29", "29. februar 2016"),
        ("2015-03-15", "15. marts 2015"),
        ("2015-04-01", "1. april 2015"),
        ("2024-05-31", "31. maj 2024"),
        ("2017-06-21", "21. juni 2017"),
        ("2017-07-04", "4. juli 2017"),
        ("2019-08-09", "9. august 2019"),
        ("2020-09-10", "10. september 2020"),
        ("2021-10-31", "31. oktober 2021"),
        ("2022-11-11", "11. november 2022"),
        ("2023-12-24", "24. december 2023"),
    ])
    func date(iso: String, expected: String) throws {
        let date = try #require(ISODate(iso))
        #expect(DanishFormat.date(date) == expected)
    }

    @Test(arguments: [
        (6, 17, "6 af 17 sager"),
        (1, 1, "1 af 1 sag"),
        (0, 1, "0 af 1 sag"),
        (0, 0, "0 af 0 sager"),
        (1, 2, "1 af 2 sager"),
        (20, 20, "20 af 20 sager"),
        (1234, 2000, "1.234 af 2.000 sager"),
    ])
    func cases(k: Int, n: Int, expected: String) {
        #expect(DanishFormat.cases(k, of: n) == expected)
    }
}
