import Foundation
import Testing
@testable import PejlingKit

/// Heading ids on the demo pages: every id is a heading's, one of the page's own
/// (``Municipality/fixedPageIDs``, so that no heading can take it) or a figure's; all are
/// unique, and every link to a place on the page finds it, in every form.
@Suite struct HeadingIDTests {
    static let files = SiteFixture.render(drafts: true).files

    /// `(tag, id)` for every element with an id.
    static func elementsWithIDs(_ html: String) -> [(tag: String, id: String)] {
        html.matches(of: #/<([a-zA-Z0-9]+)[^>]*\sid="([^"]*)"/#).map { (String($0.output.1), String($0.output.2)) }
    }

    @Test(arguments: PublishFormsTests.slugs)
    func everyIDIsAccountedForAndUnique(slug: String) {
        for (path, prefix) in [("\(slug)/index.html", ""), ("\(slug)/\(slug).html", ""), ("\(slug)/indlejring.html", "pejling-")] {
            let html = SiteFixture.text(Self.files, path)
            let elements = Self.elementsWithIDs(html)
            let ids = elements.map(\.id)
            #expect(Set(ids).count == ids.count, "\(path): duplicate ids \(ids)")
            let fixed = Set(Municipality.fixedPageIDs.map { prefix + $0 })
            for element in elements where !element.tag.hasPrefix("h") || element.tag.count != 2 {
                #expect(fixed.contains(element.id) || element.id.hasPrefix("pejling-figur-\(slug)"),
                        "\(path): <\(element.tag) id=\"\(element.id)\"> is not in Municipality.fixedPageIDs")
            }
            let headings = elements.filter { $0.tag.count == 2 && $0.tag.hasPrefix("h") }
            #expect(headings.count > 3, "\(path): report headings have no ids")
            for heading in headings { #expect(heading.id.hasPrefix(prefix)) }
            for href in HTMLScan.hrefs(html) where href.hasPrefix("#") {
                #expect(ids.contains(String(href.dropFirst())), "\(path): the link \(href) has no target")
            }
        }
    }

    @Test("a repeated heading in the status report gets -2 on the page and in the fragment")
    func repeatsAcrossReports() {
        let page = SiteFixture.text(Self.files, "egelund/index.html")
        let fragment = SiteFixture.text(Self.files, "egelund/indlejring.html")
        #expect(page.contains("<h2 id=\"faglig-udredning\">Faglig udredning</h2>"))
        #expect(page.contains("<h3 id=\"faglig-udredning-2\">Faglig udredning</h3>"))
        #expect(fragment.contains("<h3 id=\"pejling-faglig-udredning-2\">Faglig udredning</h3>"))
        #expect(page.contains("<h2 id=\"valg-af-indsats-og-opfoelgning\">"))
    }
}
