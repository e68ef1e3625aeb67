import Foundation
import Testing
@testable import PejlingKit

/// Drafts (`kladde: true`): left out of a build unless `--drafts`; with it, a KLADDE banner,
/// `noindex`, and a mark in the overview.
@Suite struct DraftsTests {
    /// A copy of the demo content (where bakkeby's status report is a draft already) with
    /// egelund's status report and mosedal's analysis as drafts too; strandvig has none.
    final class DraftSite {
        let root: URL
        init() throws {
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            root = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-drafts-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for name in ["content", "Templates"] {
                try FileManager.default.copyItem(at: package.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
            try markDraft("kommuner/egelund/status.md")
            try markDraft("kommuner/mosedal/analyse.md")
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func markDraft(_ relative: String) throws {
            let path = root.appendingPathComponent("content/" + relative).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.hasPrefix("---\n") else { throw CocoaError(.fileReadCorruptFile) }
            try ("---\nkladde: true\n" + text.dropFirst(4)).write(toFile: path, atomically: true, encoding: .utf8)
        }

        func build(drafts: Bool) -> (SiteBuilder.Result, [String: String]) {
            var options = BuildOptions()
            options.contentDirectory = root.appendingPathComponent("content").path
            options.templatesDirectory = root.appendingPathComponent("Templates").path
            options.includeDrafts = drafts
            let sink = MemorySink()
            let result = SiteBuilder(options: options).render(into: sink)
            return (result, sink.files.mapValues { String(decoding: $0, as: UTF8.self) })
        }
    }

    static let noindex = "<meta name=\"robots\" content=\"noindex\">"

    @Test func withoutDraftsTheyAreLeftOut() throws {
        let site = try DraftSite()
        let (result, files) = site.build(drafts: false)
        #expect(!result.failed)
        // A municipality whose analysis is a draft has nothing to publish.
        #expect(!result.municipalities.contains("mosedal"))
        #expect(files.keys.allSatisfy { !$0.hasPrefix("mosedal/") })
        let overview = try #require(files["index.html"])
        #expect(!overview.contains("Mosedal"))
        // A draft status report is left out; the analysis stays.
        let egelund = try #require(files["egelund/index.html"])
        #expect(egelund.contains("id=\"analyse\""))
        #expect(!egelund.contains("id=\"status\""))
        // Nothing built without --drafts is marked as one.
        for (path, html) in files where path.hasSuffix(".html") {
            #expect(!html.contains("KLADDE"), "\(path)")
            #expect(!html.contains("Kladde"), "\(path)")
            #expect(!html.contains(Self.noindex), "\(path)")
        }
    }

    @Test func withDraftsTheyCarryABannerAndNoindex() throws {
        let site = try DraftSite()
        let (result, files) = site.build(drafts: true)
        #expect(!result.failed)
        #expect(result.municipalities.contains("mosedal"))
        for slug in ["mosedal", "egelund"] {
            for page in ["\(slug)/index.html", "\(slug)/\(slug).html"] {
                let html = try #require(files[page])
                #expect(html.contains("<strong>KLADDE – må ikke offentliggøres.</strong>"), "\(page)")
                #expect(html.contains(Self.noindex), "\(page)")
                // The banner is inside <body>, the robots meta inside <head>.
                let head = try #require(html.range(of: "</head>"))
                #expect(html.range(of: Self.noindex)!.lowerBound < head.lowerBound, "\(page)")
                #expect(html.range(of: "class=\"banner banner-kladde\"")!.lowerBound > head.lowerBound, "\(page)")
            }
            #expect(try #require(files["\(slug)/indlejring.html"]).contains("KLADDE"))
        }
        // The draft report itself is marked; egelund's analysis is not a draft.
        let egelund = try #require(files["egelund/index.html"])
        #expect(egelund.contains("id=\"status\""))
        let statusHeader = try #require(egelund.range(of: "rapport-status"))
        let analysisHeader = try #require(egelund.range(of: "rapport-analyse"))
        let mark = "<span class=\"kladde-maerke\">Kladde</span>"
        #expect(egelund[statusHeader.upperBound...].contains(mark))
        #expect(!egelund[analysisHeader.upperBound..<statusHeader.lowerBound].contains(mark))
        // A municipality without drafts has neither banner nor noindex.
        let strandvig = try #require(files["strandvig/index.html"])
        #expect(!strandvig.contains("KLADDE"))
        #expect(!strandvig.contains(Self.noindex))
    }

    @Test func theOverviewMarksDrafts() throws {
        let site = try DraftSite()
        let (_, files) = site.build(drafts: true)
        let overview = try #require(files["index.html"])
        let rows = overview.components(separatedBy: "<tr>").filter { $0.contains("scope=\"row\"") }
        let mosedal = try #require(rows.first { $0.contains("Mosedal") })
        let strandvig = try #require(rows.first { $0.contains("Strandvig") })
        #expect(mosedal.contains("kladde-maerke"))
        #expect(!strandvig.contains("kladde-maerke"))
        #expect(overview.contains(Self.noindex))
        #expect(overview.contains("KLADDE"))
    }
}
