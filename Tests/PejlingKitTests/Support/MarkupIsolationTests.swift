import Foundation
import Testing
@testable import PejlingKit

@Suite struct MarkupIsolationTests {
    @Test("plain text, Danish included, is left as it is")
    func plainText() {
        for text in ["Æbleø & Co. <b>", "Sag \"A\" og 'B'", "e\u{301}", ""] {
            #expect(HTML.isolatingMarkupCharacters(text) == text)
        }
    }

    @Test("a markup character glued to a combining mark or a prefix becomes a character of its own")
    func gluedCharacters() {
        for text in ["x\"\u{301} onmouseover=alert(1)", "<\u{301}script>", "\u{600}\"", "&\u{200D}amp;", "'\u{20DD}"] {
            let isolated = HTML.isolatingMarkupCharacters(text)
            for character in isolated where character.unicodeScalars.count > 1 {
                #expect(!character.unicodeScalars.contains { "<>&\"'".unicodeScalars.contains($0) },
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            // Nothing is lost: only zero width spaces are added.
            #expect(isolated.unicodeScalars.filter { $0 != "\u{200B}" }.elementsEqual(text.unicodeScalars))
        }
    }

    @Test("a template attribute cannot be ended by a quote hidden in a grapheme cluster")
    func templateAttribute() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in TemplateSet.required {
            try Data("<p title=\"{{titel}}\">{{navn}}</p>".utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
        }
        var diagnostics = Diagnostics()
        let templates = try #require(TemplateSet.load(directory: folder.path, diagnostics: &diagnostics))
        let html = templates.render(["titel": "x\"\u{301} onmouseover=alert(1) y=\"\u{301}", "navn": "<\u{301}b>"],
                                    template: "kommune")
        // Only the template's own two quotes remain as quote code points.
        #expect(html.unicodeScalars.filter { $0 == "\"" }.count == 2, "\(html)")
        #expect(!html.unicodeScalars.contains("<") || html.unicodeScalars.filter { $0 == "<" }.count == 2, "\(html)")
    }

    @Test("addresses: scalars decide, so a combining mark cannot hide a quote", arguments: [
        ("https://www.esbjerg.dk", true),
        ("HTTPS://www.esbjerg.dk/a?b=c#d", true),
        ("https://x.dk/\"\u{301}/onmouseover=alert(1)", false),
        ("https://x.dk/'x", false),
        ("https://x.dk/\u{2028}", false),
        ("https://", false),
        ("javascript:alert(1)", false),
        ("//evil.example", false),
    ])
    func addresses(address: String, allowed: Bool) {
        #expect(URLPolicy.isAbsoluteHTTP(address) == allowed)
    }
}
