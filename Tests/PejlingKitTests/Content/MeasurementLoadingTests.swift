// No `import Foundation` here: Foundation has a type named `Measurement` too.
import Testing
@testable import PejlingKit

/// A valid measurement file; the broken cases below change one part of it, so the
/// positions are those of this text:
///
///     line 2: "type" value at column 11      line 5: "resultater" value at column 17
///     line 3: "dato" value at column 11      line 6/7: result objects at column 5,
///     line 4: "antal_sager" value at 18      "kriterium" values at 20, line 6 "opfyldt" at 57
private let validText = """
{
  "type": "sagsgennemgang",
  "dato": "2015-04-01",
  "antal_sager": 20,
  "resultater": [
    { "kriterium": "undersoegelse-rettidig", "opfyldt": 6, "ikke_opfyldt": 11, "ikke_relevant": 3 },
    { "kriterium": "boernesamtale", "opfyldt": 12, "ikke_opfyldt": 2, "ikke_relevant": 6 }
  ]
}
"""

/// `validText` with each `(old, new)` replaced once.
private func variant(_ replacements: (String, String)...) -> String {
    var text = validText
    for (old, new) in replacements {
        guard let range = text.range(of: old) else { return "replacement not found: \(old)" }
        text.replaceSubrange(range, with: new)
    }
    return text
}

private func load(_ text: String) -> (PejlingKit.Measurement?, [Diagnostic]) {
    PejlingKit.Measurement.load(bytes: Array(text.utf8), file: "maalinger/test.json")
}

/// What a diagnostic must be: its severity, place and a part of its message.
struct MeasurementExpectation: Sendable, CustomStringConvertible {
    var severity: Diagnostic.Severity
    var line: Int
    var column: Int
    var message: String

    static func error(_ line: Int, _ column: Int, _ message: String) -> MeasurementExpectation {
        MeasurementExpectation(severity: .error, line: line, column: column, message: message)
    }

    static func warning(_ line: Int, _ column: Int, _ message: String) -> MeasurementExpectation {
        MeasurementExpectation(severity: .warning, line: line, column: column, message: message)
    }

    var description: String { "\(line):\(column): \(severity.rawValue): …\(message)…" }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == severity && diagnostic.location.line == line
            && diagnostic.location.column == column && diagnostic.message.contains(message)
            && diagnostic.location.file == "maalinger/test.json"
    }
}

/// A measurement file and every diagnostic that loading it must give, no more.
struct MeasurementFileCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [MeasurementExpectation]
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: [MeasurementExpectation]) {
        self.name = name
        self.text = text
        self.expected = expected
    }

    /// Whether a measurement must come back: when nothing worse than a warning is expected.
    var loads: Bool { !expected.contains { $0.severity == .error } }
}

