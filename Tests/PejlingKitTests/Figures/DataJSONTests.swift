import Foundation
import Testing
@testable import PejlingKit

/// data.json recomputed against numbers computed independently (Python 3.11, SciPy 1.17:
/// `scipy.stats.fisher_exact` for p-values, the Wilson formula with `norm.ppf(0.975)`).
@Suite struct DataJSONTests {
    /// One measured result as data.json gives it.
    func result(_ json: [String: Any], measurement index: Int, criterion: String) throws -> [String: Any] {
        let measurements = try #require(json["maalinger"] as? [[String: Any]])
        try #require(measurements.count > index)
        let results = try #require(measurements[index]["resultater"] as? [[String: Any]])
        return try #require(results.first { $0["kriterium"] as? String == criterion }, "\(criterion) missing")
    }

    func number(_ entry: [String: Any], _ key: String) throws -> Double {
        try #require(entry[key] as? Double, "\(key) is not a number")
    }

    func comparison(_ json: [String: Any], criterion: String) throws -> [String: Any]? {
        let list = try #require(json["sammenligning"] as? [[String: Any]])
        return list.first { $0["kriterium"] as? String == criterion }
    }

    func expectShare(_ entry: [String: Any], andel: Double, lower: Double, upper: Double,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let share = try #require(entry["andel"] as? Double, sourceLocation: sourceLocation)
        let interval = try #require(entry["ki95"] as? [Double], sourceLocation: sourceLocation)
        try #require(interval.count == 2, sourceLocation: sourceLocation)
        // Five decimals are written: within 5e-6 of the exact value.
        #expect(abs(share - andel) <= 5.1e-6, "andel \(share) ≠ \(andel)", sourceLocation: sourceLocation)
        #expect(abs(interval[0] - lower) <= 5.1e-6, "lower \(interval[0]) ≠ \(lower)", sourceLocation: sourceLocation)
        #expect(abs(interval[1] - upper) <= 5.1e-6, "upper \(interval[1]) ≠ \(upper)", sourceLocation: sourceLocation)
    }

    @Test func strandvigZeroOfFifteenAndAllOfFourteen() throws {
        let json = try DemoSite.dataJSON("strandvig")
        let measurements = try #require(json["maalinger"] as? [[String: Any]])
        #expect(measurements.map { $0["type"] as? String } == ["sagsgennemgang", "statusmaaling"])
        #expect(measurements[0]["antal_sager"] as? Int == 20)
        #expect(measurements[1]["antal_sager"] as? Int == 20)
        #expect(measurements[0]["dato"] as? String == "2024-01-10")

        // 0 af 15: the share is exactly 0, the interval 0–0.203883.
        let zero = try result(json, measurement: 0, criterion: "plan-konkrete-maal")
        #expect(zero["relevante"] as? Int == 15)
        #expect(zero["ikke_relevant"] as? Int == 5)
        try expectShare(zero, andel: 0, lower: 0, upper: 0.203883)
        let six = try result(json, measurement: 1, criterion: "plan-konkrete-maal")
        try expectShare(six, andel: 0.333333, lower: 0.162788, upper: 0.562505)
        let planMaal = try #require(try comparison(json, criterion: "plan-konkrete-maal"))
        #expect(try abs(number(planMaal, "forskel_procentpoint") - 33.3) < 1e-9)
        #expect(try abs(number(planMaal, "p_vaerdi") - 0.02128) < 5e-7)
        #expect(planMaal["signifikant"] as? Bool == true)
        #expect(planMaal["fra"] as? String == "2024-01-10")
        #expect(planMaal["til"] as? String == "2025-08-20")

        // 14 af 14: exactly 1, the interval 0.784689–1.
        let all = try result(json, measurement: 1, criterion: "underretning-vurderet")
        try expectShare(all, andel: 1, lower: 0.784689, upper: 1)
        let underretning = try #require(try comparison(json, criterion: "underretning-vurderet"))
        #expect(try abs(number(underretning, "forskel_procentpoint") - 25.0) < 1e-9)
        #expect(try abs(number(underretning, "p_vaerdi") - 0.08462) < 5e-7)
        #expect(underretning["signifikant"] as? Bool == false)
    }

