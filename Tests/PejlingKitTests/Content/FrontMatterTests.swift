import Testing
@testable import PejlingKit

@Suite("Front matter")
struct FrontMatterTests {
    @Test("splits YAML and body and knows the body's line")
    func splitsPlainFile() throws {
        let split = try #require(FrontMatter.split("---\ntitel: A\ndato: 2015-06-01\n---\n# Hej\n\nTekst\n"))
        #expect(split.yaml == "titel: A\ndato: 2015-06-01\n")
        #expect(split.body == "# Hej\n\nTekst\n")
        #expect(split.yamlLine == 2)
        #expect(split.bodyLine == 5)
    }

    @Test("accepts CRLF line endings and a BOM once decoded")
    func acceptsCRLFAndBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitel: A\r\ndato: 2015-06-01\r\n---\r\n# Hej\r\n".utf8)
        let source = try SourceText.decode(bytes, file: "a.md").get()
        #expect(!source.text.contains("\r"))
        #expect(!source.text.hasPrefix("\u{FEFF}"))
        let split = try #require(FrontMatter.split(source.text))
        #expect(split.yaml == "titel: A\ndato: 2015-06-01\n")
        #expect(split.body == "# Hej\n")
        var diagnostics = Diagnostics()
        let report = try #require(Report.parse(source, kind: .analysis, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(report.title == "A")
        #expect(report.date == ISODate("2015-06-01"))
    }

    @Test("an empty front matter and trailing spaces on the fences")
    func emptyFrontMatter() throws {
        let split = try #require(FrontMatter.split("--- \n---\t\nBody"))
        #expect(split.yaml == "")
        #expect(split.body == "Body")
        #expect(split.bodyLine == 3)
    }

    @Test("reports an unclosed front matter at line 1")
    func unclosed() {
        var diagnostics = Diagnostics()
        let source = SourceText(file: "a.md", text: "---\ntitel: A\n# Hej\n", bytes: [])
        #expect(FrontMatter.splitting(source, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.items.count == 1)
        #expect(diagnostics.items.first?.message.contains("slutter aldrig") == true)
        #expect(diagnostics.items.first?.location == SourceLocation(file: "a.md", line: 1, column: 1))
    }

    @Test("reports a report without front matter")
    func missing() {
        var diagnostics = Diagnostics()
        let source = SourceText(file: "a.md", text: "# Hej\n", bytes: [])
        #expect(FrontMatter.splitting(source, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.items.first?.message.contains("begynder med et hoved (front matter)") == true)
    }

    @Test("front matter errors point at the line in the whole file")
    func errorLinesAreFileLines() {
        var diagnostics = Diagnostics()
        let source = SourceText(file: "a.md", text: "---\ntitel: A\ndato: 2015-13-01\n---\nBody\n", bytes: [])
        #expect(Report.parse(source, kind: .analysis, diagnostics: &diagnostics) == nil)
        let problem = diagnostics.items.first
        #expect(problem?.location.line == 3)
        #expect(problem?.location.column == 7)
        #expect(problem?.message.contains("der er ingen måned 13") == true)
    }
}

@Suite("Source text")
struct SourceTextTests {
    @Test("invalid UTF-8 names the byte offset")
    func invalidUTF8() {
        let bytes = Array("titel: ab".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        guard case .failure(let diagnostic) = SourceText.decode(bytes, file: "site.yml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message == "ugyldig UTF-8 i byte 9")
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == 10)
    }

    @Test("overlong encodings and surrogates are invalid", arguments: [
        [UInt8]([0xC0, 0xAF]), [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE2, 0x82],
    ])
    func invalidSequences(bytes: [UInt8]) {
        #expect(SourceText.firstInvalidUTF8Offset(Array("ok ".utf8) + bytes) == 3)
    }

    @Test("valid multi-byte text passes")
    func validText() {
        #expect(SourceText.firstInvalidUTF8Offset(Array("Høje-Taastrup, Ærø, € 😀".utf8)) == nil)
    }
}