private let cases: [MeasurementFileCase] = [
    MeasurementFileCase("valid", validText, []),
    MeasurementFileCase("$schema is allowed", variant(("{\n", "{\n  \"$schema\": \"../../../../schemas/maaling.schema.json\",\n")), []),
    MeasurementFileCase("$schema must be a string", variant(("{\n", "{ \"$schema\": 1,\n")), [
        .error(1, 14, "'$schema' skal være en tekst, ikke et tal"),
    ]),

    // The file as a whole
    MeasurementFileCase("not an object", "[]", [.error(1, 1, "en målefil skal indeholde et JSON-objekt ({ … }), ikke en liste")]),
    MeasurementFileCase("syntax error", variant(("\"ikke_relevant\": 6 }", "\"ikke_relevant\": 6, }")), [
        .error(7, 89, "overskydende komma"),
    ]),
    MeasurementFileCase("duplicate key", variant(("  \"antal_sager\": 20,\n", "  \"antal_sager\": 20,\n  \"dato\": \"2015-04-02\",\n")), [
        .error(5, 3, "nøglen 'dato' står to gange (første gang i linje 3, kolonne 3)"),
    ]),
    MeasurementFileCase("unknown key", variant(("{\n", "{\n  \"kommentar\": \"x\",\n")), [
        .error(2, 3, "ukendt nøgle 'kommentar' i en målefil"),
    ]),
    MeasurementFileCase("misspelt key is unknown, and the right one missing", variant(("\"antal_sager\"", "\"antal_sag\"")), [
        .error(1, 1, "nøglen 'antal_sager' mangler i målefilen"),
        .error(4, 3, "ukendt nøgle 'antal_sag' i en målefil"),
    ]),
    MeasurementFileCase("missing dato", variant(("  \"dato\": \"2015-04-01\",\n", "")), [
        .error(1, 1, "nøglen \'dato\' mangler"),
    ]),
    MeasurementFileCase("all keys missing", "{}", [
        .error(1, 1, "nøglen \'type\' mangler"), .error(1, 1, "nøglen \'dato\' mangler"),
        .error(1, 1, "nøglen \'antal_sager\' mangler"), .error(1, 1, "nøglen \'resultater\' mangler"),
    ]),

    // type and dato
    MeasurementFileCase("type not one of the two", variant(("\"sagsgennemgang\"", "\"slutmaaling\"")), [
        .error(2, 11, "'type' skal være 'sagsgennemgang' eller 'statusmaaling', ikke 'slutmaaling'"),
    ]),
    MeasurementFileCase("type not a string", variant(("\"sagsgennemgang\"", "1")), [
        .error(2, 11, "'type' skal være en tekst, ikke et tal"),
    ]),
    MeasurementFileCase("type null", variant(("\"sagsgennemgang\"", "null")), [
        .error(2, 11, "'type' skal være en tekst, ikke null"),
    ]),
    MeasurementFileCase("dato that does not exist", variant(("2015-04-01", "2015-02-30")), [
        .error(3, 11, "'dato' er 2015-02-30, en dato, der ikke findes: februar 2015 har 28 dage"),
    ]),
    MeasurementFileCase("dato in Danish", variant(("\"2015-04-01\"", "\"1. april 2015\"")), [
        .error(3, 11, "'dato' skal være en dato skrevet ÅÅÅÅ-MM-DD, ikke '1. april 2015'"),
    ]),
    MeasurementFileCase("dato as a number", variant(("\"2015-04-01\"", "20150401")), [
        .error(3, 11, "'dato' skal være en tekst, ikke et tal"),
    ]),

    // antal_sager
    MeasurementFileCase("antal_sager 1.0", variant(("\"antal_sager\": 20", "\"antal_sager\": 20.0")), [
        .error(4, 18, "'antal_sager' skal være et helt tal, ikke 20.0"),
    ]),
    MeasurementFileCase("antal_sager 2e1", variant(("\"antal_sager\": 20", "\"antal_sager\": 2e1")), [
        .error(4, 18, "'antal_sager' skal være et helt tal, ikke 2e1"),
    ]),
    MeasurementFileCase("antal_sager 2.5", variant(("\"antal_sager\": 20", "\"antal_sager\": 2.5")), [
        .error(4, 18, "'antal_sager' skal være et helt tal, ikke 2.5"),
    ]),
    MeasurementFileCase("antal_sager -1", variant(("\"antal_sager\": 20", "\"antal_sager\": -1")), [
        .error(4, 18, "'antal_sager' skal være 0 eller derover, ikke -1"),
    ]),
    MeasurementFileCase("antal_sager in quotes", variant(("\"antal_sager\": 20", "\"antal_sager\": \"20\"")), [
        .error(4, 18, "'antal_sager' skal være et helt tal, ikke en tekst"),
    ]),
    MeasurementFileCase("antal_sager 1e400", variant(("\"antal_sager\": 20", "\"antal_sager\": 1e400")), [
        .error(4, 18, "'antal_sager' skal være et helt tal, ikke 1e400"),
    ]),
    MeasurementFileCase("antal_sager beyond Int", variant(("\"antal_sager\": 20", "\"antal_sager\": 99999999999999999999")), [
        .error(4, 18, "'antal_sager' er for stort: 99999999999999999999"),
    ]),
    MeasurementFileCase("antal_sager 0", variant(("\"antal_sager\": 20", "\"antal_sager\": 0")), [
        .error(4, 18, "'antal_sager' er 0; en måling skal omfatte mindst én sag"),
    ]),
    MeasurementFileCase("antal_sager 18 that adds up",
                    variant(("\"antal_sager\": 20", "\"antal_sager\": 18"),
                            ("\"ikke_relevant\": 3 }", "\"ikke_relevant\": 1 }"),
                            ("\"ikke_relevant\": 6 }", "\"ikke_relevant\": 4 }")), [
        .warning(4, 18, "Task Forcens sagsgennemgange omfatter 20 sager; denne omfatter 18"),
    ]),
    MeasurementFileCase("antal_sager 18 that does not add up", variant(("\"antal_sager\": 20", "\"antal_sager\": 18")), [
        .warning(4, 18, "Task Forcens sagsgennemgange omfatter 20 sager; denne omfatter 18"),
        .error(6, 5, "tallene giver 20 tilsammen, men antal_sager er 18"),
        .error(7, 5, "tallene giver 20 tilsammen, men antal_sager er 18"),
    ]),

    // Results
    MeasurementFileCase("counts that do not add up", variant(("\"opfyldt\": 6,", "\"opfyldt\": 5,")), [
        .error(6, 5, "tallene giver 19 tilsammen, men antal_sager er 20 (opfyldt 5 + ikke_opfyldt 11 + ikke_relevant 3)"),
    ]),
    MeasurementFileCase("count in quotes", variant(("\"opfyldt\": 6,", "\"opfyldt\": \"6\",")), [
        .error(6, 57, "'opfyldt' skal være et helt tal, ikke en tekst"),
    ]),
    MeasurementFileCase("negative count", variant(("\"ikke_opfyldt\": 11,", "\"ikke_opfyldt\": -1,")), [
        .error(6, 76, "'ikke_opfyldt' skal være 0 eller derover, ikke -1"),
    ]),
    MeasurementFileCase("fractional count", variant(("\"ikke_relevant\": 3 }", "\"ikke_relevant\": 3.0 }")), [
        .error(6, 97, "'ikke_relevant' skal være et helt tal, ikke 3.0"),
    ]),
    MeasurementFileCase("criterion twice", variant(("\"boernesamtale\"", "\"undersoegelse-rettidig\"")), [
        .error(7, 20, "kriteriet 'undersoegelse-rettidig' står to gange; første gang i linje 6"),
    ]),
    MeasurementFileCase("empty resultater", variant(("[\n    { \"kriterium\": \"undersoegelse-rettidig\"", "[],\"x\":[\n    { \"kriterium\": \"undersoegelse-rettidig\"")), [
        .error(5, 20, "ukendt nøgle 'x' i en målefil"),
        .warning(5, 17, "'resultater' er tom"),
    ]),
    MeasurementFileCase("only an empty resultater", """
        {"type": "statusmaaling", "dato": "2017-03-01", "antal_sager": 20, "resultater": []}
        """, [
        .warning(1, 82, "'resultater' er tom"),
    ]),
    MeasurementFileCase("resultater not an array", """
        {"type": "statusmaaling", "dato": "2017-03-01", "antal_sager": 20, "resultater": {}}
        """, [
        .error(1, 82, "'resultater' skal være en liste, ikke et objekt"),
    ]),
    MeasurementFileCase("a result that is not an object", variant(("\"resultater\": [\n", "\"resultater\": [\n    3,\n")), [
        .error(6, 5, "hvert resultat skal være et objekt, ikke et tal"),
    ]),
    MeasurementFileCase("a result without a key", variant((", \"ikke_relevant\": 3 }", " }")), [
        .error(6, 5, "nøglen 'ikke_relevant' mangler i resultatet"),
    ]),
    MeasurementFileCase("a misspelt key in a result", variant(("\"opfyldt\": 6,", "\"opfyld\": 6,")), [
        .error(6, 5, "nøglen 'opfyldt' mangler i resultatet"),
        .error(6, 46, "ukendt nøgle 'opfyld' i et resultat"),
    ]),
    MeasurementFileCase("kriterium not a string", variant(("\"boernesamtale\"", "7")), [
        .error(7, 20, "'kriterium' skal være en tekst, ikke et tal"),
    ]),
    MeasurementFileCase("kriterium empty", variant(("\"boernesamtale\"", "\"\"")), [
        .error(7, 20, "'kriterium' er tom"),
    ]),
    MeasurementFileCase("every problem at once", variant(
        ("\"sagsgennemgang\"", "\"slut\""),
        ("2015-04-01", "2015-13-01"),
        ("\"opfyldt\": 6,", "\"opfyldt\": -6,"),
        ("\"ikke_opfyldt\": 2,", "\"ikke_opfyldt\": 3, \"note\": 1,"),
        ("\"boernesamtale\"", "\"undersoegelse-rettidig\"")
    ), [
        .error(2, 11, "'type' skal være 'sagsgennemgang' eller 'statusmaaling', ikke 'slut'"),
        .error(3, 11, "'dato' er 2015-13-01, en dato, der ikke findes: der er ingen måned 13"),
        .error(6, 57, "'opfyldt' skal være 0 eller derover, ikke -6"),
        .error(7, 5, "tallene giver 21 tilsammen, men antal_sager er 20"),
        .error(7, 20, "kriteriet 'undersoegelse-rettidig' står to gange; første gang i linje 6"),
        .error(7, 80, "ukendt nøgle 'note' i et resultat"),
    ]),

    // Positions after CRLF and multibyte characters
    MeasurementFileCase("CRLF and æøå",
                    variant(("\"boernesamtale\", \"opfyldt\": 12", "\"børnesamtale-æøå\", \"opfyldt\": \"12\""))
                        .replacingLineFeeds(),
                    [.error(7, 51, "'opfyldt' skal være et helt tal, ikke en tekst")]),
    MeasurementFileCase("a byte order mark", "\u{FEFF}" + variant(("\"opfyldt\": 6,", "\"opfyldt\": 5,")), [
        .error(6, 5, "tallene giver 19 tilsammen"),
    ]),
]

