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

    @Test("nothing of raw HTML reaches the page, not even a comment saying it was left out", arguments: [
        "<div>blok</div>\n", "Tekst <b>fed</b>\n", "<!-- note -->\n", "a <!-- note --> b\n", "<?php x ?>\n",
    ])
    func noTraceOfRawHTML(markdown: String) {
        let html = renderer.render(markdown)
        #expect(!html.contains("omitted"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("<b>"))
    }

    @Test("words around dropped HTML do not run together", arguments: [
        ("Jens Hansen<br>Task Forcen", "<p>Jens Hansen<br />\nTask Forcen</p>\n"),
        ("Jens Hansen<br/>Task Forcen", "<p>Jens Hansen<br />\nTask Forcen</p>\n"),
        ("Jens<p>Hansen</p>", "<p>Jens Hansen </p>\n"),
        ("se <a href=\"https://x.dk\">Socialstyrelsen</a> og", "<p>se Socialstyrelsen og</p>\n"),
        ("fed<b>skrift</b>", "<p>fedskrift</p>\n"),
        ("a<!-- x -->b", "<p>ab</p>\n"),
    ])
    func wordsStayApart(markdown: String, expected: String) {
        #expect(renderer.render(markdown) == expected)
    }

    @Test("headings get the ids given, and links to places on the page follow the prefix")
    func headingIDsAndLocalLinks() {
        let markdown = "# Sammenfatning\n\n## Bilag *2*\n\nSe [bilag](#bilag-2), [toppen](#top), [ud](https://x.dk#a) og [ukendt](#x).\n"
        let forms = renderer.render(markdown, headings: [HeadingMarkup(id: "sammenfatning"), HeadingMarkup(id: "bilag-2", className: "bilag")],
                                    idPrefixes: ["", "pejling-"])
        #expect(forms.count == 2)
        #expect(forms[0] == """
            <h2 id="sammenfatning">Sammenfatning</h2>
            <h3 id="bilag-2" class="bilag">Bilag <em>2</em></h3>
            <p>Se <a href="#bilag-2">bilag</a>, <a href="#top">toppen</a>, <a href="https://x.dk#a">ud</a> og <a href="#x">ukendt</a>.</p>

            """)
        #expect(forms[1] == """
            <h2 id="pejling-sammenfatning">Sammenfatning</h2>
            <h3 id="pejling-bilag-2" class="bilag">Bilag <em>2</em></h3>
            <p>Se <a href="#pejling-bilag-2">bilag</a>, <a href="#top">toppen</a>, <a href="https://x.dk#a">ud</a> og <a href="#pejling-x">ukendt</a>.</p>

            """)
    }

    @Test("an id with æ, ø or å in a link is written as the browser wants it")
    func percentEncodedLocalLink() {
        let forms = renderer.render("[a](#b%C3%B8rn)", headings: [], idPrefixes: ["pejling-"])
        #expect(forms == ["<p><a href=\"#pejling-b%C3%B8rn\">a</a></p>\n"])
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

    @Test("a replaced block's HTML lands exactly where its block was, in every form, and text that looks like its marker stays text")
    func replacedBlocksInEveryForm() {
        let markdown = "# Et\n\nFør `<!--pejling-blok 0-->` og <!--pejling-blok 1-->\n\n```maaling\nx\n```\n\nMidt [her](#et)\n\n```maaling\ny\n```\n\nEfter æ\n"
        let forms = renderer.render(markdown, headings: [HeadingMarkup(id: "et")], idPrefixes: ["", "p-"]) { block in
            block.content == "x\n" ? "<figure>X ø</figure>" : "<figure>Y</figure>"
        }
        #expect(forms.count == 2)
        for (form, prefix) in zip(forms, ["", "p-"]) {
            #expect(form == "<h2 id=\"\(prefix)et\">Et</h2>\n<p>Før <code>&lt;!--pejling-blok 0--&gt;</code> og </p>\n"
                + "<figure>X ø</figure>\n<p>Midt <a href=\"#\(prefix)et\">her</a></p>\n<figure>Y</figure>\n<p>Efter æ</p>\n")
        }
    }

    /// A heading's own links were once freed with the heading and then written to: the
    /// heading is kept until the document goes, and its links follow each form's prefix.
    @Test("a link inside a heading follows the prefix of every form, many times over")
    func linkInsideHeading() {
        let markdown = "# Bilag [se metoden](#metode) og [kilde](https://x.dk)\n\n## Metode\n\n[op](#bilag)\n"
        for _ in 0..<200 {
            let forms = MarkdownRenderer(headingShift: 1).render(
                markdown, headings: [HeadingMarkup(id: "bilag", className: "bilag"), HeadingMarkup(id: "metode")],
                idPrefixes: ["", "pejling-"])
            #expect(forms.count == 2)
            #expect(forms[0].contains(##"<h2 id="bilag" class="bilag">Bilag <a href="#metode">se metoden</a> og <a href="https://x.dk">kilde</a></h2>"##))
            #expect(forms[1].contains(##"<h2 id="pejling-bilag" class="bilag">Bilag <a href="#pejling-metode">se metoden</a>"##))
            #expect(forms[1].contains(##"<h3 id="pejling-metode">Metode</h3>"##))
            #expect(forms[1].contains(##"<a href="#pejling-bilag">op</a>"##))
        }
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
