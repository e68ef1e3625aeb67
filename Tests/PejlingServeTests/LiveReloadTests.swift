import Testing
@testable import PejlingServe

@Suite struct LiveReloadTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReload.inject(into: Array(html.utf8), version: "v1", stylesheetVersion: "c1"), as: UTF8.self)
    }

    @Test func goesBeforeTheLastBodyClose() {
        let page = "<html><body><p>a</p></body></html>\n"
        let served = inject(page)
        let script = LiveReload.script(version: "v1", stylesheetVersion: "c1")
        #expect(served == "<html><body><p>a</p>" + script + "</body></html>\n")
    }

    @Test func ignoresCaseAndUsesTheLastOne() {
        let page = "<p>&lt;/body&gt; and </body> in text</p><BODY></BODY >\n"
        let served = inject(page)
        #expect(served.hasSuffix(LiveReload.script(version: "v1", stylesheetVersion: "c1") + "</BODY >\n"))
    }

    @Test func aFragmentGetsItAtTheEnd() {
        let fragment = "<div class=\"pejling-indlejring\">x</div>\n"
        #expect(inject(fragment) == fragment + LiveReload.script(version: "v1", stylesheetVersion: "c1"))
    }

    @Test func removingTheScriptGivesTheBuiltBytes() {
        let page = "<!DOCTYPE html>\n<html lang=\"da\"><body>æøå</body></html>\n"
        let served = inject(page)
        let script = LiveReload.script(version: "v1", stylesheetVersion: "c1")
        #expect(served.replacingOccurrences(of: script, with: "") == page)
    }

    @Test func versionsAreEscapedInAttributes() {
        let script = LiveReload.script(version: "a\"<b", stylesheetVersion: "c&d")
        #expect(script.contains("data-version=\"a&quot;&lt;b\""))
        #expect(script.contains("data-css=\"c&amp;d\""))
    }

    @Test func theScriptListensOnTheEventPath() {
        #expect(LiveReload.source.contains("\"" + PreviewRoute.eventsPath + "?path=\""))
        #expect(LiveReload.source.contains("script[" + LiveReload.marker + "]"))
    }
}
