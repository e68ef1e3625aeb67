import Foundation

/// Notices saved changes in the content and templates folders by looking at every file's
/// modification time, size and inode: cheap enough to do several times a second, and it works
/// on every file system and with every editor (also those that save by writing a new file and
/// renaming it).
///
/// ```swift
/// let watcher = FolderWatcher(content: "content", templates: "Templates")
/// let before = watcher.scan()
/// // … a file is saved …
/// let changes = watcher.changes(from: before, to: watcher.scan())
/// changes.municipalities   // ["esbjerg"], or nil when something else changed
/// ```
public struct FolderWatcher: Sendable {
    /// Which of the two folders a file is in.
    public enum Root: Int, Sendable, Hashable, Comparable {
        case content, templates
        public static func < (lhs: Root, rhs: Root) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A file, by its folder and its path inside it.
    public struct FileKey: Sendable, Hashable, Comparable {
        public var root: Root
        public var relative: String
        public static func < (lhs: FileKey, rhs: FileKey) -> Bool {
            (lhs.root, lhs.relative) < (rhs.root, rhs.relative)
        }
    }

    /// What a file looked like.
    public struct Stamp: Sendable, Hashable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    /// Every watched file and its stamp.
    public typealias Scan = [FileKey: Stamp]

    /// What changed between two scans.
    public struct Changes: Sendable, Hashable {
        /// The files added, changed or removed.
        public var files: [FileKey]
        /// The municipality folders (slugs) that every change lies in; nil when a change lies
        /// outside them (site.yml, kriterier.yml, templates), which affects every page.
        public var municipalities: Set<String>?
        public var isEmpty: Bool { files.isEmpty }
    }

    public let content: String
    public let templates: String

    public init(content: String, templates: String) {
        self.content = content
        self.templates = templates
    }

    public func scan() -> Scan {
        var scan: Scan = [:]
        walk(content, root: .content, relative: "", into: &scan)
        walk(templates, root: .templates, relative: "", into: &scan)
        return scan
    }

    /// `scan` with the files below the given municipality folders (`kommuner/<slug>/`) looked
    /// at again and the rest kept: what a change in one folder costs on a large site, instead
    /// of a walk through every folder. Folders reached through a symbolic link are not
    /// walked, as in ``scan()``.
    public func rescan(_ scan: Scan, municipalities slugs: Set<String>) -> Scan {
        var result = scan
        let prefixes = slugs.map { "kommuner/\($0)/" }
        for key in scan.keys where key.root == .content && prefixes.contains(where: { key.relative.hasPrefix($0) }) {
            result[key] = nil
        }
        func isFolder(_ relative: String) -> Bool {
            var info = stat()
            return lstat(content + "/" + relative, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        guard isFolder("kommuner") else { return result }
        for slug in slugs where !Self.isIgnored(slug) && isFolder("kommuner/" + slug) {
            walk(content, root: .content, relative: "kommuner/" + slug, into: &result)
        }
        return result
    }

    public func changes(from old: Scan, to new: Scan) -> Changes {
        var files: [FileKey] = []
        for (key, stamp) in new where old[key] != stamp { files.append(key) }
        for key in old.keys where new[key] == nil { files.append(key) }
        files.sort()
        var slugs: Set<String>? = []
        for key in files {
            if let slug = Self.municipality(of: key) { slugs?.insert(slug) } else { slugs = nil }
        }
        return Changes(files: files, municipalities: slugs)
    }

    /// The municipality whose folder a file is in (`kommuner/<slug>/…` in the content folder);
    /// nil for any other file, which may affect every page.
    static func municipality(of key: FileKey) -> String? {
        let parts = key.relative.split(separator: "/", maxSplits: 2)
        guard key.root == .content, parts.count >= 3, parts[0] == "kommuner" else { return nil }
        return String(parts[1])
    }

    /// Names that editors write beside a file while saving it, or that a build never reads.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || name == "4913" || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
    }

    private func walk(_ folder: String, root: Root, relative: String, into scan: inout Scan) {
        let path = relative.isEmpty ? folder : folder + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !Self.isIgnored(name) {
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(folder + "/" + child, &info) == 0 else { continue }
            var isLink = false
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link is followed for its stamp, never walked into (no loops).
                isLink = true
                guard stat(folder + "/" + child, &info) == 0 else { continue }
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if !isLink { walk(folder, root: root, relative: child, into: &scan) }
                continue
            }
            scan[FileKey(root: root, relative: child)] = Self.stamp(info)
        }
    }

    private static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size),
                     inode: UInt64(info.st_ino))
    }
}
