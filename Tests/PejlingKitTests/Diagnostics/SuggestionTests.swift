import Testing
import Foundation
@testable import PejlingKit

@Suite("One rule for 'mente du …?', and Danish dates and counts")
struct SuggestionTests {
    @Test("close names are suggested, closest first, at most three; far ones not at all")
    func suggestions() {
        #expect(Suggestion.hint(for: "kriterum", among: ["kriterium", "opfyldt"]) == "mente du 'kriterium'?")
        #expect(Suggestion.hint(for: "baseurl", among: ["titel", "udgiver", "base_url"]) == "mente du 'base_url'?")
        #expect(Suggestion.hint(for: "plan", among: ["plan-foreligger", "plan-revideret", "plan-konkrete-maal", "planer"])
                == "mente du 'planer', 'plan-foreligger' eller 'plan-konkrete-maal'?")
        #expect(Suggestion.hint(for: "xyz", among: ["kriterium"]) == nil)
        #expect(Suggestion.hint(for: "", among: ["a"]) == nil)
        // YAML keys and JSON keys follow the same rule: a key three edits away is no longer close.
        #expect(Suggestion.closeMatches(for: "tit", among: ["titel"]) == ["titel"])
        #expect(Suggestion.closeMatches(for: "xxtel", among: ["titel"]) == ["titel"])
        #expect(Suggestion.closeMatches(for: "xxxel", among: ["titel"]).isEmpty)
    }

    @Test("lists end with 'eller' or 'og'")
    func lists() {
        #expect(Suggestion.list([]) == "")
        #expect(Suggestion.list(["a"]) == "a")
        #expect(Suggestion.list(["a", "b"]) == "a eller b")
        #expect(Suggestion.list(["a", "b", "c"], conjunction: "og") == "a, b og c")
    }

    @Test("an impossible date says that it does not exist, and why")
    func impossibleDates() {
        #expect(ISODate.problem(with: "2026-02-30", key: "dato") == "'dato' er 2026-02-30, en dato, der ikke findes: februar 2026 har 28 dage")
        #expect(ISODate.problem(with: "2024-02-30", key: "dato") == "'dato' er 2024-02-30, en dato, der ikke findes: februar 2024 har 29 dage")
        #expect(ISODate.problem(with: "2025-04-31", key: "dato") == "'dato' er 2025-04-31, en dato, der ikke findes: april 2025 har 30 dage")
        #expect(ISODate.problem(with: "2025-13-01", key: "dato") == "'dato' er 2025-13-01, en dato, der ikke findes: der er ingen måned 13")
        #expect(ISODate.problem(with: "2025-01-00", key: "dato").contains("en måned begynder med dag 1"))
        #expect(ISODate.problem(with: "1. juni 2025", key: "dato") == "'dato' skal være en dato skrevet ÅÅÅÅ-MM-DD, ikke '1. juni 2025'")
        #expect(ISODate.hint(for: "2026-02-30") == "skriv en dato, der findes, fx 2026-02-28 for den sidste dag i februar")
        #expect(ISODate.hint(for: "i går") == "skriv datoen som år, måned og dag med bindestreger, fx 2015-06-01")
    }

    @Test("summaries count in Danish, singular and plural")
    func summaries() {
        #expect(Summary.count(1, "kommune", "kommuner") == "1 kommune")
        #expect(Summary.count(0, "kommune", "kommuner") == "0 kommuner")
        #expect(Summary.diagnostics(errors: 1, warnings: 1) == "1 fejl, 1 advarsel")
        #expect(Summary.diagnostics(errors: 2, warnings: 3) == "2 fejl, 3 advarsler")
        #expect(Summary.built(municipalities: 1, rendered: 1, unchanged: 0, files: 7, output: "output")
                == "Byggede 1 kommune i output/: 1 lavet på ny, 0 uændrede, 7 filer skrevet.")
        #expect(Summary.built(municipalities: 2, rendered: 1, unchanged: 1, files: 1, output: "ud")
                == "Byggede 2 kommuner i ud/: 1 lavet på ny, 1 uændret, 1 fil skrevet.")
        #expect(Summary.checked(municipalities: 1, warnings: 0) == "Kontrollerede 1 kommune: ingen fejl.")
        #expect(Summary.seconds(0.414) == "0,41 s")
        #expect(Summary.files(["a", "b", "c", "d", "e"]) == "a, b, c og 2 andre filer")
        #expect(Summary.files(["a", "b"]) == "a og b")
    }

    @Test("system errors are named in Danish, never as NSCocoaErrorDomain codes")
    func systemErrors() {
        #expect(SystemError.describe(EROFS) == "filsystemet er skrivebeskyttet")
        let cocoa = NSError(domain: NSCocoaErrorDomain, code: NSFileWriteVolumeReadOnlyError)
        #expect(SystemError.describe(cocoa) == "filsystemet er skrivebeskyttet")
        #expect(SystemError.outputProblem(cocoa) == "output kan ikke skrives, fordi filsystemet er skrivebeskyttet")
        #expect(OutputFolder.moveFailure("out", EBUSY).contains("'out' er et monteringspunkt"))
    }

    @Test("a measurement file with every kind of independent error reports each, the criteria too")
    func everyProblemInOneFile() {
        let text = """
            {
              "type": "statusmaaling",
              "dato": "2026-01-15",
              "antal_sager": 20,
              "resultater": [
                { "kriterium": "a", "opfyldt": 11, "ikke_opfyldt": 7, "ikke_relevant": 3 },
                { "kriterium": "b", "opfyldt": 8, "ikke_opfyldt": 9, "ikke_relevant": 4 },
                { "kriterium": "plan-revideeret", "opfyldt": 16, "ikke_opfyldt": 4, "ikke_relevant": 0 },
              ]
            }
            """
        let reading = PejlingKit.Measurement.read(bytes: Array(text.utf8), file: "m.json", knownCriteria: ["a", "b", "plan-revideret"])
        #expect(reading.measurement == nil)
        #expect(reading.diagnostics.map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)" } == [
            "6:5 tallene giver 21 tilsammen, men antal_sager er 20 (opfyldt 11 + ikke_opfyldt 7 + ikke_relevant 3)",
            "7:5 tallene giver 21 tilsammen, men antal_sager er 20 (opfyldt 8 + ikke_opfyldt 9 + ikke_relevant 4)",
            "8:20 ukendt kriterium 'plan-revideeret'; det står ikke i kriterier.yml",
            "8:93 overskydende komma før ']'",
        ])
        #expect(reading.diagnostics[2].hint == "mente du 'plan-revideret'?")
        #expect(reading.kind?.value == .statusmaaling)
    }
}
