import Foundation
import Testing
@testable import PejlingKit

/// The wording rules on every built page.
///
/// The rule for 'slutmåling' and 'fejlprocent' (any inflection, any case): they may appear
/// only in running text, never inside a label — a heading, a caption, a table header cell, a
/// chart's title, description or text, a legend, a label or a summary — and the sentence
/// that holds them must deny it: it contains "ikke", "ingen" or "aldrig".
@Suite struct PageWordingTests {
    static let labelElements: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "caption", "th", "title", "desc", "text", "legend", "label",
        "summary", "figcaption", "dt", "button", "option",
    ]
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The words of a page's text with the elements that enclose each stretch of text.
    static func textRuns(_ html: String) -> [(text: String, enclosing: [String])] {
        var runs: [(String, [String])] = []
        var stack: [String] = []
        var index = html.startIndex
        var text = ""
        while index < html.endIndex {
            if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
                if !text.isEmpty { runs.append((text, stack)); text = "" }
                let tag = html[html.index(after: index)..<close]
                let selfClosing = tag.hasSuffix("/")
                if tag.hasPrefix("/") {
                    let name = tag.dropFirst().lowercased()
                    if let position = stack.lastIndex(of: name) { stack.removeSubrange(position...) }
                } else if !tag.hasPrefix("!") {
                    let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
                    if !selfClosing, !voidElements.contains(name) { stack.append(name) }
                }
                index = html.index(after: close)
            } else {
                text.append(html[index])
                index = html.index(after: index)
            }
        }
        if !text.isEmpty { runs.append((text, stack)) }
        return runs
    }

    static func violations(in html: String) -> [String] {
        var problems: [String] = []
        let runs = textRuns(html)
        for (text, enclosing) in runs {
            for word in PejlingWording.forbiddenLabels where text.lowercased().contains(word) {
                if let label = enclosing.first(where: labelElements.contains) {
                    problems.append("'\(word)' inside <\(label)>: \(text)")
                }
            }
        }
        // Sentences of the page's running text (outside <head>, <style>).
        let body = runs.filter { !$0.enclosing.contains("head") && !$0.enclosing.contains("style") }
            .map(\.text).joined(separator: " ")
        let sentences = body.split(whereSeparator: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" })
        for sentence in sentences {
            let lower = sentence.lowercased()
            guard PejlingWording.forbiddenLabels.contains(where: lower.contains) else { continue }
            let words = Set(lower.split(whereSeparator: { !$0.isLetter }).map(String.init))
            if words.isDisjoint(with: ["ikke", "ingen", "aldrig"]) {
                problems.append("not denied: \(sentence.trimmingCharacters(in: .whitespaces))")
            }
        }
        return problems
    }

    static var pages: [(String, String)] {
        DemoSite.builtWithDrafts.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }

    @Test func demoBuilds() {
        #expect(DemoSite.builtWithDrafts.keys.contains("egelund/data.json"))
        #expect(DemoSite.builtWithoutDrafts.keys.contains("egelund/data.csv"))
        #expect(Self.pages.count == 13)
    }

    @Test func forbiddenLabelsOnlyInDenyingSentences() {
        for (path, html) in Self.pages {
            #expect(Self.violations(in: html).isEmpty, "\(path): \(Self.violations(in: html))")
        }
    }

    /// The rule catches what it is meant to catch.
    @Test func ruleRejectsLabels() {
        #expect(!Self.violations(in: "<h2>Slutmåling</h2>").isEmpty)
        #expect(!Self.violations(in: "<table><caption>Fejlprocent pr. kriterium</caption></table>").isEmpty)
        #expect(!Self.violations(in: "<svg><text x=\"1\">Fejlprocenter</text></svg>").isEmpty)
        #expect(!Self.violations(in: "<p>Statusmålingen er kommunens slutmåling.</p>").isEmpty)
        #expect(Self.violations(in: "<p>Statusmålingen er ikke en slutmåling.</p>").isEmpty)
    }

    @Test func everyStatusReportExplainsThePejling() throws {
        for slug in ["egelund", "strandvig", "bakkeby"] {
            for page in ["\(slug)/index.html", "\(slug)/\(slug).html", "\(slug)/indlejring.html"] {
                let html = try DemoSite.text(page)
                let start = try #require(html.range(of: "<article class=\"rapport rapport-status\""), "\(page)")
                let status = html[start.lowerBound...]
                let note = try #require(status.range(of: "<div class=\"pejling-forklaring\" role=\"note\">"), "\(page)")
                let text = status[note.upperBound...].prefix(900)
                #expect(text.contains("Statusmålingen er en pejling."))
                #expect(text.contains("på rette vej"))
                #expect(text.contains("mens kommunens eget udviklingsarbejde fortsætter"))
                #expect(text.contains("Med så få sager er den tilfældige variation stor."))
                #expect(text.contains("ikke en slutmåling"))
            }
        }
        // The time between the measurements, from their dates: 2024-03-11 → 2025-12-08.
        let egelund = try DemoSite.text("egelund/index.html")
        #expect(egelund.contains("gennemgik 20 sager i december 2025, 1 år og 8 måneder efter sagsgennemgangen i analysen"))
        let strandvig = try DemoSite.text("strandvig/index.html")
        #expect(strandvig.contains("gennemgik 20 sager i august 2025, 1 år og 7 måneder efter sagsgennemgangen i analysen"))
    }

    @Test func analysisPagesHaveNoPejlingNote() throws {
        let mosedal = try DemoSite.text("mosedal/index.html")
        #expect(!mosedal.contains("pejling-forklaring"))
        let bakkeby = try DemoSite.text("bakkeby/index.html", drafts: false)
        #expect(!bakkeby.contains("pejling-forklaring"))
    }

    @Test func durations() {
        #expect(PejlingWording.duration(months: 1) == "1 måned")
        #expect(PejlingWording.duration(months: 9) == "9 måneder")
        #expect(PejlingWording.duration(months: 12) == "1 år")
        #expect(PejlingWording.duration(months: 18) == "1 år og 6 måneder")
        #expect(PejlingWording.duration(months: 25) == "2 år og 1 måned")
    }
}
