import Testing
@testable import PejlingKit

@Suite struct YAMLErrorLocationTests {
    static func errors(_ text: String, lineOffset: Int = 0) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        _ = YAMLDocument.parse(text, file: "x.yml", lineOffset: lineOffset, diagnostics: &diagnostics)
        return diagnostics.items
    }

    @Test("a repeated key is reported at its second use, with the first")
    func duplicateKey() {
        let errors = Self.errors("titel: a\ndato: 2024-01-01\n  \ntitel: b\n", lineOffset: 1)
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 5)
        #expect(errors.first?.location.column == 1)
        #expect(errors.first?.message == "nøglen 'titel' står to gange (første gang i linje 2)")
    }

    @Test("something never closed is reported where it opens, not at the end of the text")
    func unclosedFlow() {
        let errors = Self.errors("titel: a\nudgiver: [b, c\n\n")
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.location.column == 10)
    }

    @Test("other syntax errors stay where libYAML found them")
    func badIndentation() {
        let errors = Self.errors("a:\n  b: 1\n c: 2\nd: 3\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3)
    }

    @Test("a key that is not text is named as such")
    func nonScalarKey() {
        var diagnostics = Diagnostics()
        let yaml = YAMLDocument.parse("? [a]\n: b\n", file: "x.yml", diagnostics: &diagnostics)
        yaml?.reportUnknownKeys(allowed: ["titel"], diagnostics: &diagnostics)
        #expect(diagnostics.items.first?.message == "ukendt nøgle '(en liste brugt som nøgle)'; den bliver ikke brugt")
    }
}
