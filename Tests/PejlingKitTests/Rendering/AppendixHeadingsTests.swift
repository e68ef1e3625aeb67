import Testing
@testable import PejlingKit

@Suite struct AppendixHeadingsTests {
    @Test(arguments: [
        ("<h2>Bilag 1: Metode</h2>", "<h2 class=\"bilag\">Bilag 1: Metode</h2>"),
        ("<h2>Bilag</h2>", "<h2 class=\"bilag\">Bilag</h2>"),
        ("<h2>Appendiks A</h2>", "<h2 class=\"bilag\">Appendiks A</h2>"),
        ("<h2>Bilagene i overblik</h2>", "<h2>Bilagene i overblik</h2>"),
        ("<h2>Bilagæ</h2>", "<h2>Bilagæ</h2>"),
        ("<h2>Bilag: ø</h2>", "<h2 class=\"bilag\">Bilag: ø</h2>"),
        ("<h3>Bilag 2</h3>", "<h3>Bilag 2</h3>"),
        ("<p>Bilag 1 viser</p>", "<p>Bilag 1 viser</p>"),
        ("<h2>Sammenfatning</h2>\n<h2>Bilag 1</h2>\n<h2>Bilag 2</h2>",
         "<h2>Sammenfatning</h2>\n<h2 class=\"bilag\">Bilag 1</h2>\n<h2 class=\"bilag\">Bilag 2</h2>"),
    ])
    func marksTopLevelAppendixHeadings(input: String, expected: String) {
        #expect(AppendixHeadings.mark(input) == expected)
    }
}
