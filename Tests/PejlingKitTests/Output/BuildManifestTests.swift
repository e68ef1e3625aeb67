import Foundation
import Testing
@testable import PejlingKit

@Suite("Build manifest")
struct BuildManifestTests {
    @Test("what is written reads back the same, with awkward characters in paths and warnings")
    func roundTrip() throws {
        var manifest = BuildManifest(key: "00ff00ff00ff00ff",
                                     shared: ["index.html": "0123456789abcdef", "assets/\"quoted\"\\.css": "fedcba9876543210"],
                                     warnings: [.warning("a \"warning\"\n\twith\u{1} control characters and ø",
                                                         at: SourceLocation(file: "content/kommuner/x/analyse.md", line: 3, column: 1),
                                                         hint: "a hint")])
        manifest.municipalities["esbjerg"] = .init(input: "1111111111111111", files: ["esbjerg/index.html": "2222222222222222",
                                                                                      "esbjerg/data.csv": "3333333333333333"])
        manifest.municipalities["aarhus"] = .init(input: "4444444444444444", files: [:])
        let bytes = try manifest.json()
        #expect(BuildManifest(json: bytes) == manifest)
        #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any], "plain JSON for other tools too")
    }

    @Test("an empty manifest is valid JSON and reads back")
    func empty() throws {
        let manifest = BuildManifest(key: "")
        #expect(BuildManifest(json: try manifest.json()) == manifest)
    }

    @Test("the same manifest gives the same bytes, keys sorted")
    func deterministic() throws {
        var first = BuildManifest(key: "k")
        var second = BuildManifest(key: "k")
        for slug in ["b", "a", "c"] { first.municipalities[slug] = .init(input: slug, files: ["\(slug)/index.html": "h"]) }
        for slug in ["c", "b", "a"] { second.municipalities[slug] = .init(input: slug, files: ["\(slug)/index.html": "h"]) }
        let text = String(decoding: try first.json(), as: UTF8.self)
        #expect(try first.json() == second.json())
        #expect(text.range(of: "\"a\"")!.lowerBound < text.range(of: "\"b\"")!.lowerBound)
    }
}
