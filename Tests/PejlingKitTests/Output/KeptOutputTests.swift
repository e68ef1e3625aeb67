import Foundation
import Testing
@testable import PejlingKit

/// The output a swap replaced is kept beside the output, and the next build stages in it,
/// touching only what changed (OutputFolder.keptPath, DirectorySink's `holds`).
@Suite("Building in the kept output", .serialized)
struct KeptOutputTests {
    func snapshot(_ output: String) -> [String: Data] { SiteFixture.snapshot(output) }

    func append(_ text: String, toReportOf slug: String, _ options: BuildOptions) throws {
        let report = options.contentDirectory + "/kommuner/\(slug)/analyse.md"
        try (String(contentsOfFile: report, encoding: .utf8) + text).write(toFile: report, atomically: true, encoding: .utf8)
    }

    @Test("changes over several rebuilds give what a full build gives, strays in the kept output go, and the live output is never written through a link")
    func rebuildsInTheKeptOutput() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(path: options.outputDirectory)
        let slugs = try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner")
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(slugs.count >= 3)
        #expect(!SiteBuilder(options: options).build().failed)
        #expect(!FileManager.default.fileExists(atPath: output.keptPath), "a first build keeps nothing")

        try append("\nFørste ændring.\n", toReportOf: slugs[0], options)
        #expect(!SiteBuilder(options: options).build().failed)
        #expect(FileManager.default.fileExists(atPath: output.keptPath + "/" + OutputFolder.manifestName), "the replaced output is kept")
        #expect(FileManager.default.fileExists(atPath: output.keptPath + "/" + OutputFolder.keptNote))

        // Things the next build must not carry over from the kept output.
        try Data("x".utf8).write(to: URL(fileURLWithPath: output.keptPath + "/\(slugs[2])/fremmed.txt"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: output.keptPath + "/fremmed.txt"))
        try FileManager.default.createDirectory(atPath: output.keptPath + "/gammel-kommune", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: output.keptPath + "/assets/gammel.css"))

        // The live output, byte for byte, before the build that stages in the kept one.
        let live = snapshot(options.outputDirectory)
        try append("\nAnden ændring.\n", toReportOf: slugs[1], options)
        let third = SiteBuilder(options: options).build()
        #expect(!third.failed)
        #expect(third.reusedCount == slugs.count - 1)
        var kept = snapshot(output.keptPath)
        kept[OutputFolder.keptNote] = nil
        #expect(kept == live, "the output it replaced is kept exactly as it was")

        var fresh = options
        fresh.outputDirectory = folder.appendingPathComponent("fresh").path
        #expect(!SiteBuilder(options: fresh).build().failed)
        let built = snapshot(options.outputDirectory)
        #expect(built == snapshot(fresh.outputDirectory), "the same files as a full build")
        #expect(built.keys.contains("\(slugs[1])/index.html"))
        let page = try String(contentsOfFile: options.outputDirectory + "/\(slugs[1])/index.html", encoding: .utf8)
        #expect(page.contains("Anden ændring."))
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory + "/gammel-kommune"))
    }

    @Test("a kept output without a readable note is not staged in: the build starts afresh")
    func unreadableKeptOutput() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(path: options.outputDirectory)
        #expect(!SiteBuilder(options: options).build().failed)
        let slug = try #require(try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner")
            .filter { !$0.hasPrefix(".") }.sorted().first)
        try append("\nÆndring.\n", toReportOf: slug, options)
        #expect(!SiteBuilder(options: options).build().failed)
        let note = try String(contentsOfFile: output.keptPath + "/" + OutputFolder.keptNote, encoding: .utf8)
        #expect(note == "\(OutputFolder.keptNoteHeader)\n\(slug)\n", "the kept output differs where the build rendered")
        try Data("noget andet\n".utf8).write(to: URL(fileURLWithPath: output.keptPath + "/" + OutputFolder.keptNote))
        try Data("x".utf8).write(to: URL(fileURLWithPath: output.keptPath + "/fremmed.txt"))
        try append("\nEn ændring mere.\n", toReportOf: slug, options)
        #expect(!SiteBuilder(options: options).build().failed)
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory + "/fremmed.txt"))
        var fresh = options
        fresh.outputDirectory = folder.appendingPathComponent("fresh").path
        #expect(!SiteBuilder(options: fresh).build().failed)
        #expect(snapshot(options.outputDirectory) == snapshot(fresh.outputDirectory))
    }
}

@Suite("One build at a time per output folder")
struct OutputLockTests {
    @Test("a build waits while another holds the output's lock, then builds")
    func waitsForTheLock() async throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lock = OutputLock(folder: OutputFolder(path: options.outputDirectory))
        #expect(lock != nil)
        let build = Task.detached { SiteBuilder(options: options).build() }
        try await Task.sleep(nanoseconds: 700_000_000)
        // Without the lock the build would have staged long before (the demo content scans in milliseconds).
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!beside.contains { $0.hasPrefix(".output.pejling-staging") }, "nothing staged while the lock is held: \(beside)")
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory), "nothing built while the lock is held")
        lock = nil
        let result = await build.value
        #expect(!result.failed)
        #expect(FileManager.default.fileExists(atPath: options.outputDirectory + "/index.html"))
    }
}
