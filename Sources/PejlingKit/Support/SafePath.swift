import Foundation

/// File-system questions answered without following a path outside where it belongs.
///
/// ```swift
/// SafePath.isSafeRelative("maalinger/2015.json")  // true
/// SafePath.isSafeRelative("../other/secret.json")  // false
/// ```
public enum SafePath {
    /// The canonical absolute path with every symbolic link resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path`, with links resolved, lies inside `root` (itself resolved).
    public static func isInside(_ path: String, root: String) -> Bool {
        // Fast path: below a root, a relative path without `..` and without any symbolic link
        // on the way cannot leave it; a handful of lstat calls instead of a full realpath.
        if path.hasPrefix(root + "/") {
            let relative = String(path.dropFirst(root.count + 1))
            if isSafeRelative(relative), !hasSymbolicLink(below: root, relative: relative) { return exists(path) }
        }
        guard let resolved = realPath(path), let base = realPath(root) else { return false }
        return resolved == base || resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Whether any component of `relative`, walked down from `root`, is a symbolic link.
    static func hasSymbolicLink(below root: String, relative: String) -> Bool {
        var current = root
        for component in relative.split(separator: "/") {
            current += "/" + component
            var info = stat()
            if lstat(current, &info) != 0 { return false }
            if info.st_mode & S_IFMT == S_IFLNK { return true }
        }
        return false
    }

    /// A relative path with no `..`, no absolute start, no empty or `~` parts and no NUL.
    public static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\0"), !path.contains("\\") else {
            return false
        }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && !$0.isEmpty }
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The names in a folder, sorted bytewise, so that results never depend on listing order.
    public static func listing(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

/// Paths as diagnostics show them: relative to the current directory where possible.
public enum DisplayPath {
    /// `base/relative`, without doubled slashes, and `./` dropped.
    public static func join(_ base: String, _ relative: String) -> String {
        var base = base
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        if base == "." || base.isEmpty { return relative }
        return base + "/" + relative
    }

    /// An absolute path below the current directory shown relative to it; anything else unchanged.
    public static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
