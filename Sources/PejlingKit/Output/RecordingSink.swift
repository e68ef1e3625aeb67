import Foundation

/// Passes files on and remembers a hash of each, for the manifest.
final class RecordingSink: OutputSink, @unchecked Sendable {
    private let inner: any OutputSink
    private let lock = NSLock()
    /// Hashes as numbers: 60,000 hex strings would each be an allocation of their own.
    private var recorded: [String: UInt64] = [:]
    private var writtenSlugs: Set<String> = []

    init(inner: any OutputSink) { self.inner = inner }

    func write(_ file: OutputFile) throws {
        try inner.write(file)
        let hash = StableHash.hash(file.bytes)
        let slug = file.path.firstIndex(of: "/").map { String(file.path[..<$0]) }
        lock.lock()
        recorded[file.path] = hash
        if let slug, slug != "assets" { writtenSlugs.insert(slug) }
        lock.unlock()
    }

    /// The municipalities whose files were written (rendered), not taken over.
    var written: Set<String> { lock.withLock { writtenSlugs } }

    func prepare(slug: String) { inner.prepare(slug: slug) }

    func reuse(_ files: [String: String], from folder: String, slug: String) throws {
        try inner.reuse(files, from: folder, slug: slug)
        lock.lock()
        for (path, hex) in files { recorded[path] = UInt64(hex, radix: 16) ?? 0 }
        lock.unlock()
    }

    /// The manifest of what was written: files under `<slug>/` belong to that municipality.
    /// The record is handed over (emptied), so that it and the manifest are not both kept.
    func manifest(key: String, keys: (String) -> String?, summaries: [String: BuildManifest.Summary] = [:],
                  warnings: [Diagnostic]) -> BuildManifest {
        lock.lock()
        let recorded = self.recorded
        self.recorded = [:]
        lock.unlock()
        var manifest = BuildManifest(key: key, warnings: warnings)
        for (path, hash) in recorded {
            if let slash = path.firstIndex(of: "/"), path[..<slash] != "assets" {
                let slug = String(path[..<slash])
                manifest.municipalities[slug, default: BuildManifest.Entry(input: keys(slug) ?? "", files: [:], summary: summaries[slug])]
                    .files[path] = BuildManifest.hex(hash)
            } else {
                manifest.shared[path] = BuildManifest.hex(hash)
            }
        }
        return manifest
    }
}
