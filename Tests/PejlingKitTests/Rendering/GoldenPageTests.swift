import Foundation
import Testing
@testable import PejlingKit

/// Whole rendered pages of the bundled demo content against reviewed copies in `Golden/`.
///
/// When a change to templates or rendering is intended, update the copies deliberately and
/// review the diff before committing:
///
///     PEJLING_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests
///     git diff Tests/PejlingKitTests/Golden
@Suite("Golden pages of the demo content")
struct GoldenPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The pages compared: the overview, and per municipality its page, fragment and downloads.
    static func isCompared(_ path: String) -> Bool {
        path == "index.html" || path.hasSuffix("/index.html") || path.hasSuffix("/indlejring.html")
            || path.hasSuffix("/data.json") || path.hasSuffix("/data.csv")
    }

    @Test("every compared page equals its golden copy")
    func pagesMatch() throws {
        var options = BuildOptions()
        options.contentDirectory = Self.root.appendingPathComponent("content").path
        options.templatesDirectory = Self.root.appendingPathComponent("Templates").path
        options.includeDrafts = true
        let sink = MemorySink()
        let result = SiteBuilder(options: options).render(into: sink)
        #expect(!result.failed, "\(result.diagnostics.sorted)")
        let pages = sink.files.filter { Self.isCompared($0.key) }
        #expect(pages.count >= 10)
        let update = ProcessInfo.processInfo.environment["PEJLING_UPDATE_GOLDEN"] == "1"
        for (path, bytes) in pages.sorted(by: { $0.key < $1.key }) {
            let file = Self.golden.appendingPathComponent(path)
            if update {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
                continue
            }
            guard let expected = FileManager.default.contents(atPath: file.path) else {
                Issue.record("no golden copy of \(path): run PEJLING_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests and review it")
                continue
            }
            if [UInt8](expected) != bytes {
                Issue.record("\(path) differs from its golden copy; first difference: \(Self.firstDifference(expected: [UInt8](expected), actual: bytes))")
            }
        }
        if !update {
            // A golden copy without a page means a page disappeared.
            let enumerator = FileManager.default.enumerator(atPath: Self.golden.path)
            while let path = enumerator?.nextObject() as? String {
                if Self.isCompared(path), pages[path] == nil { Issue.record("golden copy \(path) has no page any more") }
            }
        }
    }

    static func firstDifference(expected: [UInt8], actual: [UInt8]) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let new = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if old != new { return "line \(index + 1): expected \(old.prefix(160)) but got \(new.prefix(160))" }
        }
        return "none"
    }
}
