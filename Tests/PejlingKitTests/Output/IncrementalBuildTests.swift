import Foundation
import Testing
@testable import PejlingKit

/// Incremental builds through the library: a copy of the demo content in a temporary folder.
@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {

    func snapshot(_ output: String) throws -> [String: Data] { SiteFixture.snapshot(output) }

    @Test("a rebuild with nothing changed renders nothing and leaves the output as it was")
    func nothingChanged() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = SiteBuilder(options: options).build()
        #expect(!first.failed)
        #expect(!first.unchanged)
        let before = try snapshot(options.outputDirectory)
        let second = SiteBuilder(options: options).build()
        #expect(second.unchanged)
        #expect(second.fileCount == 0)
        #expect(second.diagnostics.sorted == first.diagnostics.sorted.filter { $0.severity == .warning },
                "warnings are shown again")
        #expect(try snapshot(options.outputDirectory) == before)
    }

    @Test("changing one report renders that municipality and the overview; the result equals a full build")
    func oneReportChanged() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = SiteBuilder(options: options).build()
        let slugs = try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner").filter { !$0.hasPrefix(".") }.sorted()
        let changed = try #require(slugs.first)
        let report = options.contentDirectory + "/kommuner/\(changed)/analyse.md"
        let text = try String(contentsOfFile: report, encoding: .utf8) + "\nEn ny sætning til sidst.\n"
        try text.write(toFile: report, atomically: true, encoding: .utf8)

        let incremental = SiteBuilder(options: options).build()
        #expect(!incremental.failed)
        #expect(incremental.reusedCount == slugs.count - 1)
        #expect(incremental.fileCount > 0)
        let page = try String(contentsOfFile: options.outputDirectory + "/\(changed)/index.html", encoding: .utf8)
        #expect(page.contains("En ny sætning til sidst."))

        var fresh = options
        fresh.outputDirectory = folder.appendingPathComponent("fresh").path
        _ = SiteBuilder(options: fresh).build()
        #expect(try snapshot(options.outputDirectory) == snapshot(fresh.outputDirectory), "incremental output equals a full build")
    }

    @Test("an unchanged municipality is not loaded again: its summary and warnings come from the manifest")
    func unchangedSummaryFromManifest() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = SiteBuilder(options: options).build()
        #expect(!first.failed)
        let slugs = try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner").filter { !$0.hasPrefix(".") }.sorted()
        let manifestPath = options.outputDirectory + "/" + OutputFolder.manifestName
        let manifest = try #require(OutputFolder(path: options.outputDirectory).currentManifest())
        let kept = try #require(manifest.municipalities[slugs[1]]?.summary)
        let loaded = try #require(ContentLoader(directory: options.contentDirectory, jobs: 1).load().0?.municipalities.first { $0.slug == slugs[1] })
        let display = DisplayPath.relative(options.contentDirectory)
        #expect(kept.municipality(contentDisplay: display) == loaded.summary, "the kept summary reads back as the load made it")
        #expect(!kept.location.file.contains(display), "kept relative to the content folder")
        // Only a summary read from the manifest can bring this name onto the overview.
        var text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let name = "\"name\" : \"\(kept.name)\""
        #expect(text.contains(name))
        text = text.replacingOccurrences(of: name, with: "\"name\" : \"Navn fra manifestet\"")
        try text.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let report = options.contentDirectory + "/kommuner/\(slugs[0])/analyse.md"
        try (String(contentsOfFile: report, encoding: .utf8) + "\nEn ny sætning.\n").write(toFile: report, atomically: true, encoding: .utf8)

        let rebuild = SiteBuilder(options: options).build()
        #expect(!rebuild.failed)
        #expect(rebuild.reusedCount == slugs.count - 1)
        let overview = try String(contentsOfFile: options.outputDirectory + "/index.html", encoding: .utf8)
        #expect(overview.contains("Navn fra manifestet"))
        let warnings = first.diagnostics.sorted.filter { $0.severity == .warning && $0.location.file.contains("/\(slugs[1])/") }
        #expect(rebuild.diagnostics.sorted.filter { $0.location.file.contains("/\(slugs[1])/") } == warnings,
                "the unchanged municipality's warnings are shown again")
    }

    @Test("the overview is taken over while what it lists is unchanged, and made again when a name changes")
    func overviewFollowsItsInputs() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = SiteBuilder(options: options).build()
        let overviewPath = options.outputDirectory + "/index.html"
        var before = stat()
        stat(overviewPath, &before)
        let slugs = try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner").filter { !$0.hasPrefix(".") }.sorted()
        let report = options.contentDirectory + "/kommuner/\(slugs[0])/analyse.md"
        var text = try String(contentsOfFile: report, encoding: .utf8)
        try (text + "\nEn sætning, som oversigten ikke viser.\n").write(toFile: report, atomically: true, encoding: .utf8)
        #expect(!SiteBuilder(options: options).build().failed)
        var after = stat()
        stat(overviewPath, &after)
        #expect(after.st_ino == before.st_ino, "the same file, linked from the previous output")

        let municipalityFile = options.contentDirectory + "/kommuner/\(slugs[0])/kommune.yml"
        text = try String(contentsOfFile: municipalityFile, encoding: .utf8)
        let name = try #require(text.firstMatch(of: /navn: *(.+)/)?.output.1)
        text = text.replacingOccurrences(of: "navn: \(name)", with: "navn: Et nyt navn i oversigten")
        try text.write(toFile: municipalityFile, atomically: true, encoding: .utf8)
        #expect(!SiteBuilder(options: options).build().failed)
        let overview = try String(contentsOfFile: overviewPath, encoding: .utf8)
        #expect(overview.contains("Et nyt navn i oversigten"))
        var fresh = options
        fresh.outputDirectory = folder.appendingPathComponent("fresh").path
        _ = SiteBuilder(options: fresh).build()
        #expect(overview == (try String(contentsOfFile: fresh.outputDirectory + "/index.html", encoding: .utf8)))
        #expect(try snapshot(options.outputDirectory) == snapshot(fresh.outputDirectory))
    }

    @Test("a municipality whose old files cannot all be taken over is rendered into files of its own, not through links into the old output")
    func partlyMissingOldFilesAreNotWrittenThrough() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = SiteBuilder(options: options).build()
        let slugs = try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner").filter { !$0.hasPrefix(".") }.sorted()
        let (changed, damaged) = (slugs[0], slugs[1])
        let output = options.outputDirectory
        // The old page, held by a link of our own; the last of the damaged municipality's files goes.
        let kept = folder.appendingPathComponent("kept-index.html").path
        #expect(link(output + "/\(damaged)/index.html", kept) == 0)
        let oldPage = try Data(contentsOf: URL(fileURLWithPath: kept))
        try FileManager.default.removeItem(atPath: output + "/\(damaged)/indlejring.css")
        let report = options.contentDirectory + "/kommuner/\(changed)/analyse.md"
        try (String(contentsOfFile: report, encoding: .utf8) + "\nEn ny sætning.\n").write(toFile: report, atomically: true, encoding: .utf8)

        let rebuild = SiteBuilder(options: options).build()
        #expect(!rebuild.failed)
        #expect(SafePath.exists(output + "/\(damaged)/indlejring.css"), "rendered again")
        var keptInfo = stat(), newInfo = stat()
        stat(kept, &keptInfo)
        stat(output + "/\(damaged)/index.html", &newInfo)
        #expect(keptInfo.st_ino != newInfo.st_ino, "the new page is a file of its own")
        #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == oldPage, "the old page was not written to")
    }

    @Test("changing a template renders every municipality again")
    func templateChanged() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = SiteBuilder(options: options).build()
        let css = options.templatesDirectory + "/assets/pejling.css"
        let text = try String(contentsOfFile: css, encoding: .utf8) + "\n.ny-regel { color: #000000; }\n"
        try text.write(toFile: css, atomically: true, encoding: .utf8)
        let rebuild = SiteBuilder(options: options).build()
        #expect(rebuild.reusedCount == 0)
        #expect(!rebuild.unchanged)
        let stylesheet = try String(contentsOfFile: options.outputDirectory + "/assets/pejling.css", encoding: .utf8)
        #expect(stylesheet.contains(".ny-regel"))
    }

    @Test("a deleted output file makes the next build write it again")
    func deletedOutputFile() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = SiteBuilder(options: options).build()
        try FileManager.default.removeItem(atPath: options.outputDirectory + "/index.html")
        let rebuild = SiteBuilder(options: options).build()
        #expect(!rebuild.unchanged)
        #expect(FileManager.default.fileExists(atPath: options.outputDirectory + "/index.html"))
    }

    @Test("turning drafts on renders again")
    func optionsChanged() throws {
        let (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = SiteBuilder(options: options).build()
        var drafts = options
        drafts.includeDrafts = true
        let rebuild = SiteBuilder(options: drafts).build()
        #expect(!rebuild.unchanged)
        #expect(rebuild.reusedCount == 0)
    }
}
