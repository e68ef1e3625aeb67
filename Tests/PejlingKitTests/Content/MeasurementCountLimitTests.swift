// No `import Foundation` here: Foundation has a type named `Measurement` too.
import Testing
@testable import PejlingKit

/// Counts up to 100.000 cases are computed exactly; a larger count is an error naming it,
/// at its place in the file.
@Suite struct MeasurementCountLimitTests {
    /// A file whose one result has the counts given; `antal_sager` (line 4, column 18) is
    /// their sum, `opfyldt` is at line 6 column 44, and the others follow it.
    func file(_ opfyldt: Int, _ ikkeOpfyldt: Int, _ ikkeRelevant: Int = 0, antal: Int? = nil) -> String {
        """
        {
          "type": "sagsgennemgang",
          "dato": "2015-04-01",
          "antal_sager": \(antal ?? opfyldt + ikkeOpfyldt + ikkeRelevant),
          "resultater": [
            { "kriterium": "boernesamtale", "opfyldt": \(opfyldt), "ikke_opfyldt": \(ikkeOpfyldt), "ikke_relevant": \(ikkeRelevant) }
          ]
        }
        """
    }

    func load(_ text: String) -> (PejlingKit.Measurement?, [Diagnostic]) {
        PejlingKit.Measurement.load(bytes: Array(text.utf8), file: "maalinger/stor.json")
    }

    /// The column of `key`'s value on the line holding it.
    func column(of key: String, in text: String) -> Int? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let range = line.range(of: "\"\(key)\": ") else { continue }
            return line.distance(from: line.startIndex, to: range.upperBound) + 1
        }
        return nil
    }

    @Test(arguments: [
        (99_999, 0, 0), (100_000, 0, 0), (0, 100_000, 0), (0, 0, 100_000), (40_000, 30_000, 30_000),
    ])
    func upToTheLimitLoads(opfyldt: Int, ikkeOpfyldt: Int, ikkeRelevant: Int) throws {
        let (measurement, diagnostics) = load(file(opfyldt, ikkeOpfyldt, ikkeRelevant))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let result = try #require(measurement?.results.first)
        #expect(result.opfyldt == opfyldt && result.ikkeOpfyldt == ikkeOpfyldt && result.ikkeRelevant == ikkeRelevant)
    }

    @Test func justAboveTheLimitIsAnErrorAtEachCount() throws {
        let text = file(100_001, 0)
        let (measurement, diagnostics) = load(text)
        #expect(measurement == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(errors)")
        let antal = try #require(errors.first { $0.message.hasPrefix("'antal_sager'") })
        #expect(antal.message == "'antal_sager' er 100.001, men en måling kan højst have 100.000 sager")
        #expect(antal.location.line == 4 && antal.location.column == column(of: "antal_sager", in: text))
        let opfyldt = try #require(errors.first { $0.message.hasPrefix("'opfyldt'") })
        #expect(opfyldt.message.contains("100.001"))
        #expect(opfyldt.location.line == 6 && opfyldt.location.column == column(of: "opfyldt", in: text))
        #expect(opfyldt.hint?.contains("100.000") == true)
    }

    /// The audit's case: 0 of 1,5 mia. against all of 1,5 mia. gave "+100 procentpoint …
    /// Ikke større, end tilfældigheder kan forklare". Both files are now refused, each
    /// naming its count.
    @Test func oneAndAHalfBillionIsAnError() throws {
        let analysisText = file(0, 1_500_000_000)
        let (analysis, analysisDiagnostics) = load(analysisText)
        #expect(analysis == nil)
        let ikkeOpfyldt = try #require(analysisDiagnostics.first { $0.message.hasPrefix("'ikke_opfyldt'") })
        #expect(ikkeOpfyldt.severity == .error)
        #expect(ikkeOpfyldt.message == "'ikke_opfyldt' er 1.500.000.000, men en måling kan højst have 100.000 sager")
        #expect(ikkeOpfyldt.location.line == 6 && ikkeOpfyldt.location.column == column(of: "ikke_opfyldt", in: analysisText))
        #expect(analysisDiagnostics.contains { $0.message.contains("'antal_sager' er 1.500.000.000") })

        let (status, statusDiagnostics) = load(file(1_500_000_000, 0))
        #expect(status == nil)
        #expect(statusDiagnostics.contains { $0.message.hasPrefix("'opfyldt' er 1.500.000.000") })
    }

    /// A count above the limit is named even when the counts do not add up: every problem
    /// in the same run.
    @Test func reportedBesideOtherErrors() {
        let (_, diagnostics) = load(file(200_000, 1, 0, antal: 20))
        #expect(diagnostics.contains { $0.message.hasPrefix("'opfyldt' er 200.000") })
        #expect(diagnostics.filter { $0.severity == .error }.count == 2)
    }

    @Test func theCheckOtherReadersUse() {
        let place = SourceLocation(file: "maalinger/2024.xlsx", line: 7, column: 3)
        #expect(PejlingKit.Measurement.countLimitError("opfyldt", 100_000, at: place) == nil)
        let error = PejlingKit.Measurement.countLimitError("opfyldt", 100_001, at: place)
        #expect(error?.severity == .error)
        #expect(error?.location == place)
        #expect(error?.message.contains("100.001") == true)
        #expect(PejlingKit.Measurement.maximumCount == 100_000)
    }
}
