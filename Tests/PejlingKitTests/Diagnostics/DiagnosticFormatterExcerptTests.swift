import Testing
@testable import PejlingKit

@Suite struct DiagnosticFormatterExcerptTests {
    static let diagnostic = Diagnostic.error("overskydende komma før ']'",
                                             at: SourceLocation(file: "content/a.json", line: 2, column: 9),
                                             hint: "fjern kommaet")

    @Test("human: path:line:col, the source line, a caret under the column, and the hint")
    func human() {
        let formatter = DiagnosticFormatter(format: .human) { file, line in
            file == "content/a.json" && line == 2 ? "\t\t\"x\": 1,]" : nil
        }
        let lines = formatter.format(Self.diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == "content/a.json:2:9: error: overskydende komma før ']'")
        // A tab is shown as one space, so the caret stays under column 9: the comma.
        #expect(lines[1] == "      \"x\": 1,]")
        #expect(lines[2] == "            ^")
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == ",")
        #expect(lines[3] == "    forslag: fjern kommaet")
    }

    @Test("human: columns count Unicode scalars, as the parsers do")
    func unicodeColumns() {
        // "Å" written as A and a combining ring: two scalars, two columns.
        let (text, caret) = DiagnosticFormatter.excerpt("titel: Ærø og A\u{30A}: x", column: 19)
        #expect(caret == 18)
        #expect(Array(text.unicodeScalars)[18] == "x")
    }

    @Test("human: a long line is cut to a window around the column")
    func longLine() {
        let line = String(repeating: "a", count: 5_000) + "X" + String(repeating: "b", count: 5_000)
        let (text, caret) = DiagnosticFormatter.excerpt(line, column: 5_001)
        #expect(text.count <= DiagnosticFormatter.excerptWidth + 2)
        #expect(text.hasPrefix("…") && text.hasSuffix("…"))
        #expect(caret.map { Array(text)[$0] } == "X")
        let (start, startCaret) = DiagnosticFormatter.excerpt(line, column: 1)
        #expect(!start.hasPrefix("…") && start.hasSuffix("…") && startCaret == 0)
        let (end, endCaret) = DiagnosticFormatter.excerpt(line, column: 10_002)
        #expect(end.hasPrefix("…") && !end.hasSuffix("…"))
        #expect(endCaret == end.count)  // just past the last character: the end of the line
    }

    @Test("github: a workflow command with the file, line and column, escaped")
    func github() {
        let formatter = DiagnosticFormatter(format: .github) { _, _ in nil }
        let diagnostic = Diagnostic.warning("50% done\nnext", at: SourceLocation(file: "a,b:c.yml", line: 3, column: 1))
        #expect(formatter.format(diagnostic) == "::warning file=a%2Cb%3Ac.yml,line=3,col=1::50%25 done%0Anext")
        #expect(formatter.format(Self.diagnostic)
            == "::error file=content/a.json,line=2,col=9::overskydende komma før ']' (forslag: fjern kommaet)")
    }

    @Test("json: one object a line, without the parts that are unknown")
    func json() {
        let formatter = DiagnosticFormatter(format: .json) { _, _ in nil }
        #expect(formatter.format(Diagnostic.error("x \"y\"", at: SourceLocation(file: "content")))
            == #"{"severity":"error","file":"content","message":"x \"y\""}"#)
        #expect(!formatter.format(Self.diagnostic).contains("\n"))
    }
}
