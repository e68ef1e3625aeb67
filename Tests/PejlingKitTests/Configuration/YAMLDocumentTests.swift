import Testing
@testable import PejlingKit

@Suite("YAML with positions")
struct YAMLDocumentTests {
    @Test("a syntax error carries its line and column")
    func syntaxError() {
        var diagnostics = Diagnostics()
        let yaml = YAMLDocument.parse("titel: A\nudgiver: [B\nbase_url: x\n", file: "site.yml", diagnostics: &diagnostics)
        #expect(yaml == nil)
        let problem = diagnostics.items.first
        #expect(problem?.severity == .error)
        #expect(problem?.location.file == "site.yml")
        #expect((problem?.location.line ?? 0) >= 2)
        #expect(problem?.message.hasPrefix("ugyldig YAML") == true)
    }

    @Test("a tab indentation error points at its line")
    func tabError() {
        var diagnostics = Diagnostics()
        _ = YAMLDocument.parse("titel: A\n\tudgiver: B\n", file: "site.yml", diagnostics: &diagnostics)
        #expect(diagnostics.items.first?.location.line == 2)
    }

    @Test("line offsets move positions into the enclosing file")
    func lineOffset() throws {
        var diagnostics = Diagnostics()
        let yaml = try #require(YAMLDocument.parse("titel: A\ndato: nej\n", file: "a.md", lineOffset: 1, diagnostics: &diagnostics))
        _ = yaml.date("dato", diagnostics: &diagnostics)
        #expect(diagnostics.items.first?.location == SourceLocation(file: "a.md", line: 3, column: 7))
    }

    @Test("a missing required key is reported at the mapping")
    func missingKey() throws {
        var diagnostics = Diagnostics()
        let config = SiteConfig.load(SourceText(file: "site.yml", text: "udgiver: B\n", bytes: []), diagnostics: &diagnostics)
        #expect(config == nil)
        #expect(diagnostics.items.map(\.message) == ["nøglen 'titel' mangler; den skal være der"])
        #expect(diagnostics.items.first?.location.line == 1)
    }

    @Test("an unknown key is a warning with a suggestion")
    func unknownKey() throws {
        var diagnostics = Diagnostics()
        let config = SiteConfig.load(SourceText(file: "site.yml", text: "titel: A\nudgiver: B\nbaseurl: https://x.dk/\n", bytes: []),
                                     diagnostics: &diagnostics)
        #expect(config != nil)
        let warning = try #require(diagnostics.items.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "ukendt nøgle \'baseurl\'; den bliver ikke brugt")
        #expect(warning.hint == "mente du 'base_url'?")
        #expect(warning.location == SourceLocation(file: "site.yml", line: 3, column: 1))
    }

    @Test("a list where text is expected is an error at the value")
    func wrongType() {
        var diagnostics = Diagnostics()
        _ = SiteConfig.load(SourceText(file: "site.yml", text: "titel:\n  - a\nudgiver: B\n", bytes: []), diagnostics: &diagnostics)
        #expect(diagnostics.items.first?.message == "'titel' skal være en tekst, ikke en liste")
        #expect(diagnostics.items.first?.location.line == 2)
    }

    @Test("base_url gets a trailing slash; a relative one is refused")
    func baseURL() throws {
        var diagnostics = Diagnostics()
        let config = try #require(SiteConfig.load(SourceText(file: "s", text: "titel: A\nudgiver: B\nbase_url: https://x.dk/r\n", bytes: []),
                                                  diagnostics: &diagnostics))
        #expect(config.baseURL == "https://x.dk/r/")
        _ = SiteConfig.load(SourceText(file: "s", text: "titel: A\nudgiver: B\nbase_url: /r/\n", bytes: []), diagnostics: &diagnostics)
        #expect(diagnostics.items.contains { $0.message.contains("base_url skal være en fuld adresse") })
    }

    @Test("duplicate ids in kriterier.yml are errors naming the first")
    func duplicateCriteria() {
        let text = """
        pejlemaerker:
          - id: a
            navn: A
        kriterier:
          - id: k
            pejlemaerke: a
            tekst: T
          - id: k
            pejlemaerke: a
            tekst: T2
          - id: m
            pejlemaerke: ukendt
            tekst: T3
        """
        var diagnostics = Diagnostics()
        let catalogue = CriteriaCatalogue.load(SourceText(file: "kriterier.yml", text: text, bytes: []), diagnostics: &diagnostics)
        #expect(catalogue?.criteria.map(\.id) == ["k"])
        #expect(diagnostics.items.map(\.message) == [
            "kriteriets id 'k' bruges to gange (første gang i linje 5)",
            "ukendt pejlemærke 'ukendt'",
        ])
        #expect(diagnostics.items.map { $0.location.line } == [8, 12])
    }
}
