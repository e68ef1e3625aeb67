import Foundation
import Testing
@testable import PejlingKit

/// `base_url`: canonical links and absolute download addresses where it is set; every
/// link relative where it is not.
@Suite struct BaseURLTests {
    /// The demo content with `base_url` added to site.yml (without the trailing slash,
    /// which the configuration adds).
    private func renderWithBaseURL() throws -> [String: [UInt8]] {
        let content = try SiteFixture.copyTree(SiteFixture.demoContent, reversed: false)
        defer { SiteFixture.remove((content as NSString).deletingLastPathComponent) }
        let site = content + "/site.yml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try (text + "base_url: https://example.dk/rapporter\n").write(toFile: site, atomically: true, encoding: .utf8)
        let (result, files) = SiteFixture.render(content: content)
        #expect(!result.failed)
        return files
    }

    @Test func canonicalLinksWhereBaseURLIsSet() throws {
        let files = try renderWithBaseURL()
        #expect(SiteFixture.text(files, "index.html").contains("<link rel=\"canonical\" href=\"https://example.dk/rapporter/\">"))
        #expect(SiteFixture.text(files, "egelund/index.html")
            .contains("<link rel=\"canonical\" href=\"https://example.dk/rapporter/egelund/\">"))
        #expect(SiteFixture.text(files, "egelund/egelund.html")
            .contains("<link rel=\"canonical\" href=\"https://example.dk/rapporter/egelund/egelund.html\">"))
        #expect(!SiteFixture.text(files, "egelund/indlejring.html").contains("canonical"), "a fragment has no head")
    }

    @Test func navigationStaysRelativeWithBaseURL() throws {
        // Pages still work from disk and from a copy on another server.
        let files = try renderWithBaseURL()
        #expect(SiteFixture.text(files, "egelund/index.html").contains("<link rel=\"stylesheet\" href=\"../assets/pejling.css\">"))
        #expect(SiteFixture.text(files, "index.html").contains("href=\"egelund/index.html\""))
    }

    /// A municipality uploads its folder, file or fragment without the overview: its pages
    /// link `../index.html` nowhere. With `base_url` the whole site is published there, and
    /// the header's title links the overview at that address.
    @Test func municipalityPagesLinkOnlyWhatIsPublished() throws {
        for slug in ["egelund", "mosedal"] {
            for page in ["\(slug)/index.html", "\(slug)/\(slug).html", "\(slug)/indlejring.html"] {
                let html = SiteFixture.text(SiteFixture.demo.files, page)
                #expect(!html.isEmpty, "\(page) was not built")
                #expect(!html.contains("href=\"../index.html\""), "\(page) links the unpublished overview")
                #expect(!html.contains("href=\"index.html\""), "\(page) links the unpublished overview")
            }
            #expect(SiteFixture.text(SiteFixture.demo.files, "\(slug)/index.html")
                .contains("<p class=\"site-titel\">Task Force-rapporter</p>"))
        }
        #expect(SiteFixture.text(SiteFixture.demo.files, "index.html")
            .contains("<p class=\"site-titel\"><a href=\"index.html\">"))
        let files = try renderWithBaseURL()
        #expect(SiteFixture.text(files, "egelund/index.html")
            .contains("<p class=\"site-titel\"><a href=\"https://example.dk/rapporter/\">Task Force-rapporter</a></p>"))
    }

    @Test func everythingRelativeWithoutBaseURL() {
        let files = SiteFixture.demo.files
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("rel=\"canonical\""), "\(path) has a canonical link without base_url")
            for href in HTMLScan.hrefs(html) where href.hasPrefix("http") {
                // Only addresses from content and site.yml may be absolute.
                #expect(!href.contains("example.dk"), "\(path): \(href)")
            }
        }
    }

    @Test func downloadAddresses() {
        let files = [OutputFile(path: "esbjerg/data.csv", text: ""), OutputFile(path: "esbjerg/data.json", text: ""),
                     OutputFile(path: "andet/data.csv", text: "")]
        #expect(Download.links(among: files, links: PageLinks(baseURL: nil, slug: "esbjerg"))
                == ["csv": "data.csv", "json": "data.json"])
        #expect(Download.links(among: files, links: PageLinks(baseURL: "https://example.dk/r/", slug: "esbjerg"))
                == ["csv": "https://example.dk/r/esbjerg/data.csv", "json": "https://example.dk/r/esbjerg/data.json"])
        // Only what was written is linked.
        #expect(Download.links(among: files, links: PageLinks(baseURL: nil, slug: "andet")) == nil)
    }

    @Test func downloadsAbsoluteInEveryFormWithBaseURL() throws {
        let files = try renderWithBaseURL()
        for path in ["egelund/index.html", "egelund/egelund.html", "egelund/indlejring.html"] {
            let html = SiteFixture.text(files, path)
            #expect(html.contains("href=\"https://example.dk/rapporter/egelund/data.csv\""), "\(path)")
            #expect(html.contains("href=\"https://example.dk/rapporter/egelund/data.json\""), "\(path)")
        }
    }

    @Test func downloadsBesideThePagesWithoutBaseURL() {
        for path in ["egelund/index.html", "egelund/egelund.html", "egelund/indlejring.html"] {
            let html = SiteFixture.text(SiteFixture.demo.files, path)
            #expect(html.contains("href=\"data.csv\"") && html.contains("href=\"data.json\""), "\(path)")
        }
    }

    @Test func pageLinks() {
        let links = PageLinks(baseURL: "https://example.dk/", slug: "hoeje-taastrup")
        #expect(links.canonicalFolderPage == "https://example.dk/hoeje-taastrup/")
        #expect(links.canonicalStandalone == "https://example.dk/hoeje-taastrup/hoeje-taastrup.html")
        #expect(links.file("data.json") == "https://example.dk/hoeje-taastrup/data.json")
        let none = PageLinks(baseURL: nil, slug: "hoeje-taastrup")
        #expect(none.canonicalFolderPage == nil && none.canonicalStandalone == nil)
        #expect(none.file("data.json") == "data.json")
    }
}
