import Foundation

/// Cheap fingerprints of everything a build reads, taken before anything is parsed, so a
/// rebuild can tell at once what changed: each municipality's folder, the site-wide files,
/// the templates, the options and the pejling binary itself.
///
/// ```swift
/// if let (fingerprints, seen) = InputFingerprints.scan(options: options, cache: cache) {
///     fingerprints.municipalityKey("esbjerg")  // changes when anything it depends on changes
/// }
/// ```
struct InputFingerprints: Sendable, Hashable {
    /// Hash of site.yml, kriterier.yml, the templates, the options and the binary.
    public var shared: UInt64
    /// Hash of every file below `kommuner/<slug>/`, by slug.
    public var municipalities: [String: UInt64]

    /// The fingerprint a municipality's pages are made from.
    public func municipalityKey(_ slug: String) -> String? {
        municipalities[slug].map { BuildManifest.hex(StableHash.hash(bytes(of: $0), seed: shared)) }
    }

    /// The fingerprint of the whole build.
    public var key: String {
        var hash = shared
        for slug in municipalities.keys.sorted() {
            hash = StableHash.hash(Array(slug.utf8) + bytes(of: municipalities[slug] ?? 0), seed: hash)
        }
        return BuildManifest.hex(hash)
    }

    private func bytes(of value: UInt64) -> [UInt8] { Self.bytes(of: value) }

    /// Reads and hashes the inputs named by `options`; nil when a folder is missing (the
    /// build then reports it properly). A file whose `lstat` is the one `cache` recorded is
    /// not read again; what the scan saw is returned as the next build's cache.
    static func scan(options: BuildOptions, cache: InputStatCache = InputStatCache()) -> (InputFingerprints, InputStatCache)? {
        guard let content = SafePath.realPath(options.contentDirectory),
              let templates = SafePath.realPath(options.templatesDirectory) else { return nil }
        let started = DispatchTime.now().uptimeNanoseconds
        var seen = InputStatCache()
        var shared = StableHash.hash(Array(generator.utf8))
        let optionText = "drafts=\(options.includeDrafts);only=\(options.only.joined(separator: ","));pdf=\(options.pdf.map { $0 ? "ja" : "nej" } ?? "site")"
        shared = StableHash.hash(Array(optionText.utf8), seed: shared)
        for name in ["site.yml", "kriterier.yml"] {
            shared = hashFile(content + "/" + name, name: name, root: content, seed: shared, cache: cache, seen: &seen)
        }
        shared = hashTree(templates, seed: shared, cache: cache, seen: &seen)
        let kommuner = content + "/kommuner"
        let slugs = SafePath.listing(kommuner).filter { !$0.hasPrefix(".") }
        let hashes = ParallelMap.map(slugs, jobs: options.jobs) { slug in
            var seen = InputStatCache()
            let hash = hashTree(kommuner + "/" + slug, root: content, seed: StableHash.hash([]), cache: cache, seen: &seen)
            return (hash, seen)
        }
        for (_, municipalitySeen) in hashes { seen.merge(municipalitySeen) }
        seen.scanDuration = Int64(clamping: DispatchTime.now().uptimeNanoseconds &- started)
        let fingerprints = InputFingerprints(shared: shared, municipalities: Dictionary(uniqueKeysWithValues: zip(slugs, hashes.map(\.0))))
        return (fingerprints, seen)
    }

    /// Every file below `folder`, in sorted order, names and bytes. Symbolic links are not
    /// followed into folders (a link to `/` would walk the whole disk, a loop for ever); a
    /// link counts by its target, and by the bytes it leads to when that is a file inside
    /// `root`. Pipes and devices count by name only: they are never read.
    static func hashTree(_ folder: String, root: String? = nil, seed: UInt64,
                         cache: InputStatCache, seen: inout InputStatCache) -> UInt64 {
        let root = root ?? folder
        var hash = seed
        func walk(_ relative: String) {
            // The folder held open: each entry's lstat is one lookup (``OpenFolder``).
            let current = relative.isEmpty ? folder : folder + "/" + relative
            // The folder itself may be a link (as it was listed before); below it, only folders
            // that lstat calls folders are walked into.
            guard let open = OpenFolder(current, followsLink: relative.isEmpty) else { return }
            for name in open.sortedNames() {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = folder + "/" + child
                guard let info = open.status(of: name) else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    walk(child)
                } else {
                    hash = hashFile(path, name: child, root: root, lstat: info, seed: hash, cache: cache, seen: &seen)
                }
            }
        }
        walk("")
        return hash
    }

    /// A file's name and a hash of its bytes (from `cache` when its `lstat` is unchanged); see
    /// ``hashTree(_:root:seed:cache:seen:)`` for links, pipes and devices. `lstat` is what the
    /// caller has asked already (nil: ask).
    static func hashFile(_ path: String, name: String, root: String, lstat known: stat? = nil, seed: UInt64,
                         cache: InputStatCache, seen: inout InputStatCache) -> UInt64 {
        var hash = StableHash.hash(Array(name.utf8) + [0], seed: seed)
        var info = stat()
        if let known {
            info = known
        } else if lstat(path, &info) != 0 {
            return StableHash.hash([0xFF], seed: hash)
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
            hash = StableHash.hash(Array("link:\(target)".utf8) + [0], seed: hash)
            guard SafePath.isInside(path, root: root), stat(path, &info) == 0 else { return hash }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG,
              let content = cache.contentHash(of: path, info: info, recordingInto: &seen) else {
            return StableHash.hash([0xFF], seed: hash)
        }
        return StableHash.hash(bytes(of: content), seed: hash)
    }

    private static func bytes(of value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// Identifies the pejling binary by its version and a hash of its bytes — not its path or
    /// modification time — so that a new version of pejling never reuses pages an old one
    /// rendered, while the same binary copied elsewhere (or run under a faked clock) writes the
    /// same manifest.
    static let generator: String = {
        let path = SafePath.realPath("/proc/self/exe") ?? CommandLine.arguments.first.flatMap { SafePath.realPath($0) }
        let content = path.flatMap(hashContents).map(BuildManifest.hex) ?? "unknown"
        return "pejling \(PejlingVersion.current) \(content)"
    }()

    /// A hash of a file's bytes, read a mebibyte at a time (a debug binary is tens of megabytes,
    /// and a build's memory stays small).
    static func hashContents(of path: String) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var hash = StableHash.initialSeed
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return hash }
            hash = buffer.withUnsafeBytes { StableHash.hash(UnsafeRawBufferPointer(rebasing: $0[..<count]), seed: hash) }
        }
    }
}