private extension String {
    func replacingLineFeeds() -> String {
        var result = ""
        for character in self {
            // "\r\n" is one Character; plain "\n" becomes CRLF.
            if character == "\n" { result += "\r\n" } else { result.append(character) }
        }
        return result
    }
}

@Suite("Measurement files")
struct MeasurementLoadingTests {
    @Test("each file gives exactly the expected diagnostics", arguments: cases)
    func diagnostics(_ testCase: MeasurementFileCase) {
        let (measurement, diagnostics) = load(testCase.text)
        for expected in testCase.expected {
            #expect(diagnostics.contains(where: expected.matches), "missing \(expected); got \(diagnostics.map { "\($0.location): \($0.message)" })")
        }
        #expect(diagnostics.count == testCase.expected.count, "got \(diagnostics.map { "\($0.location): \($0.message)" })")
        #expect((measurement != nil) == testCase.loads)
        #expect(diagnostics == diagnostics.sorted(), "diagnostics come sorted by position")
    }

    @Test("a valid file loads with its values and positions")
    func validFile() throws {
        let (loaded, diagnostics) = load(validText)
        #expect(diagnostics.isEmpty)
        let measurement = try #require(loaded)
        #expect(measurement.kind == .sagsgennemgang)
        #expect(measurement.date == ISODate(year: 2015, month: 4, day: 1))
        #expect(measurement.caseCount == 20)
        #expect(measurement.file == "maalinger/test.json")
        #expect(measurement.kindLocation == SourceLocation(file: "maalinger/test.json", line: 2, column: 11))
        #expect(measurement.dateLocation == SourceLocation(file: "maalinger/test.json", line: 3, column: 11))
        #expect(measurement.results.map(\.criterionID) == ["undersoegelse-rettidig", "boernesamtale"])
        let first = measurement.results[0]
        #expect([first.opfyldt, first.ikkeOpfyldt, first.ikkeRelevant, first.relevante] == [6, 11, 3, 17])
        #expect(first.location == SourceLocation(file: "maalinger/test.json", line: 6, column: 5))
        #expect(first.criterionLocation == SourceLocation(file: "maalinger/test.json", line: 6, column: 20))
        #expect(measurement.result(for: "boernesamtale")?.opfyldt == 12)
        #expect(measurement.result(for: "ukendt") == nil)
    }

