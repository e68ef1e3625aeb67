import Foundation
import Testing
@testable import PejlingKit

/// The rebuild's memory of its input files (``InputStatCache``): a file is read again exactly
/// when its `lstat` changed or it was changed too close to its scan to be trusted.
@Suite("Input stat cache")
struct InputStatCacheTests {
    func lstatOf(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    /// Sets a file's modification time `seconds` from now (its change time becomes now).
    func setModified(_ path: String, secondsFromNow seconds: Int) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var times = [timespec(tv_sec: now.tv_sec + seconds, tv_nsec: 0), timespec(tv_sec: now.tv_sec + seconds, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// A cache file that says `file` has `hash`, with the file's current stamp.
    func writeCache(_ cachePath: String, claiming hash: UInt64, for file: String) throws {
        var cache = InputStatCache()
        var seen = InputStatCache()
        _ = cache.contentHash(of: file, info: lstatOf(file), recordingInto: &seen)
        cache = seen
        let stamp = cache.entries[file]?.stamp
        var text = "\(InputStatCache.header) 0\n"
        if let stamp {
            text += "\(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode) \(stamp.device) \(String(hash, radix: 16)) \(file)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: cachePath))
    }

    @Test("an unchanged file's hash comes from the cache, without reading it")
    func trustedEntryIsUsed() throws {
        let root = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/analyse.md"
        try Data("# Analyse\n".utf8).write(to: URL(fileURLWithPath: file))
        setModified(file, secondsFromNow: -60)
        let cachePath = root + "/cache"
        // The cache claims a hash the bytes do not have: only a cache that is used returns it.
        try writeCache(cachePath, claiming: 0x1234, for: file)
        let cache = InputStatCache.load(from: cachePath)
        var seen = InputStatCache()
        #expect(cache.contentHash(of: file, info: lstatOf(file), recordingInto: &seen) == 0x1234)
        #expect(seen.entries[file]?.hash == 0x1234, "the entry carries over to the next cache")
    }

    @Test("a file changed within the racy margin of its scan is read again")
    func racyEntryIsHashedAgain() throws {
        let root = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/analyse.md"
        try Data("# Analyse\n".utf8).write(to: URL(fileURLWithPath: file))
        let cachePath = root + "/cache"
        try writeCache(cachePath, claiming: 0x1234, for: file)  // the file is seconds old, as the cache is
        let cache = InputStatCache.load(from: cachePath)
        var seen = InputStatCache()
        #expect(cache.contentHash(of: file, info: lstatOf(file), recordingInto: &seen) == StableHash.hash(Array("# Analyse\n".utf8)))
    }

    @Test("same size and the old modification time, new bytes: the change time gives it away")
    func sameSizeAndTimeIsStillSeen() throws {
        let root = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/analyse.md"
        try Data("Andel: 35 %\n".utf8).write(to: URL(fileURLWithPath: file))
        setModified(file, secondsFromNow: -60)
        let cachePath = root + "/cache"
        try writeCache(cachePath, claiming: StableHash.hash(Array("Andel: 35 %\n".utf8)), for: file)
        let before = lstatOf(file)
        // Rewritten in place with as many bytes, and the modification time put back.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.write(Data("Andel: 53 %\n".utf8))
        handle.closeFile()
        var times = [before.st_mtim, before.st_mtim]
        _ = utimensat(AT_FDCWD, file, &times, 0)
        let cache = InputStatCache.load(from: cachePath)
        var seen = InputStatCache()
        #expect(cache.contentHash(of: file, info: lstatOf(file), recordingInto: &seen) == StableHash.hash(Array("Andel: 53 %\n".utf8)))
    }

    @Test("a rebuild that finds every file as the cache recorded it leaves the cache file alone")
    func unchangedCacheIsNotRewritten() throws {
        let (folder, options) = try SiteFixture.workspace()
        let root = folder.path
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Every input a minute old: none is within the racy margin of the scans below.
        for name in ["content", "Templates"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + name)
            while let path = enumerator?.nextObject() as? String { setModified(root + "/\(name)/" + path, secondsFromNow: -60) }
        }
        #expect(!SiteBuilder(options: options).build().failed)
        let written = lstatOf(root + "/.output.pejling-stat")
        #expect(SiteBuilder(options: options).build().unchanged)
        let after = lstatOf(root + "/.output.pejling-stat")
        #expect(after.st_ino == written.st_ino && after.st_mtim.tv_nsec == written.st_mtim.tv_nsec, "not written again")
    }

    @Test("what is written reads back the same: paths with spaces and æ, hashes with leading zeros")
    func roundTrip() throws {
        let root = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var seen = InputStatCache()
        for name in ["a b.md", "æøå.json", "x"] {
            let path = root + "/" + name
            try Data(name.utf8).write(to: URL(fileURLWithPath: path))
            _ = InputStatCache().contentHash(of: path, info: lstatOf(path), recordingInto: &seen)
        }
        #expect(seen.entries.count == 3)
        seen.write(to: root + "/cache")
        let loaded = InputStatCache.load(from: root + "/cache")
        #expect(loaded.entries == seen.entries)
        var buffer = UTF8Buffer()
        for value: UInt64 in [0, 0xF, 0x10, 0x0abc, .max] {
            buffer.append(hex: value)
            buffer.append(" ")
        }
        #expect(buffer.string == "0 f 10 abc ffffffffffffffff ")
    }

    @Test("a damaged or foreign cache file is an empty cache", arguments: ["", "pejling-stat 1\n", "noget andet\n1 2 3\n",
                                                                          "pejling-stat 1 0\n12 x 3 4 5 ff /a\n",
                                                                          "pejling-stat 1 0\n99999999999999999999 2 3 4 5 ff /a\n",
                                                                          "pejling-stat 1 0\n1 2 3 4 5 ff\n",
                                                                          "pejling-stat 1 0\n1 2 3 4 5 fg /a\n",
                                                                          "pejling-stat 1 0\n1  2 3 4 5 ff /a\n"])
    func damagedCacheIsEmpty(text: String) throws {
        let root = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/cache"))
        #expect(InputStatCache.load(from: root + "/cache").entries.isEmpty)
    }

    @Test("a build keeps the cache beside the output, not in it, and a rebuild with a same-size edit sees the edit")
    func buildUsesTheCache() throws {
        let (folder, options) = try SiteFixture.workspace()
        let root = folder.path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let slug = try #require(SafePath.listing(root + "/content/kommuner").first { !$0.hasPrefix(".") })
        let report = root + "/content/kommuner/\(slug)/analyse.md"
        setModified(report, secondsFromNow: -60)
        #expect(!SiteBuilder(options: options).build().failed)
        #expect(SafePath.exists(root + "/.output.pejling-stat"))
        #expect(!SafePath.exists(root + "/output/.output.pejling-stat") && !SafePath.listing(root + "/output").contains { $0.contains("stat") })

        // One letter swapped for another: same size; the modification time put back.
        let before = lstatOf(report)
        var text = try String(contentsOfFile: report, encoding: .utf8)
        let index = try #require(text.firstIndex(of: "a"))
        text.replaceSubrange(index...index, with: "e")
        try Data(text.utf8).write(to: URL(fileURLWithPath: report))
        var times = [before.st_mtim, before.st_mtim]
        _ = utimensat(AT_FDCWD, report, &times, 0)
        let rebuild = SiteBuilder(options: options).build()
        #expect(!rebuild.unchanged, "the edit is seen")
        #expect(rebuild.reusedCount > 0)
        #expect(SiteBuilder(options: options).build().unchanged)
    }
}
