import Testing
@testable import PejlingKit

@Suite("Markup characters glued into one character")
struct GluedMarkupTests {
    @Test("ordinary Danish text beside markup is left alone, fast", arguments: ["<p>ø</p>", "æ<b>å&amp;Ø\"é'", "Høje-Taastrup", ""])
    func ordinary(text: String) {
        #expect(!HTML.containsGluedMarkup(text))
        #expect(HTML.isolatingMarkupCharacters(text) == text)
    }

    @Test("a combining mark after, or a prepended mark before, is found and split", arguments: [
        "a\"\u{301}b", "x<\u{20D2}", "\u{0600}\"x", "&\u{200D}y",
    ])
    func glued(text: String) {
        #expect(HTML.containsGluedMarkup(text))
        let isolated = HTML.isolatingMarkupCharacters(text)
        #expect(isolated != text)
        #expect(isolated.contains { $0 == "\"" || $0 == "<" || $0 == "&" }, "the markup character stands alone, so Mustache escapes it")
    }
}
