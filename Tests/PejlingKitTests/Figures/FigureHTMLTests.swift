import Foundation
import Testing
@testable import PejlingKit

@Suite struct FigureHTMLTests {
    /// The `<svg>…</svg>` whose id is `id`.
    func svg(_ html: String, id: String) throws -> Substring {
        let start = try #require(html.range(of: "<svg class=\"diagram\" id=\"\(id)\"")
            ?? html.range(of: "<svg class=\"diagram diagram-smal\" id=\"\(id)\""), "no chart \(id)")
        let end = try #require(html[start.lowerBound...].range(of: "</svg>"))
        return html[start.lowerBound..<end.upperBound]
    }

    func count(_ needle: String, in text: Substring) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The `<figure>` that holds the chart `id`.
    func figure(_ html: String, chart id: String) throws -> Substring {
        let chart = try #require(html.range(of: "<svg class=\"diagram\" id=\"\(id)\""))
        let start = try #require(html[..<chart.lowerBound].range(of: "<figure", options: .backwards))
        let end = try #require(html[chart.lowerBound...].range(of: "</figure>"))
        return html[start.lowerBound..<end.upperBound]
    }

    /// The vertical segments of a chart's grid: one `M… V…` each in the grid group's path.
    func gridSegments(in chart: Substring) -> Int {
        guard let grid = chart.firstMatch(of: /<g stroke="#d5d8dc" stroke-width="1" fill="none">(<path d="([^"]*)"\/>)?<\/g>/) else { return -1 }
        return grid.2.map { $0.matches(of: /M[0-9.]+ [0-9.]+V[0-9.]+/).count } ?? 0
    }

    @Test("table words get their soft hyphens, every time they occur")
    func hyphenation() {
        #expect(FigureTable.hyphenated("Større, end tilfældigheder kan forklare") == "Større, end tilfældig\u{AD}heder kan forklare")
        #expect(FigureTable.hyphenated("tilfældigheder og tilfældigheder") == "tilfældig\u{AD}heder og tilfældig\u{AD}heder")
        #expect(FigureTable.hyphenated("+6,3\u{A0}procentpoint") == "+6,3 procent\u{AD}point")
        #expect(FigureTable.hyphenated("Kan ikke sammenlignes: målingerne") == "Kan ikke sammen\u{AD}lignes: målin\u{AD}gerne")
        #expect(FigureTable.hyphenated("tilfældig") == "tilfældig")
        #expect(FigureTable.hyphenated("") == "")
    }

    @Test func chartsAreAccessibleAndScale() throws {
        for (path, bytes) in DemoSite.builtWithDrafts where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.lowercased().contains("<script"), "\(path)")
            var rest = html[...]
            while let start = rest.range(of: "<svg") {
                let end = try #require(rest[start.lowerBound...].range(of: "</svg>"))
                let chart = rest[start.lowerBound..<end.upperBound]
                #expect(chart.contains("role=\"img\""))
                #expect(chart.contains("viewBox=\"0 0 "))
                #expect(chart.contains("width=\"100%\""))
                let labelled = try #require(chart.firstMatch(of: /aria-labelledby="([^" ]+) ([^"]+)"/))
                #expect(chart.contains("<title id=\"\(labelled.1)\">"), "\(path)")
                #expect(chart.contains("<desc id=\"\(labelled.2)\">"), "\(path)")
                rest = rest[end.upperBound...]
            }
        }
    }

    /// Every id on a page is unique, though the same pejlemærke is shown in both reports.
    @Test func idsAreUniquePerPage() throws {
        for (path, bytes) in DemoSite.builtWithDrafts where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
            #expect(Set(ids).count == ids.count, "\(path): \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            for match in html.matches(of: /aria-labelledby="([^"]+)"/) {
                for id in match.1.split(separator: " ") {
                    #expect(ids.contains(String(id)), "\(path): aria-labelledby names missing id \(id)")
                }
            }
        }
    }

    @Test func repeatedBlocksGetTheirOwnIds() throws {
        let content = try #require(DemoSite.content)
        let municipality = try DemoSite.municipality("egelund")
        let presenter = FigurePresenter(catalogue: content.catalogue, analysis: municipality.analysis?.measurement,
                                        status: municipality.status?.measurement, idPrefix: "figur-egelund")
        let first = presenter.bearingHTML("inddragelse", in: .status)
        let second = presenter.bearingHTML("inddragelse", in: .status, occurrence: 2)
        #expect(first.contains("id=\"figur-egelund-status-inddragelse\""))
        #expect(second.contains("id=\"figur-egelund-status-inddragelse-2\""))
        #expect(second.contains("aria-labelledby=\"figur-egelund-status-inddragelse-2-titel figur-egelund-status-inddragelse-2-beskrivelse\""))
    }

    /// Shape and label as well as colour: a circle for the analysis, a diamond for the pejling,
    /// and a text legend naming both.
    @Test func seriesToldApartByShapeAndLabel() throws {
        let html = try DemoSite.text("egelund/index.html")
        let chart = try svg(html, id: "pejling-figur-egelund-status-faglig-udredning")
        #expect(chart.contains(">Analyse, sagsgennemgang 11. marts 2024</text>"))
        #expect(chart.contains(">Pejling, statusmåling 8. december 2025</text>"))
        #expect(chart.contains(">95\u{00A0}%-sikkerhedsinterval</text>"))
        // Three criteria: the analysis measured all three, the pejling two (each plus the legend's).
        #expect(count("<circle", in: chart) == 1 + 3)
        #expect(count("fill=\"#a63d00\" stroke=\"#ffffff\"", in: chart) == 1 + 2)
        #expect(chart.contains("71\u{00A0}% (10 af 14 sager)"))
        #expect(chart.contains("79\u{00A0}% (15 af 19 sager)"))
        #expect(chart.contains(">Ikke målt</text>"))

        // The analysis report's chart of the same pejlemærke shows only the analysis.
        let analysis = try svg(html, id: "pejling-figur-egelund-analyse-faglig-udredning")
        #expect(!analysis.contains("Pejling"))
        #expect(count("<circle", in: analysis) == 1 + 3)
    }

    /// No relevant case: the words instead of a share, and no point.
    @Test func noRelevantCaseShowsWordsAndNoPoint() throws {
        let html = try DemoSite.text("strandvig/index.html")
        let chart = try svg(html, id: "pejling-figur-strandvig-status-opfoelgning")
        // Three criteria; the pejling has no relevant case for one of them: 2 diamonds + legend.
        #expect(count("fill=\"#a63d00\" stroke=\"#ffffff\"", in: chart) == 1 + 2)
        #expect(count("<circle", in: chart) == 1 + 3)
        #expect(chart.contains(">Ingen relevante sager</text>"))
        // The words stand beside the scale, never across its grid lines (0–100 % at x 70–340
        // in the wide chart); in the narrow one they are on the label's line, with no scale.
        for match in chart.matches(of: /<text x="([0-9.]+)"[^>]*>(Ingen relevante sager|Ikke målt)<\/text>/) {
            #expect(Double(match.1) ?? 0 >= ChartLayout.wide.plotEnd, "at x \(match.1)")
        }
        let narrow = try svg(html, id: "pejling-figur-strandvig-status-opfoelgning-smal")
        #expect(narrow.contains(">Ingen relevante sager</text>"))
        // Grid segments (5 a scale, one path) only under the five shares, not under the words.
        #expect(gridSegments(in: chart) == 5 * 5)
        #expect(gridSegments(in: narrow) == 5 * 5)
        let table = try figure(html, chart: "pejling-figur-strandvig-status-opfoelgning")
        #expect(table.contains("<span class=\"ingen\">Ingen relevante sager</span> <span class=\"sager\">(ikke relevant i nogen af de 20 sager)</span>"))
        #expect(table.contains("Kan ikke sammen\u{00AD}lignes: ingen relevante sager i pejlingen"))
    }

    @Test func tableHasCaptionScopesAndFigures() throws {
        let html = try DemoSite.text("egelund/index.html")
        let block = try figure(html, chart: "pejling-figur-egelund-status-faglig-udredning")
        #expect(block.contains("<caption>Faglig udredning: tallene bag figuren</caption>"))
        #expect(block.contains("<th scope=\"col\" class=\"kolonne-kriterium\">Kriterium</th><th scope=\"col\" class=\"kolonne-maaling\">Analyse <span class=\"kolonne-dato\">11. marts 2024</span></th>"))
        #expect(block.contains("<th scope=\"col\" class=\"kolonne-forskel\">Forskel</th><th scope=\"col\" class=\"kolonne-vurdering\">Vurdering</th>"))
        #expect(block.contains("<th scope=\"row\">Den børnefaglige undersøgelse er afsluttet inden for fire måneder <span class=\"lovgrundlag\">Lovgrundlag: barnets lov § 20, stk. 3</span></th>"))
        // 3 af 18 → 15 af 19: 17 % → 79 %, +62 procentpoint, larger than chance.
        #expect(block.contains("<span class=\"andel\">17\u{00A0}%</span> <span class=\"sager\">3 af 18 sager</span> <span class=\"interval\">sikkerheds\u{00AD}interval 6–39\u{00A0}%</span>"))
        #expect(block.contains("<span class=\"andel\">79\u{00A0}%</span> <span class=\"sager\">15 af 19 sager</span> <span class=\"interval\">sikkerheds\u{00AD}interval 57–91\u{00A0}%</span>"))
        #expect(block.contains("<span class=\"forskel\">+62 procent\u{00AD}point</span>"))
        #expect(block.contains("<span class=\"vurdering vurdering-stoerre\">Større, end tilfældig\u{00AD}heder kan forklare</span>"))
        // 9 af 18 → 13 af 18: +22 procentpoint, within chance.
        #expect(block.contains("<span class=\"forskel\">+22 procent\u{00AD}point</span></td><td><span class=\"celle-etiket\" aria-hidden=\"true\">Vurdering: </span><span class=\"vurdering\">Ikke større, end tilfældig\u{00AD}heder kan forklare</span>"))
        #expect(block.contains("Kan ikke sammen\u{00AD}lignes: kriteriet indgik ikke i pejlingen"))

        let inddragelse = try figure(html, chart: "pejling-figur-egelund-status-inddragelse")
        // 8 af 20 → 15 af 20 (p = 0.054) is not significant.
        #expect(inddragelse.contains("<span class=\"andel\">40\u{00A0}%</span> <span class=\"sager\">8 af 20 sager</span>"))
        #expect(inddragelse.contains("<span class=\"forskel\">+35 procent\u{00AD}point</span></td><td><span class=\"celle-etiket\" aria-hidden=\"true\">Vurdering: </span><span class=\"vurdering\">Ikke større"))
        #expect(inddragelse.contains("Kan ikke sammen\u{00AD}lignes: kriteriet indgik ikke i analysen"))
    }

    /// 1 af 8 is 12,5 %, shown as 13 %; 20 af 20 as 100 %.
    @Test func halfRoundsUpOnThePage() throws {
        let html = try DemoSite.text("mosedal/index.html")
        let block = try figure(html, chart: "pejling-figur-mosedal-analyse-opfoelgning")
        #expect(block.contains("<span class=\"andel\">13\u{00A0}%</span> <span class=\"sager\">1 af 8 sager</span> <span class=\"interval\">sikkerheds\u{00AD}interval 2–47\u{00A0}%</span>"))
        #expect(block.contains("13\u{00A0}% (1 af 8 sager)"))
        let inddragelse = try figure(html, chart: "pejling-figur-mosedal-analyse-inddragelse")
        #expect(inddragelse.contains("<span class=\"andel\">100\u{00A0}%</span> <span class=\"sager\">20 af 20 sager</span> <span class=\"interval\">sikkerheds\u{00AD}interval 84–100\u{00A0}%</span>"))
        // Only the analysis: no comparison columns.
        #expect(!block.contains("Forskel"))
    }

    @Test func zeroOfFifteen() throws {
        let html = try DemoSite.text("strandvig/index.html")
        let block = try figure(html, chart: "pejling-figur-strandvig-status-valg-af-indsats")
        #expect(block.contains("<span class=\"andel\">0\u{00A0}%</span> <span class=\"sager\">0 af 15 sager</span> <span class=\"interval\">sikkerheds\u{00AD}interval 0–20\u{00A0}%</span>"))
        #expect(block.contains("<span class=\"andel\">100\u{00A0}%</span>") == false)
        #expect(block.contains("<span class=\"forskel\">+33 procent\u{00AD}point</span></td><td><span class=\"celle-etiket\" aria-hidden=\"true\">Vurdering: </span><span class=\"vurdering vurdering-stoerre\">"))
        // 14 af 14 is 100 %.
        let udredning = try figure(html, chart: "pejling-figur-strandvig-status-faglig-udredning")
        #expect(udredning.contains("<span class=\"andel\">100\u{00A0}%</span> <span class=\"sager\">14 af 14 sager</span> <span class=\"interval\">sikkerheds\u{00AD}interval 78–100\u{00A0}%</span>"))
    }

    @Test func summaryAndDownloads() throws {
        let html = try DemoSite.text("egelund/index.html")
        let summary = try svg(html, id: "pejling-figur-egelund-sammenfatning")
        #expect(summary.contains(">17\u{00A0}% → 79\u{00A0}%</text>"))
        #expect(summary.contains(">Større, end tilfældigheder kan forklare</text>"))
        #expect(summary.contains(">Ikke målt i pejlingen</text>"))
        #expect(summary.contains(">Ikke målt i analysen</text>"))
        // Significant only once in egelund.
        #expect(count(">Større, end tilfældigheder kan forklare</text>", in: summary) == 1)
        #expect(html.contains("<a href=\"data.csv\" download>"))
        #expect(html.contains("<a href=\"data.json\" download>"))
        let standalone = try DemoSite.text("egelund/egelund.html")
        #expect(standalone.contains("<a href=\"data.csv\" download>"))
        #expect(standalone.contains("pejling-figur-egelund-sammenfatning"))
        // No base_url in the demo: the fragment links the files beside it too; the guide for
        // web editors says to upload them and point the links at them.
        let fragment = try DemoSite.text("egelund/indlejring.html")
        #expect(fragment.contains("<a href=\"data.csv\" download>"))
        #expect(fragment.contains("pejling-figur-egelund-sammenfatning"))

        let mosedal = try DemoSite.text("mosedal/index.html")
        let analysisOnly = try svg(mosedal, id: "pejling-figur-mosedal-sammenfatning")
        #expect(analysisOnly.contains("13\u{00A0}% (1 af 8 sager)"))
        #expect(!analysisOnly.contains("→"))
    }

    @Test func wrapping() {
        #expect(Chart.wrap("Barnets egne synspunkter og ønsker fremgår af barnets plan", columns: 30)
            == ["Barnets egne synspunkter og", "ønsker fremgår af barnets plan"])
        #expect(Chart.wrap("", columns: 10) == [""])
        #expect(Chart.wrap("ordsomerlængereendlinjen kort", columns: 10) == ["ordsomerlængereendlinjen", "kort"])
        #expect(Chart.number(126.54) == "126.5")
        #expect(Chart.number(72) == "72")
    }
}
