import Foundation
import Testing
@testable import PejlingKit

/// The same input gives byte-identical output whatever `--jobs`, the clock, the time zone,
/// the locale or the order in which the file system lists folders.
@Suite struct DeterminismTests {
    /// In memory: two copies of the demo content whose folders and files were made in
    /// opposite orders, rendered with 1 and with 4 threads.
    @Test func sameBytesWhateverJobsAndListingOrder() throws {
        let forward = try SiteFixture.copyTree(SiteFixture.demoContent, reversed: false)
        let backward = try SiteFixture.copyTree(SiteFixture.demoContent, reversed: true)
        defer {
            SiteFixture.remove((forward as NSString).deletingLastPathComponent)
            SiteFixture.remove((backward as NSString).deletingLastPathComponent)
        }
        let one = SiteFixture.render(content: forward, jobs: 1, drafts: true)
        let four = SiteFixture.render(content: backward, jobs: 4, drafts: true)
        #expect(!one.result.failed && !four.result.failed)
        #expect(one.files.count > 10)
        #expect(one.files.keys.sorted() == four.files.keys.sorted())
        for (path, bytes) in one.files {
            #expect(four.files[path] == bytes, "\(path) differs between --jobs 1 and --jobs 4")
        }
        // And the same again with the same options: nothing depends on thread timing.
        let again = SiteFixture.render(content: backward, jobs: 4, drafts: true)
        #expect(again.files == four.files)
    }

    /// End to end: the `pejling` binary, run three times into three output folders with
    /// different `--jobs`, `TZ`, `LC_ALL`/`LANG` and listing order (the content folder is made
    /// again at the same path, in the opposite order); the second time a copy of the binary in
    /// another folder (another path, another modification time), the third time under
    /// libfaketime (`make deps` installs it) with the clock and file times set years ahead.
    /// Every file, the manifest included, must have the same bytes.
    @Test func binaryWritesTheSameBytesUnderDifferentEnvironments() throws {
        let binary = PejlingBinary.executable.path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw PejlingBinary.BinaryMissing(path: binary) }
        let scratch = try SiteFixture.temporaryFolder()
        defer { SiteFixture.remove(scratch) }
        let content = scratch + "/content"
        let faketime = ["/usr/bin/faketime", "/usr/local/bin/faketime"].first { FileManager.default.isExecutableFile(atPath: $0) }
        func build(_ program: String, into output: String, jobs: Int, environment: [String: String], faked: Bool = false) throws -> Int32 {
            var command = [program, "build", "--content", content, "--templates", SiteFixture.templates,
                           "--output", scratch + "/" + output, "--jobs", String(jobs), "--drafts"]
            if faked, let faketime { command = [faketime, "-f", "@2041-12-31 23:59:30"] + command }
            return try Self.run(command[0], Array(command.dropFirst()), environment: environment)
        }

        try SiteFixture.copy(SiteFixture.demoContent, to: content, reversed: false)
        let first = try build(binary, into: "a", jobs: 1, environment: ["TZ": "UTC", "LC_ALL": "C", "LANG": "C"])

        SiteFixture.remove(content)
        try SiteFixture.copy(SiteFixture.demoContent, to: content, reversed: true)
        let copied = scratch + "/elsewhere/pejling"
        try FileManager.default.createDirectory(atPath: scratch + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: copied)
        let second = try build(copied, into: "b", jobs: 4,
                               environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "da_DK.UTF-8", "LANG": "da_DK.UTF-8"])
        let third = try build(binary, into: "c", jobs: 2, environment: ["TZ": "America/St_Johns"], faked: true)
        #expect(first == 0 && second == 0 && third == 0)

        let a = try Self.tree(scratch + "/a")
        #expect(a.count > 10)
        #expect(a.keys.contains(".pejling-manifest.json"))
        for other in ["b", "c"] {
            let b = try Self.tree(scratch + "/" + other)
            #expect(a.keys.sorted() == b.keys.sorted())
            for (path, bytes) in a {
                #expect(b[path] == bytes, "\(path) differs between the builds a and \(other)")
            }
        }
    }

    /// Runs a program with extra environment variables and returns its exit status.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every file below `root`, by relative path.
    static func tree(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: root) else { return files }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
            }
        }
        return files
    }
}
