import Foundation
import Testing

/// What `pejling build` does to the output folder: it replaces it whole or not at all.
@Suite("Atomic output, end to end")
struct OutputTests {
    /// A working folder with the corpus's base content and the project's templates.
    static func workFolder(_ label: String) throws -> URL {
        let work = try Scratch.folder(label)
        try Scratch.overlay(CorpusCase.root.appendingPathComponent("_base"), onto: work)
        let templates = work.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Scratch.overlay(Pejling.packageRoot.appendingPathComponent("Templates"), onto: templates)
        return work
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The site title, changed so that every page of the next build differs.
    static func setTitle(_ title: String, in work: URL) throws {
        try write("titel: \(title)\nudgiver: Testudgiveren\n", to: work.appendingPathComponent("content/site.yml"))
    }

    /// Entries beside the output folder that a build leaves only when it is killed.
    static func leftovers(beside work: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? [])
            .filter { $0.contains("pejling-staging") || $0.contains("pejling-old") }
    }

    @Test("a non-empty folder without a manifest is refused, untouched, with the reason")
    func refusesForeignFolder() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.workFolder("refuse")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out")
        try Self.write("mine\n", to: output.appendingPathComponent("notes.txt"))
        try Self.write("<p>hand-made</p>\n", to: output.appendingPathComponent("sub/index.html"))
        let before = Scratch.snapshot(output)

