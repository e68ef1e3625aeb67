@testable import PejlingKit
import Testing
@testable import PejlingServe

@Suite struct PreviewSnapshotTests {
    func outcome(_ files: [String: String], replaced: Set<String>? = nil, failed: Bool = false,
                 message: String = "broken") -> BuildOutcome {
        var diagnostics = Diagnostics()
        if failed { diagnostics.error(message, at: SourceLocation(file: "content/x.md", line: 2, column: 3)) }
        return BuildOutcome(files: files.mapValues { Array($0.utf8) }, replacedSlugs: replaced, slugs: [],
                            diagnostics: diagnostics, failed: failed,
                            failureEntries: failed ? ErrorPage.entries(for: diagnostics) { _, _ in "line" } : [])
    }

    @Test func onlyChangedFilesGetANewVersion() {
        let first = PreviewSnapshot(instance: "i").applying(outcome(["index.html": "a", "x/index.html": "b"]))
        let second = first.applying(outcome(["index.html": "a", "x/index.html": "B"]))
        #expect(second.generation == first.generation + 1)
        #expect(second.version(of: .file("index.html")) == first.version(of: .file("index.html")))
        #expect(second.version(of: .file("x/index.html")) != first.version(of: .file("x/index.html")))
    }

    @Test func anIdenticalBuildChangesNothing() {
        let first = PreviewSnapshot(instance: "i").applying(outcome(["index.html": "a"]))
        let second = first.applying(outcome(["index.html": "a"]))
        #expect(second.generation == first.generation)
        #expect(second.version(of: .file("index.html")) == first.version(of: .file("index.html")))
    }

    @Test func aFailedBuildKeepsTheLastGoodFilesAndShowsErrorsOnHTML() {
        let good = PreviewSnapshot(instance: "i").applying(outcome(["index.html": "a", "assets/p.css": "c"]))
        let bad = good.applying(outcome([:], failed: true))
        #expect(bad.files == good.files)
        #expect(bad.failure?.entries.first?.location == "content/x.md:2:3")
        #expect(bad.version(of: .file("index.html")) != good.version(of: .file("index.html")))
        #expect(bad.version(of: .file("assets/p.css")) == good.version(of: .file("assets/p.css")))
        // The same error again: no new version, so no refresh.
        let again = bad.applying(outcome([:], failed: true))
        #expect(again.version(of: .file("index.html")) == bad.version(of: .file("index.html")))
        // Another error: a new version.
        let other = bad.applying(outcome([:], failed: true, message: "other"))
        #expect(other.version(of: .file("index.html")) != bad.version(of: .file("index.html")))
        // Fixed: the page comes back with a version of its own.
        let fixed = other.applying(outcome(["index.html": "a", "assets/p.css": "c"]))
        #expect(fixed.failure == nil)
        #expect(fixed.version(of: .file("index.html")) != other.version(of: .file("index.html")))
    }

    @Test func aPartialBuildReplacesOnlyItsFolders() {
        let full = PreviewSnapshot(instance: "i").applying(outcome([
            "index.html": "o", "a/index.html": "a", "a/old.html": "gone", "b/index.html": "b",
        ]))
        let partial = full.applying(outcome(["index.html": "o2", "a/index.html": "a2"], replaced: ["a"]))
        #expect(partial.files == ["index.html": Array("o2".utf8), "a/index.html": Array("a2".utf8),
                                  "b/index.html": Array("b".utf8)])
        #expect(partial.version(of: .file("b/index.html")) == full.version(of: .file("b/index.html")))
        #expect(partial.version(of: .notFound) != full.version(of: .notFound))
    }

    @Test func stylesheetVersionFollowsCSSOnly() {
        let first = PreviewSnapshot(instance: "i").applying(outcome(["index.html": "a", "assets/p.css": "c"]))
        let html = first.applying(outcome(["index.html": "b", "assets/p.css": "c"]))
        let css = html.applying(outcome(["index.html": "b", "assets/p.css": "d"]))
        #expect(html.stylesheetVersion == first.stylesheetVersion)
        #expect(css.stylesheetVersion != html.stylesheetVersion)
    }

    @Test func anotherInstanceHasOtherVersions() {
        let one = PreviewSnapshot(instance: "one").applying(outcome(["index.html": "a"]))
        let two = PreviewSnapshot(instance: "two").applying(outcome(["index.html": "a"]))
        #expect(one.version(of: .file("index.html")) != two.version(of: .file("index.html")))
    }
}
