import Foundation
import Testing
@testable import PejlingKit

@Suite("The part all three forms show, rendered once")
struct SharedBodyTests {
    @Test("markers give way to the prefix and each report's HTML; an unknown NUL refuses")
    func replacing() {
        let text = "<h2 id=\"\(SharedBody.Marker.prefix)a\">\(SharedBody.Marker.report(1))|\(SharedBody.Marker.report(0))æ"
        #expect(SharedBody.replacingMarkers(in: text, prefix: "p-", reports: ["<b>0</b>", "<i>1</i>"])
                == "<h2 id=\"p-a\"><i>1</i>|<b>0</b>æ")
        #expect(SharedBody.replacingMarkers(in: text, prefix: "", reports: ["x", "y"]) == "<h2 id=\"a\">y|xæ")
        #expect(SharedBody.replacingMarkers(in: "a\u{0}b", prefix: "", reports: []) == nil)
        #expect(SharedBody.replacingMarkers(in: "a\u{0}H2\u{0}", prefix: "", reports: ["x"]) == nil, "no report 2")
        #expect(SharedBody.replacingMarkers(in: "a\u{0}P", prefix: "", reports: []) == nil)
        #expect(SharedBody.holdsNUL(["a": [["b": PreparedText("x\u{0}")]]]))
        #expect(!SharedBody.holdsNUL(["a": [["b": PreparedText("x")]], "c": true]))
    }

    /// A template holding a NUL turns the one render off: every file must come out the same.
    @Test("the demo site built with the part rendered once equals the site built with it rendered for each form")
    func sameAsSeparateRenders() throws {
        let folder = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: DemoSite.root + "/Templates", toPath: folder + "/Templates")
        try Data("{{! ubrugt \u{0} }}".utf8).write(to: URL(fileURLWithPath: folder + "/Templates/partials/ubrugt.mustache"))
        var diagnostics = Diagnostics()
        #expect(TemplateSet.load(directory: folder + "/Templates", diagnostics: &diagnostics)?.holdNUL == true, "the one render is off")
        #expect(TemplateSet.load(directory: DemoSite.root + "/Templates", diagnostics: &diagnostics)?.holdNUL == false)
        var options = DemoSite.options(drafts: true)
        options.templatesDirectory = folder + "/Templates"
        let sink = MemorySink()
        let result = SiteBuilder(options: options).render(into: sink)
        #expect(!result.failed)
        let shared = DemoSite.builtWithDrafts
        #expect(!shared.isEmpty)
        #expect(Set(sink.files.keys) == Set(shared.keys))
        for (path, bytes) in shared.sorted(by: { $0.key < $1.key }) {
            #expect(sink.files[path] == bytes, "\(path)")
        }
        let fragment = try DemoSite.text("egelund/indlejring.html")
        #expect(fragment.contains("id=\"pejling-sammenfatning-titel\""))
        #expect(!fragment.contains("\u{0}"))
    }
}

@Suite("The overview's rows, made as Mustache comes to them")
struct OverviewRowsTests {
    @Test("a section, an inverted section and the list transforms work as on an array")
    func behavesAsAList() throws {
        let folder = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let template = "{{#kommuner}}[{{navn}}{{#rapporter}}/{{type}}{{/rapporter}}]{{/kommuner}}{{^kommuner}}ingen{{/kommuner}}"
            + "|{{#first(kommuner)}}{{navn}}{{/first(kommuner)}}|{{#last(kommuner)}}{{navn}}{{/last(kommuner)}}"
            + "|{{count(kommuner)}}|{{#empty(kommuner)}}tom{{/empty(kommuner)}}"
            + "|{{#reversed(kommuner)}}{{navn}}{{/reversed(kommuner)}}"
        try Data(template.utf8).write(to: URL(fileURLWithPath: folder + "/liste.mustache"))
        for name in TemplateSet.required { try Data().write(to: URL(fileURLWithPath: folder + "/\(name).mustache")) }
        var diagnostics = Diagnostics()
        let templates = try #require(TemplateSet.load(directory: folder, diagnostics: &diagnostics))
        let municipalities = ["A\"\u{301}", "B"].map { name in
            Municipality(slug: name, code: nil, name: name, homepage: nil, isExample: true, location: SourceLocation(file: "k.yml"))
        }
        #expect(templates.render(["kommuner": OverviewRows(municipalities)], template: "liste")
                == "[A&quot;\u{200B}\u{301}][B]|A&quot;\u{200B}\u{301}|B|2||BA&quot;\u{200B}\u{301}")
        #expect(templates.render(["kommuner": OverviewRows([])], template: "liste") == "ingen|||0|tom|")
    }
}
