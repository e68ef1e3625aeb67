import Testing
@testable import PejlingKit

@Suite("CSS scoping for the CMS fragment")
struct CSSScoperTests {
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
}
