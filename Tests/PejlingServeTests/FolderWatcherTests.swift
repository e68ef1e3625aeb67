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
}
