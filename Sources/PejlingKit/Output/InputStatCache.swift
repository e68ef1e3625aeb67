import Foundation

/// What the previous build saw of each input file — its size, times and inode, and a hash of
/// its bytes — so that a rebuild hashes only the files whose `lstat` changed, as git's index
/// does. With nothing changed, a rebuild of 10,000 municipalities reads no input file at all.
///
/// The cache is the machine's memory of its own files, not part of the output: it holds
/// times and inode numbers, which differ from machine to machine, so it lies beside the
/// output folder (`.<output>.pejling-stat`), never in it, and the output and its manifest
/// stay byte-identical wherever they are built. A missing, damaged or foreign cache only
/// means that every file is hashed again.
///
/// A file changed within the timestamps' granularity of when it was hashed could keep its
/// times and size (git's "racy clean" files): the cache is written right after the scan, and
/// entries modified less than ``racyMargin`` before the scan began (by the cache file's own
/// time, the file system's clock) are not trusted, and are hashed again.
///
/// ```swift
/// let cache = InputStatCache.load(from: ".output.pejling-stat")
/// var seen = InputStatCache()
/// let hash = cache.contentHash(of: "content/site.yml", recordingInto: &seen)
/// ```
struct InputStatCache: Sendable, Equatable {
    /// What `lstat` says of a file; a change in any of these means that the file may have changed.
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
        var device: UInt64

        init(_ info: stat) {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
        }

        init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
            self.device = device
        }
    }

    struct Entry: Hashable, Sendable {
        var stamp: Stamp
        var hash: UInt64
    }

    /// Files modified less than this before their scan began are hashed again (2 s, in ns).
    static let racyMargin: Int64 = 2_000_000_000
    static let header = "pejling-stat 1"

    /// How long the scan that filled this cache took, in ns (written into the file's first line).
    var scanDuration: Int64 = 0

    /// Whether an entry was read again because it was changed too close to its scan: the cache
    /// is then written again, so that the entry is trusted next time.
    private(set) var readRacyEntry = false

    /// The same files with the same stamps and hashes (then the file need not be written again).
    static func == (lhs: InputStatCache, rhs: InputStatCache) -> Bool { lhs.entries == rhs.entries }

    /// Whether this cache, as a scan saw the files, must replace `previous` on disk.
    func differs(from previous: InputStatCache) -> Bool { readRacyEntry || self != previous }

    /// By absolute path.
    private(set) var entries: [String: Entry] = [:]
    /// Entries modified at or after this time (ns) are not trusted.
    private var trustedBefore: Int64 = .min

    init() {}

    /// The hash of the bytes of the regular file at `path`, whose `lstat` is `info`: from the
    /// cache when the file's stamp is the one recorded, else read and hashed. Either way the
    /// entry is recorded in `seen`, which becomes the next build's cache. Nil when the file
    /// cannot be read (the caller hashes that fact instead).
    func contentHash(of path: String, info: stat, recordingInto seen: inout InputStatCache) -> UInt64? {
        let stamp = Stamp(info)
        if let entry = entries[path], entry.stamp == stamp {
            if stamp.modified < trustedBefore {
                seen.entries[path] = entry
                return entry.hash
            }
            seen.readRacyEntry = true
        }
        guard case .success(let bytes) = SafePath.readRegularFile(path) else { return nil }
        let hash = StableHash.hash(bytes)
        seen.entries[path] = Entry(stamp: stamp, hash: hash)
        return hash
    }

    /// Adds `other`'s entries (each thread records the files of its own folders).
    mutating func merge(_ other: InputStatCache) {
        entries.merge(other.entries) { _, new in new }
        readRacyEntry = readRacyEntry || other.readRacyEntry
    }

    // MARK: The file

    /// Reads the cache written by ``write(to:)``; an empty cache when it is missing or damaged.
    static func load(from path: String) -> InputStatCache {
        var cache = InputStatCache()
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              case .success(let bytes) = SafePath.readRegularFile(path) else { return cache }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first else { return cache }
        let heading = String(decoding: first, as: UTF8.self).split(separator: " ")
        guard heading.count == 3, heading[0...1].joined(separator: " ") == header,
              let duration = Int64(heading[2]), duration >= 0 else { return cache }
        // The cache file's own modification time is the file system's clock when it was
        // written, right after its scan: the scan began `duration` before.
        cache.trustedBefore = Stamp(info).modified - duration - racyMargin
        cache.entries.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            // size mtime ctime inode device hash path — the path last, as it may hold spaces.
            // Read by bytes: at 10,000 municipalities the file has 50,000 lines.
            var rest = line[...]
            func number(radix: UInt64 = 10) -> UInt64? {
                guard let space = rest.firstIndex(of: UInt8(ascii: " ")), space > rest.startIndex, space - rest.startIndex <= 20 else { return nil }
                var value: UInt64 = 0
                for byte in rest[..<space] {
                    let digit: UInt64
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
                    default: return nil
                    }
                    let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
                    guard !overflow else { return nil }
                    value = shifted &+ digit
                    guard value >= shifted else { return nil }
                }
                rest = rest[(space + 1)...]
                return value
            }
            guard let sizeValue = number(), let modifiedValue = number(), let changedValue = number(), let inode = number(),
                  let device = number(), let hash = number(radix: 16), !rest.isEmpty,
                  let size = Int64(exactly: sizeValue), let modified = Int64(exactly: modifiedValue),
                  let changed = Int64(exactly: changedValue) else {
                return InputStatCache()
            }
            let stamp = Stamp(size: size, modified: modified, changed: changed, inode: inode, device: device)
            cache.entries[String(decoding: rest, as: UTF8.self)] = Entry(stamp: stamp, hash: hash)
        }
        return cache
    }

    /// Writes the cache through a temporary file and a rename, so that a reader never sees half
    /// of it. Failing to write it only makes the next build hash every file: nothing is reported.
    func write(to path: String) {
        var text = UTF8Buffer(capacity: entries.count * 160)
        text.append(Self.header + " \(max(0, scanDuration))\n")
        for (file, entry) in entries where !file.utf8.contains(UInt8(ascii: "\n")) {
            let stamp = entry.stamp
            // Times and sizes are never negative on a file that was read: written as digits.
            for value in [UInt64(clamping: stamp.size), UInt64(clamping: stamp.modified), UInt64(clamping: stamp.changed),
                          stamp.inode, stamp.device] {
                text.append(digits: UInt(value))
                text.append(" ")
            }
            text.append(hex: entry.hash)
            text.append(" ")
            text.append(file)
            text.append("\n")
        }
        let temporary = path + ".\(getpid())"
        do {
            try text.bytes.withUnsafeBufferPointer { try FileWriting.write($0, to: temporary) }
            if rename(temporary, path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }
}