    @Test func strandvigNoRelevantCaseIsNullAndNotCompared() throws {
        let json = try DemoSite.dataJSON("strandvig")
        let none = try result(json, measurement: 1, criterion: "opfoelgning-anbragt-tilsyn")
        #expect(none["opfyldt"] as? Int == 0)
        #expect(none["ikke_opfyldt"] as? Int == 0)
        #expect(none["ikke_relevant"] as? Int == 20)
        #expect(none["relevante"] as? Int == 0)
        #expect(none["andel"] is NSNull)
        #expect(none["ki95"] is NSNull)
        #expect(try comparison(json, criterion: "opfoelgning-anbragt-tilsyn") == nil)
        let analysis = try result(json, measurement: 0, criterion: "opfoelgning-anbragt-tilsyn")
        try expectShare(analysis, andel: 0.5, lower: 0.150039, upper: 0.849961)
        // 12 criteria, one without a relevant case in the pejling: 11 comparisons.
        #expect((json["sammenligning"] as? [[String: Any]])?.count == 11)
    }

    @Test func egelundCriteriaInOnlyOneMeasurement() throws {
        let json = try DemoSite.dataJSON("egelund")
        let measurements = try #require(json["maalinger"] as? [[String: Any]])
        let analysisIDs = (measurements[0]["resultater"] as? [[String: Any]])?.compactMap { $0["kriterium"] as? String } ?? []
        let statusIDs = (measurements[1]["resultater"] as? [[String: Any]])?.compactMap { $0["kriterium"] as? String } ?? []
        #expect(analysisIDs.contains("underretning-vurderet"))
        #expect(!statusIDs.contains("underretning-vurderet"))
        #expect(statusIDs.contains("barnets-synspunkter"))
        #expect(!analysisIDs.contains("barnets-synspunkter"))
        #expect(try comparison(json, criterion: "underretning-vurderet") == nil)
        #expect(try comparison(json, criterion: "barnets-synspunkter") == nil)
        #expect((json["sammenligning"] as? [[String: Any]])?.count == 10)

        try expectShare(result(json, measurement: 0, criterion: "underretning-vurderet"),
                        andel: 0.714286, lower: 0.453509, upper: 0.882786)
        try expectShare(result(json, measurement: 1, criterion: "barnets-synspunkter"),
                        andel: 0.5, lower: 0.290310, upper: 0.709690)
    }

    @Test func egelundSignificantAndBorderlineDifferences() throws {
        let json = try DemoSite.dataJSON("egelund")
        try expectShare(result(json, measurement: 0, criterion: "undersoegelse-rettidig"),
                        andel: 0.166667, lower: 0.058366, upper: 0.392220)
        try expectShare(result(json, measurement: 1, criterion: "undersoegelse-rettidig"),
                        andel: 0.789474, lower: 0.566657, upper: 0.914923)
        let rettidig = try #require(try comparison(json, criterion: "undersoegelse-rettidig"))
        #expect(try abs(number(rettidig, "forskel_procentpoint") - 62.3) < 1e-9)
        #expect(try abs(number(rettidig, "p_vaerdi") - 0.0002338) < 5e-11)
        #expect(rettidig["signifikant"] as? Bool == true)

        // 8 af 20 → 15 af 20: p = 0.053551, not below 5 %.
        let samtale = try #require(try comparison(json, criterion: "samtale-med-barnet"))
        #expect(try abs(number(samtale, "forskel_procentpoint") - 35.0) < 1e-9)
        #expect(try abs(number(samtale, "p_vaerdi") - 0.05355) < 5e-7)
        #expect(samtale["signifikant"] as? Bool == false)

        let anbragt = try #require(try comparison(json, criterion: "opfoelgning-anbragt-tilsyn"))
        #expect(try abs(number(anbragt, "forskel_procentpoint") - 30.0) < 1e-9)
        #expect(try abs(number(anbragt, "p_vaerdi") - 0.5455) < 5e-6)
    }

    @Test func mosedalHasNoComparisonAndOneOfEight() throws {
        let json = try DemoSite.dataJSON("mosedal")
        #expect(json["sammenligning"] == nil)
        #expect((json["maalinger"] as? [[String: Any]])?.count == 1)
        try expectShare(result(json, measurement: 0, criterion: "opfoelgning-anbragt-tilsyn"),
                        andel: 0.125, lower: 0.022417, upper: 0.470888)
        try expectShare(result(json, measurement: 0, criterion: "foraeldre-inddraget"),
                        andel: 1, lower: 0.838875, upper: 1)
        let kommune = try #require(json["kommune"] as? [String: Any])
        #expect(kommune["kode"] is NSNull)
        #expect(kommune["navn"] as? String == "Mosedal Kommune")
        #expect(kommune["slug"] as? String == "mosedal")
        #expect(kommune["eksempel"] as? Bool == true)
    }