    @Test("a measurement written out as JSON loads back the same", arguments: [
        PejlingKit.Measurement(
            kind: .statusmaaling, date: ISODate(year: 2017, month: 3, day: 1)!, caseCount: 20,
            results: [
                CriterionResult(criterionID: "undersoegelse-rettidig", opfyldt: 10, ikkeOpfyldt: 7, ikkeRelevant: 3,
                                location: SourceLocation(file: "x")),
                CriterionResult(criterionID: "børnesamtale", opfyldt: 0, ikkeOpfyldt: 0, ikkeRelevant: 20,
                                location: SourceLocation(file: "x")),
            ],
            file: "x"
        ),
        PejlingKit.Measurement(
            kind: .sagsgennemgang, date: ISODate(year: 2016, month: 2, day: 29)!, caseCount: 20, results: [], file: "x"
        ),
    ])
    func roundTrip(_ original: PejlingKit.Measurement) throws {
        let results = original.results.map { result in
            #"{"kriterium": "\#(result.criterionID)", "opfyldt": \#(result.opfyldt), "#
                + #""ikke_opfyldt": \#(result.ikkeOpfyldt), "ikke_relevant": \#(result.ikkeRelevant)}"#
        }
        let text = """
            {"type": "\(original.kind.rawValue)", "dato": "\(original.date)", "antal_sager": \(original.caseCount),
             "resultater": [\(results.joined(separator: ",\n  "))]}
            """
        let (loaded, diagnostics) = PejlingKit.Measurement.load(bytes: Array(text.utf8), file: "x")
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        let measurement = try #require(loaded)
        #expect(measurement.kind == original.kind)
        #expect(measurement.date == original.date)
        #expect(measurement.caseCount == original.caseCount)
        #expect(measurement.results.map(\.criterionID) == original.results.map(\.criterionID))
        #expect(measurement.results.map { [$0.opfyldt, $0.ikkeOpfyldt, $0.ikkeRelevant] }
                == original.results.map { [$0.opfyldt, $0.ikkeOpfyldt, $0.ikkeRelevant] })
    }

    @Test("unknown criterion ids are errors at their kriterium value, with close ids as a hint")
    func unknownCriteria() throws {
        let text = variant(("\"undersoegelse-rettidig\"", "\"undersoegelse-retidig\""), ("\"boernesamtale\"", "\"helt-andet\""))
        let measurement = try #require(load(text).0)
        let known: Set<String> = ["undersoegelse-rettidig", "undersoegelse-rettidig-2", "boernesamtale", "handleplan"]
        let diagnostics = measurement.validate(knownCriteria: known)
        #expect(diagnostics.count == 2)
        let first = try #require(diagnostics.first)
        #expect(first.severity == .error)
        #expect(first.message == "ukendt kriterium 'undersoegelse-retidig'; det står ikke i kriterier.yml")
        #expect(first.location == SourceLocation(file: "maalinger/test.json", line: 6, column: 20))
        #expect(first.hint == "mente du 'undersoegelse-rettidig' eller 'undersoegelse-rettidig-2'?")
        let second = diagnostics[1]
        #expect(second.message == "ukendt kriterium 'helt-andet'; det står ikke i kriterier.yml")
        #expect(second.location.line == 7)
        #expect(second.hint == nil)

        #expect(measurement.validate(knownCriteria: []).allSatisfy { $0.hint?.contains("ingen kriterier") == true })
        let all = try #require(load(validText).0)
        #expect(all.validate(knownCriteria: ["undersoegelse-rettidig", "boernesamtale"]).isEmpty)
    }

    @Test("a misspelt key or type gets a suggestion")
    func suggestions() {
        let (_, diagnostics) = load(variant(("\"antal_sager\"", "\"antal_sagr\""), ("\"sagsgennemgang\"", "\"Sagsgennemgang\"")))
        #expect(diagnostics.contains { $0.hint == "mente du 'antal_sager'?" })
        #expect(diagnostics.contains { $0.hint == "mente du 'sagsgennemgang'?" })
        let (_, quoted) = load(variant(("\"antal_sager\": 20", "\"antal_sager\": \"20\"")))
        #expect(quoted.first?.hint == "skriv tallet uden anførselstegn: 20")
    }

    @Test("invalid UTF-8 is reported, not loaded")
    func invalidUTF8() {
        var bytes = Array(validText.utf8)
        bytes.insert(0xFF, at: 20)
        let (measurement, diagnostics) = PejlingKit.Measurement.load(bytes: bytes, file: "maalinger/test.json")
        #expect(measurement == nil)
        #expect(diagnostics.map(\.message) == ["ugyldig UTF-8 i byte 20"])
    }
}