        let run = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.contains("out: error: pejling skriver ikke output her"), "\(run.stderr)")
        #expect(run.stderr.contains("er ikke tom og er ikke skrevet af pejling"), "\(run.stderr)")
        #expect(run.stderr.contains(".pejling-manifest.json"), "\(run.stderr)")
        #expect(Scratch.snapshot(output) == before)
        #expect(Self.leftovers(beside: work).isEmpty)

        // A file where the folder should be, and the current folder itself, are refused too.
        try Self.write("x\n", to: work.appendingPathComponent("file-output"))
        let onFile = try Pejling.run(["build", "--content", "content", "--output", "file-output"], in: work)
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains("findes og er ikke en mappe"), "\(onFile.stderr)")
        let onCurrent = try Pejling.run(["build", "--content", "content", "--output", "."], in: work)
        #expect(onCurrent.status == 1)
        #expect(onCurrent.stderr.contains("skal angive en mappe for sig selv"), "\(onCurrent.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("content/site.yml").path))
    }

    @Test("an empty folder is filled, and pejling's own output is replaced")
    func replacesOwnOutput() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.workFolder("replace")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("out"), withIntermediateDirectories: true)
        let first = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(first.status == 0, "\(first.stderr)")
        try Self.setTitle("Anden udgave", in: work)
        let second = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(second.status == 0, "\(second.stderr)")
        let output = Scratch.snapshot(work.appendingPathComponent("out"))
        #expect(ManifestCheck.verify(output) == nil)
        #expect(output["index.html"].map { String(decoding: $0, as: UTF8.self).contains("Anden udgave") } == true)
        #expect(Self.leftovers(beside: work).isEmpty)
    }

    @Test("a failed build leaves the previous output exactly as it was")
    func failedBuildKeepsOutput() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.workFolder("failed")
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(first.status == 0, "\(first.stderr)")
        let before = Scratch.snapshot(work.appendingPathComponent("out"))
        #expect(!before.isEmpty)

        try Self.setTitle("Ny titel", in: work)
        try Self.write("---\ntitel: Analyse\ndato: 2025-13-01\n---\n", to: work.appendingPathComponent("content/kommuner/beta/analyse.md"))
        let failed = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/kommuner/beta/analyse.md:3:7: error:"), "\(failed.stderr)")
        #expect(Scratch.snapshot(work.appendingPathComponent("out")) == before)
        #expect(Self.leftovers(beside: work).isEmpty)
    }

    @Test("a build after a killed one removes its staging folder, even when nothing changed")
    func cleanupWhenUnchanged() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.workFolder("cleanup")
        defer { try? FileManager.default.removeItem(at: work) }
        try LargeContent.generate(municipalities: 40, in: work.appendingPathComponent("content"))
        let arguments = ["build", "--content", "content", "--output", "out"]
        let first = try Pejling.run(arguments, in: work, timeout: 300)
        #expect(first.status == 0, "\(first.stderr)")
        let before = Scratch.snapshot(work.appendingPathComponent("out"))

        // A build of changed content, killed once its staging folder exists.
        try Self.setTitle("Ændret", in: work)
        let process = try Pejling.start(arguments, in: work, outputTo: work.appendingPathComponent("killed"))
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Self.leftovers(beside: work).isEmpty, Date() < deadline { usleep(200) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(Scratch.snapshot(work.appendingPathComponent("out")) == before)

        // Back to the content of the output: the next build has nothing to render, and cleans up.
        try Self.write(String(decoding: try Data(contentsOf: CorpusCase.root.appendingPathComponent("_base/content/site.yml")),
                              as: UTF8.self), to: work.appendingPathComponent("content/site.yml"))
        let next = try Pejling.run(arguments, in: work, timeout: 300)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Scratch.snapshot(work.appendingPathComponent("out")) == before)
        #expect(Self.leftovers(beside: work).isEmpty, "\(Self.leftovers(beside: work))")
    }

    /// When a round kills its build.
    enum Moment: CustomStringConvertible {
        /// After this many seconds.
        case after(TimeInterval)
        /// As soon as the staging folder holds its manifest: just before (or just after) the swap.
        case manifestStaged
        /// As soon as the new output is in place, while the old one is being removed.
        case newOutputInPlace

        var description: String {
            switch self {
            case .after(let seconds): "after \(Int(seconds * 1000)) ms"
            case .manifestStaged: "when the manifest is staged"
            case .newOutputInPlace: "when the new output is in place"
            }
        }
    }

    @Test("a build killed at any moment leaves the old output or the complete new one, never a mix")
    func killedBuildNeverMixes() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.workFolder("kill")
        defer { try? FileManager.default.removeItem(at: work) }
        try LargeContent.generate(municipalities: 150, in: work.appendingPathComponent("content"))
        let arguments = ["build", "--content", "content", "--output", "out"]
        let output = work.appendingPathComponent("out")

        let started = Date()
        let first = try Pejling.run(arguments, in: work, timeout: 300)
        let duration = Date().timeIntervalSince(started)
        #expect(first.status == 0, "\(first.stderr)")
        var current = Scratch.snapshot(output)
        #expect(current.count > 600)

        let moments: [Moment] = [.after(0.1 * duration), .after(0.5 * duration), .after(0.9 * duration),
                                 .manifestStaged, .newOutputInPlace]
        var outcomes: [String] = []
        for (round, moment) in moments.enumerated() {
            let title = "Udgave \(round)"
            try Self.setTitle(title, in: work)
            let process = try Pejling.start(arguments, in: work, outputTo: work.appendingPathComponent("kill-\(round)"))
            Self.wait(for: moment, process: process, work: work, title: title)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = Scratch.snapshot(output)
            if after == current {
                outcomes.append("old")
                if case .newOutputInPlace = moment {
                    Issue.record("round \(round) (\(moment)): the new output was seen in place, and then the old one")
                }
            } else if let problem = ManifestCheck.verify(after) {
                Issue.record("round \(round) (\(moment)): the output is neither the old one nor a complete new one: \(problem)")
            } else if after["index.html"].map({ String(decoding: $0, as: UTF8.self).contains(title) }) != true {
                Issue.record("round \(round) (\(moment)): a complete output, but not the new one")
            } else {
                outcomes.append(process.terminationReason == .uncaughtSignal ? "new" : "finished")
            }
            current = after
        }
        // The early kills land while the build writes (else the test would prove little).
        #expect(outcomes.first == "old", "\(outcomes)")

        // The next build removes what the killed ones left beside the output.
        try Self.setTitle("Sidste udgave", in: work)
        let last = try Pejling.run(arguments, in: work, timeout: 300)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(ManifestCheck.verify(Scratch.snapshot(output)) == nil)
        #expect(Self.leftovers(beside: work).isEmpty, "\(Self.leftovers(beside: work))")
    }

    /// Returns at `moment`, or when the process has ended.
    static func wait(for moment: Moment, process: Process, work: URL, title: String) {
        let deadline = Date().addingTimeInterval(300)
        if case .after(let seconds) = moment {
            usleep(useconds_t(max(0.005, seconds) * 1_000_000))
            return
        }
        let index = work.appendingPathComponent("out/index.html")
        while process.isRunning, Date() < deadline {
            switch moment {
            case .manifestStaged:
                let staged = leftovers(beside: work).contains { name in
                    FileManager.default.fileExists(atPath: work.appendingPathComponent(name)
                        .appendingPathComponent(ManifestCheck.name).path)
                }
                if staged { return }
            case .newOutputInPlace:
                if let data = FileManager.default.contents(atPath: index.path),
                   String(decoding: data, as: UTF8.self).contains(title) { return }
            case .after:
                return
            }
            usleep(200)
        }
    }
}

