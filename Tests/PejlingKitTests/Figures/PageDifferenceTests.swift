import Testing
@testable import PejlingKit

/// The difference a page shows is that of the two whole per cents beside it; data.json and
/// data.csv keep the exact difference rounded a half away from zero; per cents round a half
/// up. All checked against ``ExactOracle``'s whole-number definitions of rounding.
@Suite struct PageDifferenceTests {
    let from = ISODate("2015-04-01")!
    let to = ISODate("2017-03-01")!

    /// A random share: mostly samples of up to 40 cases as the Task Force draws them, some
    /// up to 100.000.
    static func randomShare(_ random: inout SeededRandom) -> Share {
        let n = random.chance(80) ? 1 + random.below(40) : 1 + random.below(random.chance(50) ? 1_000 : 100_000)
        return Share(opfyldt: random.below(n + 1), relevante: n)!
    }

    /// `35 %` → 35, `−5 procentpoint` → −5.
    static func wholeNumber(_ text: String) -> Int? {
        let digits = text.prefix { $0 == "+" || $0 == "\u{2212}" || $0.isNumber }
        guard let magnitude = Int(digits.filter(\.isNumber)) else { return nil }
        return digits.hasPrefix("\u{2212}") ? -magnitude : magnitude
    }

    @Test func shownPerCentsRoundAHalfUpExactly() throws {
        var random = SeededRandom(seed: 2024)
        for _ in 0..<20_000 {
            let share = Self.randomShare(&random)
            let shown = try #require(DanishFormat.percent(share))
            let whole = try #require(Self.wholeNumber(shown))
            #expect(share.wholePercent == whole)
            #expect(ExactOracle.isRoundedHalfUp(whole, 100 * share.opfyldt, share.relevante),
                    "\(share.opfyldt) af \(share.relevante): \(shown)")
        }
        // Halves: 1 af 8 is 12,5 %, 1 af 200 is 0,5 %, 29 af 200 is 14,5 % (14.499… as a double).
        for (k, n, expected) in [(1, 8, 13), (1, 200, 1), (29, 200, 15), (7, 8, 88), (1, 40, 3), (1, 1_000, 0)] {
            #expect(Share(opfyldt: k, relevante: n)?.wholePercent == expected, "\(k) af \(n)")
        }
    }

    @Test func pageDifferenceIsThatOfTheShownPerCents() throws {
        var random = SeededRandom(seed: 1_295)
        for _ in 0..<20_000 {
            let first = Self.randomShare(&random), second = Self.randomShare(&random)
            let shown = try #require(DanishFormat.percentagePoints(from: first, to: second))
            let difference = try #require(Self.wholeNumber(shown))
            let before = try #require(DanishFormat.percent(first).flatMap(Self.wholeNumber))
            let after = try #require(DanishFormat.percent(second).flatMap(Self.wholeNumber))
            #expect(difference == after - before, "\(first.opfyldt)/\(first.relevante) → \(second.opfyldt)/\(second.relevante): \(shown)")
            #expect(shown.hasPrefix(difference > 0 ? "+" : difference < 0 ? "\u{2212}" : "0"))
        }
    }

    /// The audit's contradictions: "11 % … 12 % … 0 procentpoint" and "2 % … 98 % … +97".
    @Test(arguments: [
        (5, 44, 7, 60, "+1"),      // 11,4 % → 11,7 %: 11 % → 12 %, exactly +0,3
        (1, 60, 59, 60, "+96"),    // 1,7 % → 98,3 %: 2 % → 98 %, exactly +96,7
        (1, 8, 1, 9, "\u{2212}2"), // 12,5 % → 11,1 %: 13 % → 11 %, exactly −1,4
        (6, 17, 10, 17, "+24"),
    ])
    func auditExamples(k1: Int, n1: Int, k2: Int, n2: Int, expected: String) throws {
        let first = try #require(Share(opfyldt: k1, relevante: n1)), second = try #require(Share(opfyldt: k2, relevante: n2))
        #expect(DanishFormat.percentagePoints(from: first, to: second) == expected + "\u{00A0}procentpoint")
    }

    /// data.json and data.csv: the exact difference to one decimal, a half away from zero.
    @Test func exportedDifferenceIsExactAndTiesGoAwayFromZero() throws {
        var random = SeededRandom(seed: 3_481)
        for _ in 0..<20_000 {
            let first = Self.randomShare(&random), second = Self.randomShare(&random)
            let comparison = try #require(Comparison(criterionID: "x", from: first, fromDate: from, to: second, toDate: to))
            let tenths = comparison.differenceTenths
            let numerator = 1000 * (second.opfyldt * first.relevante - first.opfyldt * second.relevante)
            #expect(ExactOracle.isRoundedHalfAwayFromZero(tenths, numerator, first.relevante * second.relevante),
                    "\(first.opfyldt)/\(first.relevante) → \(second.opfyldt)/\(second.relevante): \(tenths)")
            let text = ExportNumber.tenths(tenths)
            #expect(Double(text).map { ($0 * 10).rounded() == Double(tenths) } == true, "\(text)")
        }
        // 6 af 16 → 7 af 16 is +6.25, 11 af 16 → 0 af 16 is −68.75: both ties, away from zero
        // (a binary float rounds the first to 6.2 and the second to −68.8).
        for (k1, n1, k2, n2, expected) in [(6, 16, 7, 16, "6.3"), (11, 16, 0, 16, "-68.8"), (7, 16, 6, 16, "-6.3"),
                                           (0, 16, 11, 16, "68.8"), (1, 2, 1, 2, "0.0"), (6, 17, 10, 17, "23.5"),
                                           (1, 3, 1, 3, "0.0"), (0, 1, 1, 1, "100.0"), (1, 1, 0, 1, "-100.0")] {
            let comparison = try #require(Comparison(criterionID: "x", from: Share(opfyldt: k1, relevante: n1)!, fromDate: from,
                                                     to: Share(opfyldt: k2, relevante: n2)!, toDate: to))
            #expect(ExportNumber.tenths(comparison.differenceTenths) == expected, "\(k1)/\(n1) → \(k2)/\(n2)")
        }
    }

    /// On a rendered page: random measurements of every demo criterion, and in every row of
    /// the summary table the difference is that of the two per cents beside it.
    @Test func renderedTablesAgreeWithTheirPerCents() throws {
        let catalogue = try #require(DemoSite.content?.catalogue)
        var random = SeededRandom(seed: 130)
        var rowsChecked = 0
        for _ in 0..<40 {
            func measurement(_ kind: MeasurementKind, _ date: ISODate) -> PejlingKit.Measurement {
                let results = catalogue.criteria.map { criterion -> CriterionResult in
                    let share = Self.randomShare(&random)
                    return CriterionResult(criterionID: criterion.id, opfyldt: share.opfyldt, ikkeOpfyldt: share.ikkeOpfyldt,
                                           ikkeRelevant: 0, location: SourceLocation(file: "m.json"))
                }
                return PejlingKit.Measurement(kind: kind, date: date, caseCount: 0, results: results, file: "m.json")
            }
            let presenter = FigurePresenter(catalogue: catalogue, analysis: measurement(.sagsgennemgang, from),
                                            status: measurement(.statusmaaling, to))
            let html = presenter.summaryHTML()
            for row in html.components(separatedBy: "<th scope=\"row\">").dropFirst() {
                let shares = Self.spans("andel", in: row), differences = Self.spans("forskel", in: row)
                let before = try #require(shares.first.flatMap(Self.wholeNumber)), after = try #require(shares.last.flatMap(Self.wholeNumber))
                let difference = try #require(differences.first.flatMap(Self.wholeNumber))
                #expect(shares.count == 2 && differences.count == 1)
                #expect(difference == after - before, "\(before) % → \(after) %: \(difference)")
                rowsChecked += 1
            }
        }
        #expect(rowsChecked == 40 * catalogue.criteria.count)
    }

    /// The text of every `<span class="NAME">…</span>` in `html`.
    static func spans(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "<span class=\"\(name)\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }
}

