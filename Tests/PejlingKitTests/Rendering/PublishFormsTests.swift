import Foundation
import Testing
@testable import PejlingKit

/// The three forms a municipality can publish (folder page, self-contained file, CMS
/// fragment), checked on the demo content: structure, headings, ids, CSS and links.
@Suite struct PublishFormsTests {
    static let slugs = ["bakkeby", "egelund", "mosedal", "strandvig"]
    static let statement = "https://was.digst.dk/task-force-rapporter-eksempel"

    @Test func everyMunicipalityGetsTheThreeFormsAndTheFragmentCSS() {
        let (result, files) = SiteFixture.demo
        #expect(!result.failed)
        #expect(result.municipalities == Self.slugs)
        for slug in Self.slugs {
            for name in ["index.html", "\(slug).html", "indlejring.html", "indlejring.css"] {
                #expect(files["\(slug)/\(name)"] != nil, "missing \(slug)/\(name)")
            }
        }
        #expect(files["index.html"] != nil)
        #expect(files["assets/pejling.css"] != nil)
    }

    @Test(arguments: slugs) func folderPageUsesTheSharedStylesheet(slug: String) {
        let html = SiteFixture.text(SiteFixture.demo.files, "\(slug)/index.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/pejling.css\">"))
        #expect(!html.contains("<style>"))
        #expect(!html.contains("../index.html"), "the overview is not published beside a municipality's folder")
        checkFullPage(html, name: "\(slug)/index.html")
    }

    @Test(arguments: slugs) func selfContainedFileNeedsNothingElse(slug: String) {
        let files = SiteFixture.demo.files
        let html = SiteFixture.text(files, "\(slug)/\(slug).html")
        let stylesheet = SiteFixture.text(files, "assets/pejling.css")
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(html.contains("<style>\n" + stylesheet + "\n</style>"), "the whole stylesheet is inline")
        // Nothing reaches outside the file's own folder: no ../, no root-relative address.
        for href in HTMLScan.hrefs(html) {
            #expect(!href.hasPrefix("../") && !href.hasPrefix("/"), "\(slug).html links to \(href)")
            if !href.hasPrefix("#") && !href.hasPrefix("https://") && !href.hasPrefix("http://") {
                #expect(files["\(slug)/\(href)"] != nil, "\(slug).html links to \(href), which is not beside it")
            }
        }
        checkFullPage(html, name: "\(slug)/\(slug).html")
    }

    @Test(arguments: slugs) func fragmentIsScopedAndStartsAtH2(slug: String) {
        let files = SiteFixture.demo.files
        let html = SiteFixture.text(files, "\(slug)/indlejring.html")
        let css = SiteFixture.text(files, "\(slug)/indlejring.css")
        for tag in ["<html", "<head>", "<body", "<main", "<h1", "<!DOCTYPE", "<link", "<script"] {
            #expect(!html.contains(tag), "the fragment contains \(tag)")
        }
        #expect(HTMLScan.count("<div class=\"pejling-indlejring\" id=\"pejling-indlejring\" lang=\"da\">", in: html) == 1)
        #expect(html.contains("<style>\n" + css + "\n</style>"), "the fragment carries indlejring.css inline")
        // Headings begin at h2, under the CMS page's own h1, and never skip a level.
        let levels = HTMLScan.headingLevels(html)
        #expect(levels.first == 2)
        #expect(HTMLScan.skippedHeading(levels, startingAt: 2) == nil)
        // Ids carry the prefix, so they cannot clash with the host page's.
        let ids = HTMLScan.ids(html)
        #expect(!ids.isEmpty)
        for id in ids { #expect(id.hasPrefix(MunicipalityPage.fragmentIDPrefix), "unprefixed id \(id)") }
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for href in HTMLScan.hrefs(html) where href.hasPrefix("#") {
            #expect(ids.contains(String(href.dropFirst())), "in-page link \(href) has no target")
        }
    }

    @Test func fragmentCSSCannotReachOutsideTheWrapper() {
        let css = SiteFixture.text(SiteFixture.demo.files, "egelund/indlejring.css")
        var rules = 0
        for line in css.split(separator: "\n") {
            guard let first = line.first, !first.isWhitespace, first != "@", first != "}", line.contains("{") else { continue }
            let selectors = line[..<line.firstIndex(of: "{")!].split(separator: ",")
            for selector in selectors {
                let selector = selector.trimmingCharacters(in: .whitespaces)
                #expect(selector == SiteAssets.fragmentScope || selector.hasPrefix(SiteAssets.fragmentScope + " "),
                        "selector \(selector) is not scoped")
                rules += 1
            }
        }
        #expect(rules > 50, "the scoped stylesheet has \(rules) selectors: did scoping drop rules?")
        for atRule in ["@page", "@import", "@font-face", "@keyframes", ":root", "html", "\nbody {", " body {"] {
            #expect(!css.contains(atRule), "\(atRule) in the fragment's CSS")
        }
        #expect(css.contains("@media print"), "print rules are kept, scoped")
        #expect(css.matches(of: #/[0-9.]rem\b/#).isEmpty, "rem in the fragment's CSS follows the host's root font size")
        // The defence (Templates/indlejring.css) comes first: the wrapper's own background
        // and colour, and host styles on th set back before the page rules style them.
        let defence = css.range(of: SiteAssets.fragmentScope + " th, ")
        let pageRules = css.range(of: SiteAssets.fragmentScope + " .maaling-figur {")
        #expect(defence != nil && pageRules != nil && defence!.lowerBound < pageRules!.lowerBound)
        #expect(css.contains("background: var(--baggrund)"))
    }

    @Test func overviewListsEveryMunicipality() {
        let html = SiteFixture.text(SiteFixture.demo.files, "index.html")
        for slug in Self.slugs { #expect(html.contains("href=\"\(slug)/index.html\"")) }
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/pejling.css\">"))
        checkFullPage(html, name: "index.html")
    }

    @Test func appendicesAreMarkedForPrint() {
        let html = SiteFixture.text(SiteFixture.demo.files, "bakkeby/index.html")
        #expect(html.contains("<h2 id=\"bilag-1-sagsgennemgangen\" class=\"bilag\">Bilag 1: Sagsgennemgangen</h2>"))
        #expect(!html.contains("class=\"bilag\">Sammenfatning"))
    }

    @Test func draftsCarryTheBannerAndNoindexInEveryForm() {
        let files = SiteFixture.render(drafts: true).files
        for path in ["bakkeby/index.html", "bakkeby/bakkeby.html", "bakkeby/indlejring.html", "index.html"] {
            #expect(SiteFixture.text(files, path).contains("KLADDE"), "\(path) has no KLADDE banner")
        }
        for path in ["bakkeby/index.html", "bakkeby/bakkeby.html", "index.html"] {
            #expect(SiteFixture.text(files, path).contains("<meta name=\"robots\" content=\"noindex\">"))
        }
        #expect(!SiteFixture.text(files, "egelund/index.html").contains("KLADDE"))
        #expect(!SiteFixture.text(SiteFixture.demo.files, "bakkeby/index.html").contains("KLADDE"),
                "without --drafts the draft is left out")
    }

    @Test func exampleBannerOnEveryDemoPage() {
        let files = SiteFixture.demo.files
        for (path, _) in files where path.hasSuffix(".html") {
            #expect(SiteFixture.text(files, path).contains("class=\"banner banner-eksempel\""), "\(path) has no Eksempel banner")
        }
    }

    @Test func onlyBuildsTheNamedMunicipalities() throws {
        let (result, files) = SiteFixture.render(only: ["egelund", "mosedal"])
        #expect(!result.failed)
        #expect(result.municipalities == ["egelund", "mosedal"])
        let folders = Set(files.keys.compactMap { $0.split(separator: "/").count > 1 ? String($0.split(separator: "/")[0]) : nil })
        #expect(folders == ["assets", "egelund", "mosedal"])
        let overview = SiteFixture.text(files, "index.html")
        #expect(overview.contains("egelund/index.html") && !overview.contains("bakkeby/index.html"))

        let (unknown, _) = SiteFixture.render(only: ["atlantis"])
        #expect(unknown.failed)
        #expect(unknown.diagnostics.items.contains { $0.message.contains("atlantis") })
    }

    @Test func onlyTakesAKommunekode() throws {
        let content = try SiteFixture.copyTree(SiteFixture.demoContent, reversed: false)
        defer { SiteFixture.remove((content as NSString).deletingLastPathComponent) }
        let yml = content + "/kommuner/strandvig/kommune.yml"
        let text = try String(contentsOfFile: yml, encoding: .utf8)
        try (text + "kode: 561\n").write(toFile: yml, atomically: true, encoding: .utf8)
        let (result, _) = SiteFixture.render(content: content, only: ["561"])
        #expect(!result.failed)
        #expect(result.municipalities == ["strandvig"])
    }

    @Test func tablesHaveCaptionsAndScopesAndChartsATitleAndDescription() {
        for (path, bytes) in SiteFixture.demo.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let tables = HTMLScan.count("<table", in: html)
            #expect(HTMLScan.count("<caption", in: html) == tables, "\(path): a table without caption")
            let headerCells = html.matches(of: #/<th[\s>][^>]*>?/#).count
            let scoped = html.matches(of: #/<th\s[^>]*scope="(col|row|colgroup|rowgroup)"/#).count
            #expect(headerCells == scoped, "\(path): \(headerCells - scoped) header cell(s) without scope")
            for svg in html.matches(of: #/<svg[^>]*>/#).map({ String($0.output) }) where !svg.contains("aria-hidden=\"true\"") {
                #expect(svg.contains("role=\"img\""), "\(path): \(svg) has no role=img")
            }
            let charts = html.matches(of: #/<svg[^>]*role="img"/#).count
            #expect(HTMLScan.count("<title", in: html) - (html.contains("<head>") ? 1 : 0) >= charts, "\(path): a chart without title")
            #expect(HTMLScan.count("<desc", in: html) >= charts, "\(path): a chart without description")
        }
    }

    /// What every full page (not the fragment) must have.
    private func checkFullPage(_ html: String, name: String) {
        #expect(HTMLScan.count("<h1", in: html) == 1, "\(name): one h1")
        #expect(HTMLScan.skippedHeading(HTMLScan.headingLevels(html), startingAt: 1) == nil, "\(name): headings in order")
        #expect(html.contains("<a class=\"spring-over\" href=\"#indhold\">Gå til indhold</a>"), "\(name): skip link")
        #expect(html.contains("<main id=\"indhold\""), "\(name): the skip link's target is main")
        for landmark in ["<header class=\"sidehoved\">", "<footer class=\"sidefod\">"] {
            #expect(HTMLScan.count(landmark, in: html) == 1, "\(name): \(landmark)")
        }
        #expect(html.contains("<p>Udgivet af Den Permanente Task Force.</p>"), "\(name): publisher in the footer")
        #expect(html.contains("<a href=\"\(Self.statement)\">Tilgængelighedserklæring</a>"), "\(name): statement link")
        #expect(!html.contains("<script"), "\(name): no JavaScript")
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        let ids = HTMLScan.ids(html)
        #expect(Set(ids).count == ids.count, "\(name): duplicate ids")
        for href in HTMLScan.hrefs(html) where href.hasPrefix("#") {
            #expect(ids.contains(String(href.dropFirst())), "\(name): in-page link \(href) has no target")
        }
    }
}
