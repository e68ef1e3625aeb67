import Foundation
import Testing
@testable import PejlingKit
@testable import PejlingServe

@Suite("Content cache for serve")
struct ContentCacheTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func copyOfContent() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        return folder.appendingPathComponent("content")
    }

    /// Renames a (fictional, `eksempel: true`) municipality: the overview shows its name.
    func rename(_ content: URL, _ slug: String, to name: String) throws {
        let file = content.appendingPathComponent("kommuner/\(slug)/kommune.yml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: #"navn: [^\n]*"#, options: .regularExpression))
        text.replaceSubrange(range, with: "navn: \(name)")
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func options(_ content: URL) -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = content.path
        options.templatesDirectory = Self.root.appendingPathComponent("Templates").path
        options.includeDrafts = true
        options.jobs = 2
        return options
    }

    /// The overview's text after a build that reads again only `reload` (all when nil).
    func overview(_ options: BuildOptions, cache: ContentCache, reload: Set<String>?) throws -> String {
        let sink = MemorySink()
        #expect(!SiteBuilder(options: options).render(into: sink, pagesOf: reload, memory: cache.reading(reload)).failed)
        return String(decoding: try #require(sink.files["index.html"]), as: UTF8.self)
    }

    @Test("a partial build reads only the named folders; the rest come from the cache")
    func reloadsOnlyNamedFolders() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let options = options(content)
        let cache = ContentCache()
        let slugs = try #require(ContentLoader(directory: content.path).load().0?.municipalities.map(\.slug))
        #expect(slugs.count >= 2)
        _ = try overview(options, cache: cache, reload: nil)
        let (changed, unchanged) = (slugs[0], slugs[1])
        try rename(content, changed, to: "Nyby A")
        try rename(content, unchanged, to: "Nyby B")

        let partial = try overview(options, cache: cache, reload: [changed])
        #expect(partial.contains("Nyby A"))
        #expect(!partial.contains("Nyby B"), "a folder outside the reload set is not read again")
        #expect(try overview(options, cache: cache, reload: nil).contains("Nyby B"))
    }

    @Test("a changed site-wide file makes a partial build read everything")
    func siteFileChangeReadsAll() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let options = options(content)
        let cache = ContentCache()
        _ = try overview(options, cache: cache, reload: nil)
        let slug = try #require(ContentLoader(directory: content.path).load().0?.municipalities.last?.slug)
        try rename(content, slug, to: "Nyby C")
        let site = content.appendingPathComponent("site.yml")
        try (String(contentsOf: site, encoding: .utf8) + "\n# ændret\n").write(to: site, atomically: true, encoding: .utf8)
        #expect(try overview(options, cache: cache, reload: []).contains("Nyby C"))
    }

    @Test("the overview is reused while its inputs are the same, and rendered again when a name changes")
    func overviewReuse() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let options = options(content)
        let cache = ContentCache()
        let memory = cache.reading(nil)
        let sink = MemorySink()
        #expect(!SiteBuilder(options: options).render(into: sink, pagesOf: nil, memory: memory).failed)
        let slug = try #require(sink.files.keys.sorted().first { $0.hasSuffix("/index.html") }?.split(separator: "/").first.map(String.init))

        // The same inputs: the kept page is used (a marked copy in the cache shows it).
        var diagnostics = Diagnostics()
        let loader = ContentLoader(directory: content.path, jobs: 2)
        let pages = try #require(SitePages.load(templatesDirectory: options.templatesDirectory,
                                                site: loader.loadSiteFiles(diagnostics: &diagnostics), diagnostics: &diagnostics))
        let shown = try #require(loader.load().0).municipalities.map(\.summary)
        memory.keep(overview: OutputFile(path: "index.html", text: "kept"), for: pages.overviewInputs(of: shown))
        #expect(try overview(options, cache: cache, reload: []) == "kept")

        // A changed name is new input: the overview is rendered again and shows it.
        try rename(content, slug, to: "Helt Nyby")
        let again = try overview(options, cache: cache, reload: [slug])
        #expect(again != "kept")
        #expect(again.contains("Helt Nyby"))
    }
}
