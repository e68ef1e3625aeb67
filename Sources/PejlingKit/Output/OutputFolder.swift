import Foundation

/// The output folder and its atomic replacement.
///
/// A build writes into a staging folder beside the output (same file system), then swaps
/// it in with one `rename`: a failed or killed build leaves the previous output exactly as
/// it was. The output carries a manifest (``OutputFolder/manifestName``); a non-empty folder
/// without one was not made by pejling, and is never replaced.
///
/// ```swift
/// let folder = OutputFolder(path: "output")
/// let staging = try folder.prepareStaging()
/// // … write into staging …
/// try folder.publish(staging: staging, manifest: manifest)
/// ```
public struct OutputFolder: Sendable {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".pejling-manifest.json"
    static let stagingMarker = ".pejling-staging"

    /// The folder as the user named it.
    public let path: String

    public init(path: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    var parent: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    var name: String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// Why the folder may not be replaced, or nil when it may: it is absent, empty, or has a manifest.
    public func refusal() -> String? {
        if name == "." || name == ".." || name.isEmpty {
            return "--output must name a folder of its own, not '\(path)'"
        }
        guard SafePath.exists(path) else { return nil }
        guard SafePath.isDirectory(path) else {
            return "'\(path)' exists and is not a folder; pejling will not replace it"
        }
        let entries = SafePath.listing(path)
        if entries.isEmpty || entries.contains(Self.manifestName) { return nil }
        return "'\(path)' is not empty and was not written by pejling (it has no \(Self.manifestName)); "
            + "pejling replaces only its own output. Choose another --output, or empty the folder first"
    }

    /// The manifest of the current output, if any.
    public func currentManifest() -> BuildManifest? {
        guard let bytes = SafePath.contents(path + "/" + Self.manifestName) else { return nil }
        return BuildManifest(json: bytes)
    }

    /// Whether every file the manifest lists is still in the folder.
    /// Asked on every rebuild, so the municipalities are checked on `jobs` threads, without
    /// first merging their file lists.
    public func contains(_ manifest: BuildManifest, jobs: Int = 1) -> Bool {
        @Sendable func present(_ files: [String: String]) -> Bool {
            files.keys.allSatisfy { SafePath.isSafeRelative($0) && SafePath.exists(path + "/" + $0) }
        }
        guard present(manifest.shared) else { return false }
        let entries = Array(manifest.municipalities.values)
        return ParallelMap.map(entries, jobs: jobs) { present($0.files) }.allSatisfy { $0 }
    }

    /// Creates a fresh staging folder beside the output, removing stale ones left by killed builds.
    public func prepareStaging() throws -> String {
        removeStaleStagingFolders()
        let staging = "\(parent)/.\(name).pejling-staging-\(getpid())"
        if SafePath.exists(staging) { try FileManager.default.removeItem(atPath: staging) }
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try FileWriting.write([], to: staging + "/" + Self.stagingMarker)
        return staging
    }

    /// Writes the manifest into staging and swaps staging in for the output.
    public func publish(staging: String, manifest: BuildManifest) throws {
        try FileWriting.write(manifest.json(), to: staging + "/" + Self.manifestName)
        try? FileManager.default.removeItem(atPath: staging + "/" + Self.stagingMarker)
        if SafePath.exists(path) {
            if let refusal = refusal() { throw OutputError(refusal) }
            try AtomicSwap.exchange(staging, path)
            // The old output now sits at the staging path.
            try? FileManager.default.removeItem(atPath: staging)
        } else {
            if !SafePath.isDirectory(parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            guard rename(staging, path) == 0 else {
                throw OutputError("cannot move the new output into place at \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes a staging folder after a failed build.
    public func discard(staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Staging folders of this output whose build is gone (killed). Where the two-rename
    /// swap (no `renameat2`) was killed between its renames, the old output is put back.
    func removeStaleStagingFolders() {
        let prefix = ".\(name).pejling-staging-"
        let asidePrefix = "\(name).pejling-old-"
        func isGone(_ pid: Int32) -> Bool { pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) }
        for entry in SafePath.listing(parent) {
            if entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), isGone(pid) {
                try? FileManager.default.removeItem(atPath: parent + "/" + entry)
            } else if entry.hasPrefix(asidePrefix), let pid = Int32(entry.dropFirst(asidePrefix.count)), isGone(pid) {
                let aside = parent + "/" + entry
                if !SafePath.exists(path), rename(aside, path) == 0 { continue }
                try? FileManager.default.removeItem(atPath: aside)
            }
        }
    }
}

/// Exchanges two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`); where that is not
/// available, two renames, with the gap between them as short as it can be.
enum AtomicSwap {
    static func exchange(_ a: String, _ b: String) throws {
        #if os(Linux)
        // glibc (2.28+) has renameat2, but Swift's Glibc module does not import it: look it up.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return }
        }
        #endif
        let aside = b + ".pejling-old-\(getpid())"
        guard rename(b, aside) == 0 else {
            throw OutputError("cannot move the old output aside: \(String(cString: strerror(errno)))")
        }
        guard rename(a, b) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, b)
            throw OutputError("cannot move the new output into place: \(reason)")
        }
        _ = rename(aside, a)
    }
}
