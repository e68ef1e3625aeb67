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

    /// A manifest as a rebuild reads it: summaries with every kind of location, warnings of
    /// their own, the overview's key, and a slug that needs escaping.
    static func full() -> BuildManifest {
        var manifest = BuildManifest(key: "k", shared: ["index.html": "0123456789abcdef"],
                                     warnings: [.warning("w", at: SourceLocation(file: "content/site.yml"))])
        manifest.overview = "abcdefabcdefabcd"
        let place = SourceLocation(file: "kommuner/x/analyse.md", line: 4, column: 10)
        let report = BuildManifest.Summary.ReportSummary(kind: "analyse", title: "Titel med \"citat\" og ø", date: "2024-03-11",
                                                         measurementPath: nil, isDraft: true, bodyLocation: place,
                                                         dateLocation: SourceLocation(file: "kommuner/x/analyse.md", line: 3),
                                                         measurementPathLocation: SourceLocation(file: "x.xlsx", line: 2, column: 3, cell: "C2"))
        let warning = Diagnostic.warning("advarsel", at: place, hint: "gør sådan")
        manifest.municipalities["x"] = .init(input: "1", files: ["x/index.html": "2", "x/sub/dir.html": "3"],
                                             summary: .init(slug: "x", code: 101, name: "Navn", homepage: "https://x.dk", isExample: true,
                                                            location: place, codeLocation: place, reports: [report, report],
                                                            warnings: [warning]))
        manifest.municipalities["y\"\n}"] = .init(input: "4", files: [:],
                                                  summary: .init(slug: "y", code: nil, name: "Y", homepage: nil, isExample: false,
                                                                 location: place, codeLocation: nil, reports: [], warnings: []))
        manifest.municipalities["z"] = .init(input: "5", files: ["z/index.html": "6"])
        return manifest
    }

    @Test("summaries, warnings and the overview's key read back the same")
    func roundTripWithSummaries() throws {
        let manifest = Self.full()
        #expect(BuildManifest(json: try manifest.json()) == manifest)
    }

    @Test("the same JSON laid out by another tool reads back the same, or not at all (then the build renders everything)")
    func reformatted() throws {
        let manifest = Self.full()
        let bytes = try manifest.json()
        for options: JSONSerialization.WritingOptions in [[], [.prettyPrinted], [.prettyPrinted, .sortedKeys]] {
            let other = Array(try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(bytes)), options: options))
            let read = BuildManifest(json: other)
            #expect(read == nil || read == manifest)
        }
    }

    @Test("a manifest that is not as pejling wrote it is not read: the build then renders everything", arguments: [
        "truncated", "other version", "entry cut", "not JSON",
    ])
    func refusesOthers(_ change: String) throws {
        let bytes = try Self.full().json()
        let text = String(decoding: bytes, as: UTF8.self)
        let changed: [UInt8]
        switch change {
        case "truncated": changed = Array(bytes.prefix(bytes.count / 2))
        case "other version": changed = Array(text.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 2").utf8)
        case "entry cut": changed = Array(text.replacingOccurrences(of: "\n    },\n", with: "\n").utf8)
        default: changed = Array("[1, 2]".utf8)
        }
        #expect(changed != bytes)
        #expect(BuildManifest(json: changed) == nil)
    }

    @Test("the bytes do not depend on how many threads write the entries, nor on the pieces they come in")
    func sameBytesWhateverJobs() throws {
        var manifest = Self.full()
        for number in 0..<1_000 {
            let slug = "k\(number)"
            manifest.municipalities[slug] = .init(input: "\(number)", files: ["\(slug)/index.html": "h\(number)", "\(slug)/data.csv": "c"])
        }
        var pieces: [[UInt8]] = []
        for jobs in [1, 3, 8] {
            var bytes: [UInt8] = []
            try manifest.json(jobs: jobs) { bytes += $0.utf8 }
            pieces.append(bytes)
        }
        #expect(pieces[0] == pieces[1] && pieces[1] == pieces[2])
        #expect(try manifest.json() == pieces[0])
        #expect(BuildManifest(json: pieces[2]) == manifest)
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
