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
        // Bytes, not Foundation's substring search: this runs for every file of a rebuild.
        var partLength = 0   // bytes of the current part
        var dots = 0         // of which dots, while the part is only dots
        for (offset, byte) in path.utf8.enumerated() {
            switch byte {
            case 0, 0x5C: return false                                   // NUL, backslash
            case UInt8(ascii: "~") where offset == 0: return false
            case UInt8(ascii: "/"):
                if partLength == 0 || (partLength == 2 && dots == 2) { return false }   // "", "/…", "a//b", ".."
                partLength = 0
                dots = 0
                continue
            case UInt8(ascii: "."):
                if dots == partLength { dots += 1 }
            default:
                break
            }
            partLength += 1
        }
        return partLength > 0 && !(partLength == 2 && dots == 2)
    }

    /// Whether something is at `path`, following symbolic links (as `FileManager.fileExists`,
    /// without its overhead: a rebuild asks this for every output file).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a folder, following symbolic links.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder, sorted bytewise, so that results never depend on listing order.
    public static func listing(_ path: String) -> [String] {
        OpenFolder(path, followsLink: true)?.sortedNames() ?? []
    }

    public static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// The largest input file pejling reads: far above any real report or measurement,
    /// far below what could exhaust memory.
    public static let maximumInputSize = 16 * 1024 * 1024

    /// Why an input file could not be read.
    public enum ReadFailure: Error, Sendable, Hashable, CustomStringConvertible {
        case missing
        /// A folder, pipe, device or socket: reading it could block or never end.
        case notRegularFile
        case tooLarge(Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: return "filen findes ikke"
            case .notRegularFile: return "ikke en almindelig fil (men en mappe, et rør eller en enhed); pejling læser kun almindelige filer"
            case .tooLarge(let size):
                return "filen er for stor (\(size) bytes; pejling læser højst \(SafePath.maximumInputSize) bytes)"
            case .unreadable(let reason): return "filen kan ikke læses, fordi \(reason)"
            }
        }
    }

    /// Reads a plain file in full, refusing pipes, devices and folders (which could block or
    /// never end) and files over `limit` bytes.
    ///
    /// ```swift
    /// switch SafePath.readRegularFile("content/site.yml") {
    /// case .success(let bytes): print(bytes.count)
    /// case .failure(let failure): print(failure)  // e.g. "file not found"
    /// }
    /// ```
    public static func readRegularFile(_ path: String, limit: Int = maximumInputSize) -> Result<[UInt8], ReadFailure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(SystemError.describe(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(SystemError.describe(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
        let size = Int(status.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreadable(SystemError.describe(errno)))
            }
            if count == 0 { break }  // the file shrank while it was read
            offset += count
        }
        return .success(offset == size ? bytes : Array(bytes[..<offset]))
    }
}

/// Paths as diagnostics show them: relative to the current directory where possible.
public enum DisplayPath {
    /// `base/relative` as ``relative(_:)`` shows it.
    ///
    /// ```swift
    /// DisplayPath.join("./content/", "site.yml")  // "content/site.yml"
    /// ```
    public static func join(_ base: String, _ relative: String) -> String {
        self.relative(base.isEmpty ? relative : base + "/" + relative)
    }

    /// `relative` below `display`, a path already as ``relative(_:)`` shows it, without asking
    /// the environment or the file system again (many files are shown below one folder).
    ///
    /// ```swift
    /// DisplayPath.appending("content", "kommuner//esbjerg/./kommune.yml")  // "content/kommuner/esbjerg/kommune.yml"
    /// ```
    public static func appending(_ display: String, _ relative: String) -> String {
        normalized(display == "." ? relative : display + "/" + relative)
    }

    /// A path as diagnostics show it: without `.` parts and doubled slashes, and, when it
    /// lies below the current directory, relative to it. An absolute path elsewhere stays
    /// absolute (`..` parts are kept: symbolic links make them unsafe to fold away).
    ///
    /// ```swift
    /// // in /home/ana/site:
    /// DisplayPath.relative("/home/ana/site/content/site.yml")  // "content/site.yml"
    /// DisplayPath.relative("./content//kommuner/")             // "content/kommuner"
    /// ```
    public static func relative(_ path: String) -> String {
        let clean = normalized(path)
        guard clean.hasPrefix("/") else { return clean }
        for cwd in currentDirectories() {
            if clean == cwd { return "." }
            let prefix = cwd == "/" ? "/" : cwd + "/"
            if clean.hasPrefix(prefix) { return String(clean.dropFirst(prefix.count)) }
        }
        return clean
    }

    /// `a/./b//c/` → `a/b/c`; `""` and `./` → `.`.
    static func normalized(_ path: String) -> String {
        isNormalized(path) ? path : normalizedBySplitting(path)
    }

    /// ``normalized(_:)`` the long way, part by part.
    static func normalizedBySplitting(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether ``normalized(_:)`` would return `path` as it is: no empty or `.` part, no
    /// slash at the end. Asked first, by bytes: a rebuild shows tens of thousands of kept paths.
    private static func isNormalized(_ path: String) -> Bool {
        var length = 0       // of the current part
        var isDot = false    // the current part is "."
        for (offset, byte) in path.utf8.enumerated() {
            if byte == UInt8(ascii: "/") {
                if offset == 0 { continue }   // an absolute path's root
                if length == 0 || (length == 1 && isDot) { return false }
                length = 0
            } else {
                isDot = length == 0 && byte == UInt8(ascii: ".")
                length += 1
            }
        }
        return length > 0 && !(length == 1 && isDot)
    }

    /// The current directory as the kernel has it, and as the shell named it (`$PWD`, which
    /// may go through a symbolic link) when both are the same folder.
    static func currentDirectories() -> [String] {
        let physical = normalized(FileManager.default.currentDirectoryPath)
        var result = [physical]
        if let logical = ProcessInfo.processInfo.environment["PWD"].map(normalized), logical.hasPrefix("/"),
           logical != physical, SafePath.realPath(logical) == physical {
            result.append(logical)
        }
        return result
    }
}
