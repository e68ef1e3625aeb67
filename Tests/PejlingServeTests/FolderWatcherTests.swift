import Foundation
import Testing
@testable import PejlingServe

@Suite struct FolderWatcherTests {
    @Test func noticesChangesAdditionsAndRemovals() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let watcher = FolderWatcher(content: fixture.content, templates: fixture.templates)
        let before = watcher.scan()
        #expect(before[FolderWatcher.FileKey(root: .content, relative: "site.yml")] != nil)
        #expect(before[FolderWatcher.FileKey(root: .templates, relative: "kommune.mustache")] != nil)
        #expect(watcher.changes(from: before, to: watcher.scan()).isEmpty)

        try fixture.replace("# Sammenfatning", with: "# Resumé", in: "kommuner/egelund/analyse.md")
        try FileManager.default.removeItem(atPath: fixture.path("kommuner/bakkeby/status.md"))
        try "x".write(toFile: fixture.path("kommuner/mosedal/noter.txt"), atomically: true, encoding: .utf8)
        let changes = watcher.changes(from: before, to: watcher.scan())
        #expect(changes.files.map(\.relative) == ["kommuner/bakkeby/status.md", "kommuner/egelund/analyse.md",
                                                  "kommuner/mosedal/noter.txt"])
        #expect(changes.municipalities == ["bakkeby", "egelund", "mosedal"])
    }

    @Test func aChangeOutsideTheMunicipalitiesAffectsEverything() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let watcher = FolderWatcher(content: fixture.content, templates: fixture.templates)
        let before = watcher.scan()
        try fixture.replace("# Sammenfatning", with: "# Resumé", in: "kommuner/egelund/analyse.md")
        let css = fixture.templates + "/assets/pejling.css"
        try (String(contentsOfFile: css, encoding: .utf8) + "\n").write(toFile: css, atomically: true, encoding: .utf8)
        let changes = watcher.changes(from: before, to: watcher.scan())
        #expect(changes.files.count == 2)
        #expect(changes.municipalities == nil)
    }

    @Test func editorScratchFilesAreIgnored() {
        for name in [".analyse.md.swp", "analyse.md~", "#analyse.md#", "4913", ".DS_Store", "x.tmp"] {
            #expect(FolderWatcher.isIgnored(name), "\(name)")
        }
        for name in ["analyse.md", "kommune.yml", "2024-sagsgennemgang.json", "pejling.css"] {
            #expect(!FolderWatcher.isIgnored(name), "\(name)")
        }
    }

    @Test("looking again at the touched municipality folders finds what a full walk finds")
    func rescanAgreesWithScan() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let watcher = FolderWatcher(content: fixture.content, templates: fixture.templates)
        let before = watcher.scan()
        try fixture.replace("# Sammenfatning", with: "# Resumé", in: "kommuner/egelund/analyse.md")
        try FileManager.default.removeItem(atPath: fixture.path("kommuner/bakkeby/status.md"))
        try FileManager.default.createDirectory(atPath: fixture.path("kommuner/mosedal/bilag"), withIntermediateDirectories: true)
        try "x".write(toFile: fixture.path("kommuner/mosedal/bilag/noter.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: fixture.path("kommuner/strandvig"))
        let rescanned = watcher.rescan(before, municipalities: ["egelund", "bakkeby", "mosedal", "strandvig"])
        #expect(rescanned == watcher.scan())
        #expect(watcher.rescan(before, municipalities: ["egelund"]) != watcher.scan(), "untouched folders keep their old stamps")
    }

    @Test("a symbolic link to a municipality folder is not walked into, as in a full walk")
    func rescanDoesNotFollowLinkedFolders() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let watcher = FolderWatcher(content: fixture.content, templates: fixture.templates)
        try FileManager.default.createSymbolicLink(atPath: fixture.path("kommuner/genvej"), withDestinationPath: fixture.path("kommuner/egelund"))
        #expect(watcher.rescan(watcher.scan(), municipalities: ["genvej"]) == watcher.scan())
    }
}

#if os(Linux)
@Suite("Change signal (inotify)")
struct ChangeSignalTests {
    @Test("a save in a municipality folder wakes it and names the folder")
    func namesTheMunicipality() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let signal = try #require(ChangeSignal.make(content: fixture.content, templates: fixture.templates))
        #expect(signal.wait(timeout: .milliseconds(50), quiet: .milliseconds(10), limit: .milliseconds(100)) == nil)
        try fixture.replace("# Sammenfatning", with: "# Resumé", in: "kommuner/egelund/analyse.md")
        let touched = signal.wait(timeout: .seconds(5), quiet: .milliseconds(20), limit: .milliseconds(500))
        #expect(touched?.municipalities == ["egelund"])
    }

    @Test("a save outside the municipality folders touches everything")
    func outsideTouchesAll() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let signal = try #require(ChangeSignal.make(content: fixture.content, templates: fixture.templates))
        let css = fixture.templates + "/assets/pejling.css"
        try (String(contentsOfFile: css, encoding: .utf8) + "\n").write(toFile: css, atomically: true, encoding: .utf8)
        let touched = try #require(signal.wait(timeout: .seconds(5), quiet: .milliseconds(20), limit: .milliseconds(500)))
        #expect(touched.municipalities == nil)
    }

    @Test("a folder made after the start is watched too")
    func newFoldersAreWatched() throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let signal = try #require(ChangeSignal.make(content: fixture.content, templates: fixture.templates))
        try FileManager.default.createDirectory(atPath: fixture.path("kommuner/egelund/bilag"), withIntermediateDirectories: true)
        _ = signal.wait(timeout: .seconds(5), quiet: .milliseconds(20), limit: .milliseconds(500))
        try "x".write(toFile: fixture.path("kommuner/egelund/bilag/noter.txt"), atomically: false, encoding: .utf8)
        let touched = signal.wait(timeout: .seconds(5), quiet: .milliseconds(20), limit: .milliseconds(500))
        #expect(touched?.municipalities == ["egelund"])
    }
}
#endif