/// The exact figures as they reach data.json and data.csv.
@Suite struct ExactDownloadsTests {
    /// Four criteria of the demo catalogue: 1 af 1 → 0 af 19 (p = 1/20 exactly), 6 af 16 →
    /// 7 af 16 (+6.25), 11 af 16 → 0 af 16 (−68.75) and 5 af 44 → 7 af 60 (11 % → 12 %).
    func export() throws -> DataExport {
        let catalogue = try #require(DemoSite.content?.catalogue)
        let ids = catalogue.criteria.prefix(4).map(\.id)
        try #require(ids.count == 4)
        func measurement(_ kind: MeasurementKind, _ date: String, _ counts: [(Int, Int)]) throws -> PejlingKit.Measurement {
            let results = zip(ids, counts).map { id, count in
                CriterionResult(criterionID: id, opfyldt: count.0, ikkeOpfyldt: count.1, ikkeRelevant: 60 - count.0 - count.1,
                                location: SourceLocation(file: "m.json"))
            }
            return PejlingKit.Measurement(kind: kind, date: try #require(ISODate(date)), caseCount: 60, results: results, file: "m.json")
        }
        let analysis = try measurement(.sagsgennemgang, "2024-12-02", [(1, 0), (6, 10), (11, 5), (5, 39)])
        let status = try measurement(.statusmaaling, "2026-10-26", [(0, 19), (7, 9), (0, 16), (7, 53)])
        let municipality = Municipality(slug: "testby", code: nil, name: "Testby Kommune", homepage: nil, isExample: true,
                                        location: SourceLocation(file: "kommune.yml"))
        return DataExport(municipality: municipality,
                          figures: MunicipalityFigures(catalogue: catalogue, analysis: analysis, status: status))
    }

    @Test func jsonHasExactDifferencesAndVerdicts() throws {
        let comparisons = try export().json.split(separator: "\n").compactMap { line in
            line.range(of: "\"forskel_procentpoint\"").map { String(line[$0.lowerBound...]) }
        }
        #expect(comparisons == [
            "\"forskel_procentpoint\": -100.0, \"p_vaerdi\": 0.05000, \"signifikant\": false},",
            "\"forskel_procentpoint\": 6.3, \"p_vaerdi\": 1.000, \"signifikant\": false},",
            "\"forskel_procentpoint\": -68.8, \"p_vaerdi\": 0.00006771, \"signifikant\": true},",
            "\"forskel_procentpoint\": 0.3, \"p_vaerdi\": 1.000, \"signifikant\": false}",
        ])
    }

    @Test func csvHasTheSameFigures() throws {
        let rows = try export().csv.split(separator: "\r\n").dropFirst().prefix(4)
        let comparisons = rows.map { $0.split(separator: ";", omittingEmptySubsequences: false).suffix(3).joined(separator: ";") }
        #expect(comparisons == ["-100,0;0,05000;nej", "6,3;1,000;nej", "-68,8;0,00006771;ja", "0,3;1,000;nej"])
    }
}
