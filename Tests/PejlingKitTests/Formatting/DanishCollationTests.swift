import Foundation
import Testing
@testable import PejlingKit

@Suite struct DanishCollationTests {
    /// Real Danish municipalities in the order of official Danish lists (names only, no figures).
    static let officialOrder = [
        "Albertslund", "Allerød", "Assens", "Faxe", "Fredensborg", "Furesø", "Faaborg-Midtfyn",
        "Vordingborg", "Ærø", "Aabenraa", "Aalborg", "Aarhus",
    ]

    @Test("Æ, Ø, Å after Z, and Aa as Å")
    func officialList() {
        let shuffled = [
            "Aarhus", "Ærø", "Assens", "Aabenraa", "Vordingborg", "Faaborg-Midtfyn", "Albertslund",
            "Aalborg", "Furesø", "Allerød", "Fredensborg", "Faxe",
        ]
        #expect(shuffled.sorted(by: DanishCollation.areInIncreasingOrder) == Self.officialOrder)
        #expect(DanishCollation.sorted(shuffled, by: { $0 }) == Self.officialOrder)
    }

    @Test("Aa and Å interleave by the letters after them; æ, ø, å in that order")
    func aaIsÅ() {
        let names = ["Åmose", "Aabakke", "Ølund", "Zeeby", "Æblekøbing", "Aadal", "Bakkeby"]
        #expect(DanishCollation.sorted(names, by: { $0 })
            == ["Bakkeby", "Zeeby", "Æblekøbing", "Ølund", "Aabakke", "Aadal", "Åmose"])
        #expect(DanishCollation.primaryKey("Aalborg") == DanishCollation.primaryKey("Ålborg"))
        #expect(DanishCollation.primaryKey("ä") == DanishCollation.primaryKey("æ"))
        #expect(DanishCollation.primaryKey("Høje-Taastrup") == DanishCollation.primaryKey("højetåstrup"))
    }

    @Test("accents, case and punctuation count only to break ties; equal names keep their order")
    func ties() {
        #expect(DanishCollation.areInIncreasingOrder("Egedal", "Éghavn"))
        #expect(DanishCollation.areInIncreasingOrder("Lyngby-Taarbæk", "Lyngbyt") == false)
        #expect(!DanishCollation.areInIncreasingOrder("Odense", "Odense"))
        let pairs = [(name: "Nordby", slug: "b"), (name: "Nordby", slug: "a")]
        #expect(DanishCollation.sorted(pairs, by: \.name).map(\.slug) == ["b", "a"])
    }

    @Test("the overview lists municipalities in Danish order of name, not of slug")
    func overviewOrder() throws {
        var diagnostics = Diagnostics()
        let templates = try #require(TemplateSet.load(directory: SiteFixture.templates, diagnostics: &diagnostics))
        let site = try #require(ContentLoader(directory: SiteFixture.demoContent, jobs: 2).load().0)
        let municipalities = Self.officialOrder.reversed().enumerated().map { index, name in
            Municipality(slug: "k\(index)", code: nil, name: name, homepage: nil, isExample: true,
                         location: SourceLocation(file: "kommune.yml"))
        }
        let page = OverviewPage(content: site, municipalities: municipalities, templates: templates)
        let rows = try #require(page.context()["kommuner"] as? OverviewRows)
        #expect(rows.compactMap { $0["navn"] as? String } == Self.officialOrder)
        // And so the page lists them.
        let html = String(decoding: page.render().bytes, as: UTF8.self)
        let listed = html.matches(of: /<a href="k[0-9]+\/index.html">([^<]+)<\/a>/).map { String($0.1) }
        #expect(listed == Self.officialOrder)
    }
}