    @Test func bakkebyDraftStatusIsLeftOutWithoutDrafts() throws {
        let published = try DemoSite.dataJSON("bakkeby", drafts: false)
        #expect((published["maalinger"] as? [[String: Any]])?.count == 1)
        #expect(published["sammenligning"] == nil)
        let draft = try DemoSite.dataJSON("bakkeby", drafts: true)
        // A decrease: 16 af 17 → 15 af 17 is −5.9 procentpoint, p = 1.
        let list = try #require(draft["sammenligning"] as? [[String: Any]])
        let underretning = try #require(list.first { $0["kriterium"] as? String == "underretning-vurderet" })
        #expect(try abs(number(underretning, "forskel_procentpoint") - (-5.9)) < 1e-9)
        #expect(try abs(number(underretning, "p_vaerdi") - 1) < 1e-12)
        let helhed = try #require(list.first { $0["kriterium"] as? String == "undersoegelse-helhed" })
        #expect(try abs(number(helhed, "p_vaerdi") - 0.04371) < 5e-7)
        #expect(helhed["signifikant"] as? Bool == true)
    }

    /// The text itself: the keys in the SPEC's order and numbers written as the SPEC asks.
    @Test func textShapeAndNumberFormat() throws {
        let text = try DemoSite.text("egelund/data.json")
        #expect(text.hasPrefix("{\n  \"kommune\": {\"kode\": null, \"navn\": \"Egelund Kommune\", \"slug\": \"egelund\", \"eksempel\": true},\n  \"maalinger\": ["))
        #expect(text.contains("\"opfyldt\": 3, \"ikke_opfyldt\": 15, \"ikke_relevant\": 2, \"relevante\": 18, \"andel\": 0.16667, \"ki95\": [0.05837, 0.39222]}"))
        #expect(text.contains("{\"kriterium\": \"undersoegelse-rettidig\", \"fra\": \"2024-03-11\", \"til\": \"2025-12-08\", \"forskel_procentpoint\": 62.3, \"p_vaerdi\": 0.0002338, \"signifikant\": true}"))
        #expect(text.hasSuffix("]\n}\n"))
        let keys = ["\"kommune\"", "\"maalinger\"", "\"sammenligning\""].map { text.range(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil })
        #expect(keys.compactMap { $0 } == keys.compactMap { $0 }.sorted())
    }

    @Test func sameBytesOnEveryBuild() throws {
        let again = DemoSite.build(drafts: true)
        for slug in ["egelund", "strandvig", "mosedal", "bakkeby"] {
            #expect(again["\(slug)/data.json"] == DemoSite.builtWithDrafts["\(slug)/data.json"])
            #expect(again["\(slug)/data.csv"] == DemoSite.builtWithDrafts["\(slug)/data.csv"])
        }
    }
}

@Suite struct ExportNumberTests {
    @Test func fractionsKeepFourSignificantDigits() {
        #expect(ExportNumber.fraction(6.0 / 17) == "0.35294")
        #expect(ExportNumber.fraction(0) == "0.00000")
        #expect(ExportNumber.fraction(1) == "1.00000")
        #expect(ExportNumber.fraction(0.000123456) == "0.0001235")
        #expect(ExportNumber.fraction(0.0224171) == "0.02242")
    }

    @Test func pValuesToFourSignificantDigits() {
        #expect(ExportNumber.significant(0.30279) == "0.3028")
        #expect(ExportNumber.significant(1) == "1.000")
        #expect(ExportNumber.significant(0.000233773) == "0.0002338")
        #expect(ExportNumber.significant(0) == "0")
        #expect(ExportNumber.significant(1.234567e-20) == "1.235e-20")
    }

    @Test func differencesNeverNegativeZero() {
        #expect(ExportNumber.fixed(-0.04, decimals: 1) == "0.0")
        #expect(ExportNumber.fixed(-5.88235, decimals: 1) == "-5.9")
        #expect(ExportNumber.fixed(23.5294, decimals: 1) == "23.5")
    }

    @Test func stringsAreEscaped() {
        #expect(JSONText.string("a \"b\"\\\n\u{1}") == "\"a \\\"b\\\"\\\\\\n\\u0001\"")
    }
}
