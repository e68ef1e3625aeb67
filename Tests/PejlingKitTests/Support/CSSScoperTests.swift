import Testing
@testable import PejlingKit

@Suite("CSS scoping for the CMS fragment")
struct CSSScoperTests {
    @Test func prefixesEverySelector() {
        #expect(CSSScoper.scope("h1, p.x > a { color: red }", under: ".w") == ".w h1, .w p.x > a { color: red }\n")
    }

    @Test(arguments: [
        ("html { color: red }", ".w { color: red }\n"),
        ("body { margin: 0 }", ".w { margin: 0 }\n"),
        (":root { --a: 1px }", ".w { --a: 1px }\n"),
        ("body > main { padding: 0 }", ".w > main { padding: 0 }\n"),
        ("html body p { margin: 0 }", ".w p { margin: 0 }\n"),
        ("*, *::before { box-sizing: border-box }", ".w *, .w *::before { box-sizing: border-box }\n"),
    ])
    func pageRootsBecomeTheWrapper(css: String, expected: String) {
        #expect(CSSScoper.scope(css, under: ".w") == expected)
    }

    @Test func scopesInsideMediaAndSupports() {
        let css = "@media print { .a { color: black } body { font-size: 10pt } } @supports (display: grid) { .b { display: grid } }"
        #expect(CSSScoper.scope(css, under: ".w") ==
            "@media print {\n.w .a { color: black }\n.w { font-size: 10pt }\n}\n@supports (display: grid) {\n.w .b { display: grid }\n}\n")
    }

    @Test func dropsWhatAScopeCannotConfine() {
        let css = """
        @charset "utf-8";
        @import url("x.css");
        @page { margin: 2cm }
        @font-face { font-family: X; src: url(x.woff) }
        @keyframes spin { from { opacity: 0 } to { opacity: 1 } }
        p { color: red }
        """
        #expect(CSSScoper.scope(css, under: ".w") == ".w p { color: red }\n")
    }

    @Test func commasInsideParenthesesAreNotSelectorLists() {
        #expect(CSSScoper.scope("a:not(.x, .y), b { color: red }", under: ".w") == ".w a:not(.x, .y), .w b { color: red }\n")
    }

    @Test func bracesAndCommentsInStringsAndComments() {
        let css = "/* { not a rule } */ a::after { content: \"} {\" } /* end */ b { color: red }"
        #expect(CSSScoper.scope(css, under: ".w") == ".w a::after { content: \"} {\" }\n.w b { color: red }\n")
    }

    @Test func declarationBlocksKeepTheirLinesWithoutTrailingBlanks() {
        let css = ":root {\n  --a: #000;   /* black */\n  --b: 1em;\n}"
        #expect(CSSScoper.scope(css, under: ".w") == ".w { --a: #000;\n  --b: 1em; }\n")
    }

    @Test("prefixes every selector and maps html, body and :root to the wrapper")
    func scopes() {
        let css = "/* c */ :root { --a: 1 } body { margin: 0 } h1, p > a:hover { color: red }"
        #expect(CSSScoper.scope(css, under: ".w") == ".w { --a: 1 }\n.w { margin: 0 }\n.w h1, .w p > a:hover { color: red }\n")
    }

    @Test("scopes inside @media and drops @page and @import")
    func atRules() {
        let css = "@import url(x.css); @media print { .nav { display: none } @page { margin: 2cm } } @page { size: A4 }"
        #expect(CSSScoper.scope(css, under: ".w") == "@media print {\n.w .nav { display: none }\n}\n")
    }

    @Test("keeps commas inside :is() and strings intact")
    func commas() {
        let css = "a:is(.x, .y), b[title=\"a,b{\"] { color: red }"
        #expect(CSSScoper.scope(css, under: ".w") == ".w a:is(.x, .y), .w b[title=\"a,b{\"] { color: red }\n")
    }

    @Test("rem becomes em, so a fragment follows the host's text and not its root")
    func remBecomesEm() {
        let css = ".a { margin: 1.5rem 0 .5rem; font-size: 0.9rem; width: calc(100% - 2rem); content: \"3rem\"; animation-name: remote }"
        #expect(CSSScoper.scope(css, under: ".w")
                == ".w .a { margin: 1.5em 0 .5em; font-size: 0.9em; width: calc(100% - 2em); content: \"3rem\"; animation-name: remote }\n")
    }
}
