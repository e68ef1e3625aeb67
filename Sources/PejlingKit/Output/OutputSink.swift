import Foundation

/// Where rendered files go: a staging folder on disk, memory (for `serve`), or nowhere (for `check`).
public protocol OutputSink: Sendable {
    /// Stores one file; called from several threads at once.
    func write(_ file: OutputFile) throws
    /// Takes over a municipality's unchanged files (path → hash) from a previous output folder.
    func reuse(_ files: [String: String], from folder: String, slug: String) throws
    /// Called before a municipality's files are written: whatever the sink holds of it from
    /// before goes, so that no file of an older render stays beside the new ones.
    func prepare(slug: String)
}

extension OutputSink {
    public func prepare(slug: String) {}

    /// Reads each file from the previous output and writes it again.
    public func reuse(_ files: [String: String], from folder: String, slug: String) throws {
        for path in files.keys.sorted() {
            guard SafePath.isSafeRelative(path), let bytes = SafePath.contents(folder + "/" + path) else {
                throw OutputError("det forrige output mangler \(path)")
            }
            try write(OutputFile(path: path, bytes: bytes))
        }
    }
}

/// Discards everything: `check` renders every page and writes nothing.
struct DiscardingSink: OutputSink {
    public init() {}
    public func write(_ file: OutputFile) throws {}
}

/// Keeps every file in memory, by path.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ file: OutputFile) throws {
        lock.lock()
        storage[file.path] = file.bytes
        lock.unlock()
    }

    /// The files written so far.
    public var files: [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Writes files below a folder, creating subfolders as needed.
///
/// The folder may be the output a build before last left (``OutputFolder/keptPath``); its
/// files may share their bytes with the live output through hard links, so a file is never
/// written in place: what stands at a path is unlinked first and the file made anew. A
/// municipality whose files it already holds as they should be is left as it is
/// (``reuse(_:from:slug:)``); the others are cleared before they are linked or written.
struct DirectorySink: OutputSink {
    public let root: String
    /// For a kept output: the municipalities in which its files differ from the previous
    /// output's (``OutputFolder/prepareStaging()``); nil for a new folder.
    let differing: Set<String>?
    private var holds: Bool { differing != nil }

    public init(root: String, differing: Set<String>? = nil) {
        self.root = root
        self.differing = differing
    }

    public func write(_ file: OutputFile) throws {
        guard SafePath.isSafeRelative(file.path) else {
            throw OutputError("pejling skriver ikke uden for output-mappen: \(file.path)")
        }
        let path = root + "/" + file.path
        if let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            if !SafePath.isDirectory(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        // A kept file may be a hard link to the live output's: a new file, never that one truncated.
        if holds { unlink(path) }
        try FileWriting.write(file.bytes, to: path)
    }

    public func prepare(slug: String) {
        guard holds, !slug.isEmpty, SafePath.isSafeRelative(slug) else { return }
        OpenFolder.removeTree(root + "/" + slug)
    }

    /// Takes over `slug`'s files. Where the folder already holds them as the previous output
    /// has them (a kept output that does not differ there, every file present), they stay as
    /// they are and anything else in the municipality's folder goes. Otherwise each file is
    /// hard-linked from the previous output: no bytes are copied, and the new output stays
    /// whole when the old one goes. All or nothing: when one file cannot be taken, the links
    /// made are removed again, so that the pages rendered instead are written to files of
    /// their own, never through a link into the old output.
    public func reuse(_ files: [String: String], from folder: String, slug: String) throws {
        if let differing, !slug.isEmpty, !differing.contains(slug), keepsInPlace(files, slug: slug) { return }
        if holds {
            if slug.isEmpty {
                for path in files.keys where SafePath.isSafeRelative(path) { unlink(root + "/" + path) }
            } else {
                prepare(slug: slug)
            }
        }
        var linked: [String] = []
        do {
            try link(files, from: folder, made: &linked)
        } catch {
            for target in linked { unlink(target) }
            throw error
        }
    }

    /// Whether `slug`'s folder holds exactly `files` (all directly in it): anything else in it
    /// is removed; false when one is missing (or a path is nested), and it is then linked anew.
    private func keepsInPlace(_ files: [String: String], slug: String) -> Bool {
        guard SafePath.isSafeRelative(slug), let open = OpenFolder(root + "/" + slug) else { return false }
        var expected = Set<String>()
        for path in files.keys {
            guard path.hasPrefix(slug + "/") else { return false }
            let name = path.dropFirst(slug.utf8.count + 1)
            guard !name.isEmpty, !name.contains("/") else { return false }
            expected.insert(String(name))
        }
        var present = 0
        for entry in open.removeEntries(notIn: expected) {
            if entry.isFolder { open.remove(entry) } else { present += 1 }
        }
        return present == expected.count
    }

    /// Links folder by folder, each held open (``OpenFolder``): one lookup per file instead of
    /// a walk of its whole path, and one `mkdir` per folder instead of a `stat` per file.
    private func link(_ files: [String: String], from folder: String, made linked: inout [String]) throws {
        var open: (parent: Substring, old: OpenFolder, new: OpenFolder)?
        for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard SafePath.isSafeRelative(path) else { throw OutputError("pejling genbruger ikke \(path), som ligger uden for output-mappen") }
            let slash = path.lastIndex(of: "/")
            let parent = slash.map { path[..<$0] } ?? ""
            let name = String(slash.map { path[path.index(after: $0)...] } ?? path[...])
            if open?.parent != parent {
                let source = parent.isEmpty ? folder : folder + "/" + parent
                let target = parent.isEmpty ? root : root + "/" + parent
                guard let old = OpenFolder(source) else { throw OutputError("det forrige output mangler \(parent)") }
                try OpenFolder.make(target)
                guard let new = OpenFolder(target) else {
                    throw OutputError("'\(target)' kan ikke oprettes, fordi \(SystemError.describe(errno))")
                }
                open = (parent, old, new)
            }
            guard let (_, old, new) = open else { continue }
            try old.link(name, into: new)
            linked.append(new.path + "/" + name)
        }
    }
}

/// A failure to write output, with a message for the user.
struct OutputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

enum FileWriting {
    /// Writes bytes with plain POSIX calls: no temporary file, since the whole folder is staged.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBufferPointer { try write($0, to: path) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
        try Appending(path: path).append(bytes)
    }

    /// A file written in pieces, closed when the value goes.
    final class Appending {
        let path: String
        let descriptor: Int32

        init(path: String) throws {
            self.path = path
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputError("'\(path)' kan ikke oprettes, fordi \(SystemError.describe(errno))") }
        }

        deinit { close(descriptor) }

        func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            try FileWriting.append(bytes, to: descriptor, path: path)
        }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { break }
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError("'\(path)' kan ikke skrives, fordi \(SystemError.describe(errno))")
            }
            offset += written
        }
    }
}