/// Checks an output folder against the manifest it carries.
enum ManifestCheck {
    static let name = ".pejling-manifest.json"

    /// Nil when every file the manifest lists is there with the bytes it hashed, and there
    /// is no other file; otherwise what is wrong.
    static func verify(_ files: [String: Data]) -> String? {
        guard let data = files[name],
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "no readable manifest" }
        // Version 2: site-wide files under "shared", each municipality's under "municipalities".
        var listed = object["shared"] as? [String: String] ?? [:]
        for entry in (object["municipalities"] as? [String: Any] ?? [:]).values {
            listed.merge((entry as? [String: Any])?["files"] as? [String: String] ?? [:]) { first, _ in first }
        }
        listed.merge(object["files"] as? [String: String] ?? [:]) { first, _ in first }  // version 1
        guard !listed.isEmpty else { return "a manifest that lists no file" }
        let present = Set(files.keys).subtracting([name])
        if present != Set(listed.keys) {
            let missing = Set(listed.keys).subtracting(present).sorted().prefix(3)
            let extra = present.subtracting(listed.keys).sorted().prefix(3)
            return "files differ from the manifest: missing \(Array(missing)), extra \(Array(extra))"
        }
        for (path, hash) in listed where murmur64(files[path] ?? Data()) != hash {
            return "\(path) does not match its hash in the manifest"
        }
        return nil
    }

    /// MurmurHash64A written out byte by byte, apart from pejling's word-wise version, so that
    /// the two check each other; in 16 hex digits, as the manifest writes it.
    static func murmur64(_ data: Data) -> String {
        let m: UInt64 = 0xc6a4_a793_5bd1_e995
        let bytes = [UInt8](data)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(bytes.count) &* m)
        var index = 0
        while index + 8 <= bytes.count {
            var k: UInt64 = 0
            for offset in 0..<8 { k |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            k = k &* m
            k ^= k >> 47
            k = k &* m
            hash = (hash ^ k) &* m
            index += 8
        }
        if index < bytes.count {
            var k: UInt64 = 0
            for offset in 0..<(bytes.count - index) { k |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            hash = (hash ^ k) &* m
        }
        hash ^= hash >> 47
        hash = hash &* m
        hash ^= hash >> 47
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A content folder with many (fictional) municipalities, for builds that take a while.
enum LargeContent {
    static func generate(municipalities count: Int, in content: URL) throws {
        let alfa = content.appendingPathComponent("kommuner/alfa")
        let names = ["analyse.md", "status.md", "maalinger/2024-sagsgennemgang.json", "maalinger/2026-statusmaaling.json"]
        let files = try names.map { ($0, try Data(contentsOf: alfa.appendingPathComponent($0))) }
        for index in 1...count {
            let folder = content.appendingPathComponent("kommuner/test-\(index)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("maalinger"),
                                                    withIntermediateDirectories: true)
            for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
            try Data("navn: Testkommune \(index)\neksempel: true\n".utf8)
                .write(to: folder.appendingPathComponent("kommune.yml"))
        }
    }
}
