import Foundation
import Testing
@testable import PejlingKit

/// Inputs built to make a Markdown parser slow: each is rendered at two sizes, `n` and `4n`,
/// and the time must grow like the size, not like its square.
///
/// This checks complexity, not speed: linear work takes about 4 times as long at `4n`,
/// quadratic work 16 times; the limit of 9 leaves room for a busy machine. Each size is
/// timed three times and the fastest run counts, and a failed comparison is tried again.
@Suite("Pathological Markdown renders in linear time", .serialized)
struct PathologicalMarkdownTests {
    /// A named input of a given size.
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let size: Int
        let make: @Sendable (Int) -> String
        var testDescription: String { "\(name) (n = \(size))" }
    }

    static let shapes: [Shape] = [
        Shape(name: "nested block quotes", size: 10_000) { String(repeating: "> ", count: $0) + "x\n" },
        Shape(name: "nested lists", size: 10_000) { String(repeating: "- ", count: $0) + "x\n" },
        Shape(name: "indented nested lists", size: 2_000) { n in
            (0..<n).map { String(repeating: " ", count: min($0, 12)) + "1. x\n" }.joined()
        },
        Shape(name: "open brackets", size: 50_000) { String(repeating: "[", count: $0) + "x\n" },
        Shape(name: "unclosed links", size: 20_000) { String(repeating: "[a](", count: $0) + "x\n" },
        Shape(name: "closed brackets after openers", size: 25_000) {
            String(repeating: "[", count: $0) + "a" + String(repeating: "]", count: $0) + "\n"
        },
        Shape(name: "image openers", size: 20_000) { String(repeating: "![[", count: $0) + "x\n" },
        Shape(name: "emphasis openers", size: 20_000) { String(repeating: "*a **a ", count: $0) + "x\n" },
        Shape(name: "underscores", size: 30_000) { String(repeating: "_a __", count: $0) + "\n" },
        Shape(name: "backtick runs", size: 5_000) { n in (1...n).map { String(repeating: "`", count: $0 % 40 + 1) + "a" }.joined() },
        Shape(name: "angle brackets", size: 50_000) { String(repeating: "<a ", count: $0) + "\n" },
        Shape(name: "entities", size: 30_000) { String(repeating: "&#", count: $0) + "&amp;x\n" },
        Shape(name: "link reference definitions", size: 5_000) { n in
            (0..<n).map { "[r\($0)]: https://example.dk/\($0)\n" }.joined() + (0..<n).map { "[r\($0)] " }.joined()
        },
        Shape(name: "maaling fences", size: 800) { n in
            String(repeating: "```maaling\npejlemaerke: ukendt\n```\n\ntekst\n\n", count: n)
        },
    ]

    /// The fastest of three runs, in seconds.
    static func time(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    static let catalogue: CriteriaCatalogue = {
        var diagnostics = Diagnostics()
        let source = SourceText.decode(Array("""
            pejlemaerker:
              - id: faglig-udredning
                navn: Faglig udredning
            kriterier: []
            """.utf8), file: "kriterier.yml")
        guard case .success(let text) = source, let catalogue = CriteriaCatalogue.load(text, diagnostics: &diagnostics) else {
            fatalError("the test catalogue does not load: \(diagnostics.items)")
        }
        return catalogue
    }()

    /// The whole of a report's loading and rendering: cmark, the link policy and the maaling blocks.
    static func render(_ markdown: String) -> String {
        let report = Report(kind: .analysis, title: "T", date: ISODate("2024-01-01")!, body: markdown,
                            bodyLocation: SourceLocation(file: "analyse.md", line: 5, column: 1))
        let renderer = ReportRenderer(figures: FigurePresenter(catalogue: catalogue, analysis: nil, status: nil))
        var diagnostics = Diagnostics()
        var loaded = report
        loaded.outline = ReportOutline.load(report, catalogue: catalogue, diagnostics: &diagnostics)
        return renderer.render(loaded).page
    }

    /// Whether the time for `large` (four times `small`) stays below 9 times that for `small`,
    /// in one of three tries (a busy machine can spoil one; quadratic work fails all three).
    static func growsLinearly(_ name: String, small: String, large: String, work: (String) -> Void) -> Bool {
        var report: [String] = []
        for _ in 0..<3 {
            let smallTime = time { work(small) }
            let largeTime = time { work(large) }
            // Below a few milliseconds the clock says more about the machine than the algorithm.
            let ratio = largeTime / max(smallTime, 0.003)
            if ratio < 9 { return true }
            report.append("\(smallTime) s at n, \(largeTime) s at 4n (ratio \(ratio))")
        }
        Issue.record("\(name) grows faster than its size: \(report.joined(separator: "; "))")
        return false
    }

    @Test("rendering time grows linearly", arguments: shapes)
    func linear(_ shape: Shape) {
        let small = shape.make(shape.size)
        #expect(!Self.render(small).isEmpty)
        _ = Self.growsLinearly(shape.name, small: small, large: shape.make(shape.size * 4)) { _ = Self.render($0) }
    }

    @Test("the other scanners of a report are linear too")
    func scanners() {
        let inputs: [(String, (Int) -> String)] = [
            ("CPR scanner over digits", { String(repeating: "010203-123 ", count: $0) }),
            ("front matter without an end", { "---\n" + String(repeating: "titel: x\n", count: $0) }),
            ("YAML nesting", { "titel: " + String(repeating: "[", count: $0) }),
            ("YAML with many unknown keys", { n in (0..<n).map { "noegle\($0): v\n" }.joined() }),
        ]
        for (name, make) in inputs {
            _ = Self.growsLinearly(name, small: make(5_000), large: make(20_000)) { Self.scan($0) }
        }
    }

    static func scan(_ text: String) {
        var diagnostics = Diagnostics()
        _ = CPRScanner.matches(in: text)
        let source = SourceText.decode(Array(text.utf8), file: "x.md")
        if case .success(let decoded) = source {
            _ = Report.parse(decoded, kind: .analysis, diagnostics: &diagnostics)
        }
        let yaml = YAMLDocument.parse(text, file: "x.yml", diagnostics: &diagnostics)
        yaml?.reportUnknownKeys(allowed: Report.keys, diagnostics: &diagnostics)
    }
}
