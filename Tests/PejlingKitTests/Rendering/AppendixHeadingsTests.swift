import Testing
@testable import PejlingKit

@Suite struct AppendixHeadingsTests {
    @Test(arguments: [
        ("Bilag 1: Metode", true), ("Bilag", true), ("Appendiks A", true), ("Bilagene i overblik", false),
        ("Bilagæ", false), ("Bilag: ø", true), ("Om bilag 1", false), ("bilag 1", false),
    ])
    func recognisesAppendixHeadings(text: String, isAppendix: Bool) {
        #expect(AppendixHeadings.isAppendix(text) == isAppendix)
    }

    @Test("a top-level appendix heading is marked, with its id; a lower one is not")
    func marksTopLevelAppendixHeadings() {
        var diagnostics = Diagnostics()
        var report = Report(kind: .analysis, title: "T", date: ISODate("2024-01-01")!,
                            body: "# Sammenfatning\n\n# Bilag 1\n\n## Bilag 2\n\n# *Bilag* 3\n",
                            bodyLocation: SourceLocation(file: "analyse.md", line: 5, column: 1))
        report.outline = ReportOutline.load(report, catalogue: nil, diagnostics: &diagnostics)
        var municipality = Municipality(slug: "x", code: nil, name: "X", homepage: nil, isExample: true, analysis: report,
                                        location: SourceLocation(file: "kommune.yml"))
        municipality.assignHeadingIDs(diagnostics: &diagnostics)
        let html = ReportRenderer(figures: FigurePresenter(catalogue: CriteriaCatalogue(bearings: [], criteria: []),
                                                           analysis: nil, status: nil))
            .render(municipality.analysis!).page
        #expect(html == """
            <h2 id="sammenfatning">Sammenfatning</h2>
            <h2 id="bilag-1" class="bilag">Bilag 1</h2>
            <h3 id="bilag-2">Bilag 2</h3>
            <h2 id="bilag-3" class="bilag"><em>Bilag</em> 3</h2>

            """)
        #expect(diagnostics.isEmpty)
    }
}
