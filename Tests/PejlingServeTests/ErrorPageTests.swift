@testable import PejlingKit
import Testing
@testable import PejlingServe

@Suite struct ErrorPageTests {
    @Test func showsLocationMessageSourceLineAndHintEscaped() {
        var diagnostics = Diagnostics()
        diagnostics.error("unknown criterion '<script>'", at: SourceLocation(file: "content/k/a.json", line: 6, column: 20),
                          hint: "did you mean 'a&b'?")
        diagnostics.warning("'resultater' er tom", at: SourceLocation(file: "content/k/b.json", line: 1, column: 1))
        let entries = ErrorPage.entries(for: diagnostics) { file, line in
            file == "content/k/a.json" && line == 6 ? "\t{\"kriterium\": \"<script>\"}" : nil
        }
        let html = ErrorPage.render(entries, script: "<script data-pejling-reload></script>")
        #expect(html.contains("<code>content/k/a.json:6:20</code>"))
        #expect(html.contains("unknown criterion &#39;&lt;script&gt;&#39;"))
        #expect(html.contains(" {&quot;kriterium&quot;: &quot;&lt;script&gt;&quot;}\n" + String(repeating: " ", count: 19) + "^"))
        #expect(html.contains("Forslag: did you mean &#39;a&amp;b&#39;?"))
        #expect(html.contains("1 fejl, 1 advarsel"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<script data-pejling-reload></script>\n</body>"))
        // Errors come before warnings.
        let error = html.range(of: "a.json:6:20")
        let warning = html.range(of: "b.json:1:1")
        #expect(error != nil && warning != nil && error!.lowerBound < warning!.lowerBound)
    }

    @Test func aSpreadsheetCellShowsItsNameAndNoSourceLine() {
        var diagnostics = Diagnostics()
        diagnostics.error("svaret mangler", at: CellReference(row: 7, column: 3).location(in: "content/k/m.csv"))
        let entries = ErrorPage.entries(for: diagnostics) { _, _ in "7;opfyldt;;opfyldt" }
        #expect(entries.map(\.location) == ["content/k/m.csv:C7"])
        #expect(entries.map(\.sourceLine) == [nil])
    }

    @Test func notFoundEscapesThePath() {
        let html = ErrorPage.notFound(path: "/<x>")
        #expect(html.contains("<code>/&lt;x&gt;</code>"))
        #expect(html.contains("href=\"/\""))
    }
}
