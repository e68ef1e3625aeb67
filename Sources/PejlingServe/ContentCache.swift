import Foundation
import PejlingKit

/// What `serve` keeps between builds: every municipality's load and the last overview. One
/// lives as long as the server; a rebuild after a save re-reads only the changed folders.
///
/// ```swift
/// let cache = ContentCache()
/// SiteBuilder(options: options).render(into: sink, pagesOf: nil, memory: cache.reading(nil))          // reads all
/// SiteBuilder(options: options).render(into: sink, pagesOf: ["egelund"], memory: cache.reading(["egelund"]))  // reads one
/// ```
final class ContentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var siteFiles: [String: UInt64] = [:]
    private var loads: [String: MunicipalityLoad] = [:]
    private var overview: (inputs: OverviewInputs, file: OutputFile)?

    /// The cache as one build uses it: the folders in `reload` are read again (all when nil),
    /// the others taken from the previous build when site.yml and kriterier.yml are unchanged.
    func reading(_ reload: Set<String>?) -> Use {
        Use(cache: self, reload: reload)
    }

    struct Use: BuildMemory {
        let cache: ContentCache
        let reload: Set<String>?

        func load(of slug: String, siteFiles: [String: UInt64]) -> MunicipalityLoad? {
            guard let reload, !reload.contains(slug) else { return nil }
            return cache.withLock { cache.siteFiles == siteFiles ? cache.loads[slug] : nil }
        }

        func keep(_ loads: [String: MunicipalityLoad], siteFiles: [String: UInt64]) {
            cache.withLock {
                cache.loads = loads
                cache.siteFiles = siteFiles
            }
        }

        func overview(for inputs: OverviewInputs) -> OutputFile? {
            cache.withLock { cache.overview?.inputs == inputs ? cache.overview?.file : nil }
        }

        func keep(overview file: OutputFile, for inputs: OverviewInputs) {
            cache.withLock { cache.overview = (inputs, file) }
        }
    }

    private func withLock<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
