import Testing
@testable import PejlingKit

@Suite struct ComparisonTests {
    let from = ISODate("2015-04-01")!
    let to = ISODate("2017-03-01")!

    /// The SPEC's example: 6 af 17 → 10 af 17 is +23.5 procentpoint, p = 0.3028.
    @Test func specExample() throws {
        let six = try #require(Share(opfyldt: 6, relevante: 17))
        let ten = try #require(Share(opfyldt: 10, relevante: 17))
        let comparison = try #require(Comparison(criterionID: "x", from: six, fromDate: from, to: ten, toDate: to))
        #expect(abs(comparison.differencePercentagePoints - 23.529411764705884) < 1e-9)
        #expect(abs(comparison.pValue - 0.30282906085157757) < 1e-9)
        #expect(comparison.verdict == .withinChance)
        #expect(ExportNumber.fixed(comparison.differencePercentagePoints, decimals: 1) == "23.5")
        #expect(ExportNumber.significant(comparison.pValue) == "0.3028")
    }

    @Test func noComparisonWithoutRelevantCases() throws {
        let none = try #require(Share(opfyldt: 0, relevante: 0))
        let three = try #require(Share(opfyldt: 3, relevante: 5))
        #expect(Comparison(criterionID: "x", from: none, fromDate: from, to: three, toDate: to) == nil)
    }

    @Test func reasonsWithoutComparison() throws {
        let criterion = Criterion(id: "k", bearingID: "b", text: "T", legalBasis: nil, location: PejlingKit.SourceLocation(file: "f"))
        let some = CriterionResult(criterionID: "k", opfyldt: 2, ikkeOpfyldt: 2, ikkeRelevant: 0, location: PejlingKit.SourceLocation(file: "f"))
        let none = CriterionResult(criterionID: "k", opfyldt: 0, ikkeOpfyldt: 0, ikkeRelevant: 4, location: PejlingKit.SourceLocation(file: "f"))
        func row(_ a: CriterionResult?, _ s: CriterionResult?) -> CriterionFigures {
            CriterionFigures(criterion: criterion, analysis: a, analysisDate: from, status: s, statusDate: to)
        }
        #expect(row(some, some).comparison != nil)
        #expect(row(some, some).missingComparisonReason == nil)
        #expect(row(nil, some).missingComparisonReason == "Kan ikke sammenlignes: kriteriet indgik ikke i analysen")
        #expect(row(some, nil).missingComparisonReason == "Kan ikke sammenlignes: kriteriet indgik ikke i pejlingen")
        #expect(row(none, some).missingComparisonReason == "Kan ikke sammenlignes: ingen relevante sager i analysen")
        #expect(row(some, none).missingComparisonReason == "Kan ikke sammenlignes: ingen relevante sager i pejlingen")
        #expect(row(none, none).missingComparisonReason == "Kan ikke sammenlignes: ingen relevante sager i nogen af målingerne")
    }

    /// A status measurement must be dated after the analysis's; the error points at its dato.
    @Test func statusMeasurementDatedBeforeTheAnalysisIsAnError() throws {
        let file = "kommuner/x/maalinger/status.json"
        let dateLocation = PejlingKit.SourceLocation(file: file, line: 3, column: 11)
        let analysisMeasurement = Measurement(kind: .sagsgennemgang, date: ISODate("2024-03-11")!, caseCount: 20, results: [], file: "a.json")
        let statusMeasurement = Measurement(kind: .statusmaaling, date: ISODate("2024-03-11")!, caseCount: 20, results: [], file: file,
                                            dateLocation: dateLocation)
        let body = PejlingKit.SourceLocation(file: "x.md", line: 5, column: 1)
        var municipality = Municipality(slug: "x", code: nil, name: "X", homepage: nil, isExample: true, location: body)
        municipality.analysis = Report(kind: .analysis, title: "A", date: ISODate("2024-04-01")!, body: "", bodyLocation: body,
                                       measurement: analysisMeasurement)
        municipality.status = Report(kind: .status, title: "S", date: ISODate("2025-04-01")!, body: "", bodyLocation: body,
                                     measurement: statusMeasurement)
        var diagnostics = Diagnostics()
        municipality.validateReports(diagnostics: &diagnostics)
        #expect(diagnostics.items.count == 1)
        #expect(diagnostics.items.first?.location == dateLocation)
        #expect(diagnostics.items.first?.message.contains("skal ligge efter analysemålingens") == true)

        municipality.status?.measurement?.date = ISODate("2025-12-08")!
        var fine = Diagnostics()
        municipality.validateReports(diagnostics: &fine)
        #expect(fine.items.isEmpty)
    }
}
