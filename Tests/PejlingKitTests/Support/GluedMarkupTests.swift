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

    /// Scalars from every kind that matters: markup, ASCII, Danish letters, combining marks,
    /// joiners, prepended marks, spacing marks, emoji parts and controls.
    static let alphabet: [Unicode.Scalar] = [
        "<", ">", "&", "\"", "'", "a", " ", "\n", "æ", "ø", "Å", "é", "\u{AD}", "\u{2013}", "\u{201C}",
        "\u{300}", "\u{301}", "\u{36F}", "\u{20D2}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{0600}",
        "\u{06DD}", "\u{110BD}", "\u{0903}", "\u{093F}", "\u{1F3FB}", "\u{1F1E9}", "\u{1100}", "\u{AC00}",
        "\u{E0020}", "\u{0E33}",
    ]

    @Test("the byte scan agrees with Swift's grapheme clusters on random text")
    func agreesWithCharacters() {
        var random = SeededRandom(seed: 2026)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + random.below(12)) {
                // Runs of ASCII too, so that the scan's eight-byte steps meet every alignment.
                if random.chance(20) { scalars.append(contentsOf: String(repeating: "x", count: random.below(20)).unicodeScalars) }
                scalars.append(Self.alphabet[random.below(Self.alphabet.count)])
            }
            let text = String(scalars)
            let expected = text.contains { character in
                character.unicodeScalars.count > 1
                    && character.unicodeScalars.contains { $0.isASCII && "<>&\"'".unicodeScalars.contains($0) }
            }
            if HTML.containsGluedMarkup(text) != expected { disagreements.append(text.debugDescription) }
            let isolated = HTML.isolatingMarkupCharacters(text)
            if isolated.contains(where: { $0.unicodeScalars.count > 1 && $0.unicodeScalars.contains { "<>&\"'".unicodeScalars.contains($0) } }) {
                disagreements.append("not isolated: " + isolated.debugDescription)
            }
        }
        #expect(disagreements.count == 0, "first: \(disagreements.prefix(5))")
    }
}
