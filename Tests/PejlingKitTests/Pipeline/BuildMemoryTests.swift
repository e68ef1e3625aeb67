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

    @Test("serve reuses the overview while its inputs are the same, and renders it again when a title changes")
    func overviewReuse() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        var options = BuildOptions()
        options.contentDirectory = content.path
        options.templatesDirectory = Self.root.appendingPathComponent("Templates").path
        options.jobs = 2
        let cache = ContentCache()
        let first = MemorySink()
        #expect(!SiteBuilder(options: options).render(into: first, pagesOf: nil, cache: cache).failed)
        let slug = try #require(first.files.keys.sorted().first { $0.hasSuffix("/index.html") }?.split(separator: "/").first.map(String.init))

        // The same inputs: the cached page is used (a marked copy in the cache shows it).
        var templatesDiagnostics = Diagnostics()
        let templates = try #require(TemplateSet.load(directory: options.templatesDirectory, diagnostics: &templatesDiagnostics))
        let (loaded, _) = ContentLoader(directory: content.path, jobs: 2).load()
        let site = try #require(loaded)
        let page = OverviewPage(content: site, municipalities: site.municipalities.map(\.summary), templates: templates)
        let marked = OutputFile(path: "index.html", text: "cached")
        cache.storeOverview(marked, for: .init(templates: templates.fingerprint, config: site.config, municipalities: page.municipalities))
        #expect(page.render(cache: cache).bytes == marked.bytes)

        // A changed title is new input: the overview is rendered again and shows it.
        try retitle(content, slug, to: "En helt ny titel")
        let second = MemorySink()
        #expect(!SiteBuilder(options: options).render(into: second, pagesOf: [slug], cache: cache).failed)
        let overview = String(decoding: try #require(second.files["index.html"]), as: UTF8.self)
        #expect(overview != "cached")
        #expect(overview.contains("<li>Analyserapport"))
    }
}
