import Foundation

#if os(Linux)
import Glibc
#endif

/// Wakes the rebuilder the moment something is saved below the watched folders (Linux
/// inotify), and says where: which municipality folders, or somewhere else. The
/// ``FolderWatcher`` scan stays the judge of what changed; this only says when to look and
/// where, so that a large site is not walked several times a second. Where inotify is not
/// available (another system, too many folders for the kernel's limit), ``make(folders:)``
/// gives nil and the rebuilder polls as before.
///
/// ```swift
/// if let signal = ChangeSignal.make(content: "content", templates: "Templates") {
///     let touched = signal.wait(timeout: .seconds(2))   // nil: nothing; otherwise where
/// }
/// ```
final class ChangeSignal: @unchecked Sendable {
    /// Where events arrived since the last look.
    struct Touched: Sendable, Hashable {
        /// The municipality folders (slugs) touched; nil when something outside them was.
        var municipalities: Set<String>?

        mutating func merge(_ other: Touched) {
            guard let mine = municipalities, let theirs = other.municipalities else {
                municipalities = nil
                return
            }
            municipalities = mine.union(theirs)
        }
    }

    #if os(Linux)
    private let descriptor: Int32
    private let lock = NSLock()
    /// Watch descriptor → the folder, as the watcher's root and the path inside it.
    private var folders: [Int32: (root: FolderWatcher.Root, relative: String)] = [:]
    private let roots: [FolderWatcher.Root: String]

    /// What inotify reports: writes, creations, deletions, renames, attribute changes.
    private static let mask: UInt32 = 0x0000_0002 | 0x0000_0004 | 0x0000_0008 | 0x0000_0040 | 0x0000_0080
        | 0x0000_0100 | 0x0000_0200 | 0x0000_0400 | 0x0000_0800
    private static let isDirectoryFlag: UInt32 = 0x4000_0000
    private static let overflowFlag: UInt32 = 0x0000_4000

    private init(descriptor: Int32, roots: [FolderWatcher.Root: String]) {
        self.descriptor = descriptor
        self.roots = roots
    }

    deinit { close(descriptor) }
    #endif

    /// A signal watching every folder below `content` and `templates`, or nil where inotify
    /// cannot watch them all.
    static func make(content: String, templates: String) -> ChangeSignal? {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let signal = ChangeSignal(descriptor: descriptor, roots: [.content: content, .templates: templates])
        for root in [FolderWatcher.Root.content, .templates] {
            guard signal.watchTree(root: root, relative: "") else { return nil }
        }
        return signal
        #else
        return nil
        #endif
    }

    /// Waits up to `timeout` for a first event, then until none has come for `quiet` (a burst
    /// of saves), at most `limit` in all. Nil when nothing happened.
    func wait(timeout: Duration, quiet: Duration, limit: Duration) -> Touched? {
        #if os(Linux)
        guard poll(milliseconds(timeout)) else { return nil }
        var touched = drain()
        let clock = ContinuousClock()
        let started = clock.now
        while clock.now - started < limit, poll(milliseconds(quiet)) {
            touched.merge(drain())
        }
        return touched
        #else
        return nil
        #endif
    }

    #if os(Linux)
    private func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// Whether an event is waiting, after at most `timeout` milliseconds.
    private func poll(_ timeout: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&entry, 1, timeout) > 0 && entry.revents & Int16(POLLIN) != 0
    }

    /// Reads every waiting event; watches folders created meanwhile.
    private func drain() -> Touched {
        var touched = Touched(municipalities: [])
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                lock.lock()
                let folder = folders[watch]
                lock.unlock()
                guard mask & Self.overflowFlag == 0, let folder else {
                    touched.municipalities = nil  // events were lost, or from an unknown folder
                    continue
                }
                let relative = name.isEmpty ? folder.relative : (folder.relative.isEmpty ? name : folder.relative + "/" + name)
                if mask & Self.isDirectoryFlag != 0 { _ = watchTree(root: folder.root, relative: relative) }
                let slug = FolderWatcher.municipality(of: FolderWatcher.FileKey(root: folder.root, relative: relative))
                touched.merge(Touched(municipalities: slug.map { [$0] }))
            }
        }
        return touched
    }

    /// Watches a folder and every folder below it (not through symbolic links); false when
    /// the kernel refuses a watch (its limit), so that the caller falls back to polling.
    private func watchTree(root: FolderWatcher.Root, relative: String) -> Bool {
        guard let base = roots[root] else { return false }
        let path = relative.isEmpty ? base : base + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return errno == ENOENT || errno == ENOTDIR }  // gone already: fine
        lock.lock()
        folders[watch] = (root, relative)
        lock.unlock()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
        for name in names where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            guard watchTree(root: root, relative: relative.isEmpty ? name : relative + "/" + name) else { return false }
        }
        return true
    }
    #endif
}
