import Foundation
import Testing

@Suite("pejling build on the bundled content", .serialized)
struct BuildEndToEndTests {
    /// The demo municipalities: every folder in content/kommuner.
    static func demoSlugs() throws -> [String] {
        let folder = PejlingBinary.packageRoot.appendingPathComponent("content/kommuner")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("every municipality gets its page, file and fragment; the overview lists them all")
    func buildsEverything() throws {
        let output = try PejlingBinary.temporaryDirectory().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let result = try PejlingBinary.run(["build", "--output", output.path, "--drafts"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let slugs = try Self.demoSlugs()
        #expect(slugs.count >= 3)
        let overview = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        for slug in slugs {
            for file in ["index.html", "\(slug).html", "indlejring.html", "indlejring.css"] {
                let path = output.appendingPathComponent("\(slug)/\(file)").path
                #expect(FileManager.default.fileExists(atPath: path), "missing \(slug)/\(file)")
            }
            #expect(overview.contains("href=\"\(slug)/index.html\""), "overview does not link \(slug)")
            let page = try String(contentsOf: output.appendingPathComponent("\(slug)/index.html"), encoding: .utf8)
            #expect(page.contains("<html lang=\"da\">"))
            #expect(page.components(separatedBy: "<h1").count == 2, "\(slug): exactly one h1")
            #expect(page.contains("Eksempel"), "\(slug): the example banner")
            #expect(!page.contains("<script"), "\(slug): no script on a published page")
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/pejling.css").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".pejling-manifest.json").path))
    }

    @Test("check writes nothing and exits 0 on the bundled content")
    func checkPasses() throws {
        let result = try PejlingBinary.run(["check", "--drafts"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(!result.standardError.contains("error:"))
    }

    @Test("a bad command line exits 2", arguments: [["build", "--no-such-flag"], ["frobnicate"], ["build", "--format", "xml"], ["build", "--jobs", "0"]])
    func badCommandLine(arguments: [String]) throws {
        let result = try PejlingBinary.run(arguments)
        #expect(result.status == 2, "stderr: \(result.standardError)")
    }
}
