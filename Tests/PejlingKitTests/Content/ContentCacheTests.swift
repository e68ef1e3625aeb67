import Foundation
import Testing
@testable import PejlingKit

@Suite("Content cache for serve")
struct ContentCacheTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func copyOfContent() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        return folder.appendingPathComponent("content")
    }

    func retitle(_ content: URL, _ slug: String, to title: String) throws {
        let file = content.appendingPathComponent("kommuner/\(slug)/analyse.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: #"titel: [^\n]*"#, options: .regularExpression))
        text.replaceSubrange(range, with: "titel: \(title)")
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("a reload reads only the named folders; the rest come from the cache")
    func reloadsOnlyNamedFolders() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let loader = ContentLoader(directory: content.path, jobs: 2)
        let cache = ContentCache()
        let (first, _) = loader.load(cache: cache)
        let slugs = try #require(first?.municipalities.map(\.slug))
        #expect(slugs.count >= 2)
        let (changed, unchanged) = (slugs[0], slugs[1])
        try retitle(content, changed, to: "Ny titel A")
        try retitle(content, unchanged, to: "Ny titel B")

        let (partial, diagnostics) = loader.load(cache: cache, reload: [changed])
        #expect(!diagnostics.hasErrors)
        #expect(partial?.municipalities.first { $0.slug == changed }?.analysis?.title == "Ny titel A")
        #expect(partial?.municipalities.first { $0.slug == unchanged }?.analysis?.title != "Ny titel B",
                "a folder outside the reload set is not read again")

        let (full, _) = loader.load(cache: cache)
        #expect(full?.municipalities.first { $0.slug == unchanged }?.analysis?.title == "Ny titel B")
    }

    @Test("a changed site-wide file makes the reload read everything")
    func siteFileChangeReadsAll() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let loader = ContentLoader(directory: content.path, jobs: 2)
        let cache = ContentCache()
        let (first, _) = loader.load(cache: cache)
        let slug = try #require(first?.municipalities.last?.slug)
        try retitle(content, slug, to: "Ny titel C")
        let site = content.appendingPathComponent("site.yml")
        try (String(contentsOf: site, encoding: .utf8) + "\n# ændret\n").write(to: site, atomically: true, encoding: .utf8)
        let (reloaded, _) = loader.load(cache: cache, reload: [])
        #expect(reloaded?.municipalities.first { $0.slug == slug }?.analysis?.title == "Ny titel C")
    }
}
