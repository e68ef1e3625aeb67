import Testing
@testable import PejlingKit

@Suite("Markdown")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("headings move one level down under the page's h1, never past h6")
    func headingShift() {
        let html = renderer.render("# A\n\n## B\n\n###### F\n")
        #expect(html == "<h2>A</h2>\n<h3>B</h3>\n<h6>F</h6>\n")
    }

    @Test("raw HTML never passes", arguments: [
        "<script>alert(1)</script>\n", "Tekst <script>alert(1)</script>\n", "<img src=x onerror=alert(1)>\n",
        "<iframe src=\"https://x\"></iframe>\n", "<div onclick=\"x()\">a</div>\n", "a <b onmouseover=\"x()\">b</b>\n",
        "<style>body{display:none}</style>\n", "<!-- <script> -->\n",
    ])
    func rawHTML(markdown: String) {
        let html = renderer.render(markdown)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<iframe"))
        #expect(!html.lowercased().contains("<style"))
        #expect(!html.lowercased().contains("onerror"))
        #expect(!html.lowercased().contains("onclick"))
        #expect(!html.lowercased().contains("onmouseover"))
    }

    @Test("unsafe link addresses are dropped, the text stays", arguments: [
        "[klik](javascript:alert(1))", "[klik](JAVASCRIPT:alert(1))", "[klik](java&#x09;script:alert(1))",
        "[klik](&#106;avascript:alert(1))", "[klik](vbscript:msgbox)", "[klik](file:///etc/passwd)",
        "[klik](data:text/html;base64,PHNjcmlwdD4=)", "[klik](  javascript:alert(1))", "<javascript:alert(1)>",
        "[klik](ftp://example.dk/x)", "[klik][r]\n\n[r]: javascript:alert(1)",
    ])
    func unsafeLinks(markdown: String) {
        let html = renderer.render(markdown).lowercased()
        #expect(!html.contains("href"))
        #expect(!html.contains("<a "))
        #expect(html.contains("klik") || html.contains("javascript:alert(1)"), "the text stays")
    }

    @Test("safe links stay", arguments: [
        ("[a](https://www.esbjerg.dk)", "href=\"https://www.esbjerg.dk\""), ("[a](mailto:a@b.dk)", "href=\"mailto:a@b.dk\""),
        ("[a](tel:+4512345678)", "href=\"tel:+4512345678\""), ("[a](../x/index.html)", "href=\"../x/index.html\""),
        ("[a](#bilag)", "href=\"#bilag\""), ("[a](side?x=1:2)", "href=\"side?x=1:2\""),
    ])
    func safeLinks(markdown: String, expected: String) {
        #expect(renderer.render(markdown).contains(expected))
    }

    @Test("data: addresses are allowed for images of known types only")
    func dataImages() {
        #expect(renderer.render("![graf](data:image/png;base64,iVBORw0KGgo=)").contains("src=\"data:image/png;base64,"))
        #expect(!renderer.render("![graf](data:image/svg+xml;base64,PHN2Zz4=)").contains("data:"))
    }

    @Test("a link inside an unsafe link keeps its text")
    func keepsText() {
        let html = renderer.render("Se [**vigtigt**](javascript:x) her")
        #expect(html == "<p>Se <strong>vigtigt</strong> her</p>\n")
    }

    @Test("fenced blocks are replaced where the handler says so, at their line")
    func fencedBlocks() {
        var seen: [FencedBlock] = []
        let html = renderer.render("Tekst\n\n```maaling\npejlemaerke: a\n```\n\n```swift\nlet x = 1\n```\n") { block in
            seen.append(block)
            return block.info == "maaling" ? "<div class=\"figur\">A</div>" : nil
        }
        #expect(html.contains("<div class=\"figur\">A</div>"))
        #expect(html.contains("<code class=\"language-swift\">let x = 1"))
        #expect(seen.map(\.line) == [3, 7])
        #expect(seen.first?.content == "pejlemaerke: a\n")
    }
}

@Suite("Link policy")
struct LinkPolicyTests {
    @Test("refuses script-bearing schemes however they are written", arguments: [
        "javascript:x", " JavaScript:x", "java\nscript:x", "java\tscript:x", "\u{0}javascript:x", "vbscript:x", "file:///x", "data:text/html,x",
    ])
    func refuses(address: String) {
        #expect(!LinkPolicy.allows(address, isImage: false))
        #expect(!LinkPolicy.allows(address, isImage: true))
    }

    @Test("allows the safe ones", arguments: ["https://x.dk", "HTTP://x.dk", "mailto:a@b.dk", "tel:123", "x/y.html", "#a", "/a:b", "?q=a:b", ""])
    func allows(address: String) {
        #expect(LinkPolicy.allows(address, isImage: false))
    }
}
