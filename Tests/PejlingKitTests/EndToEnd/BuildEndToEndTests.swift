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

    /// The overview in Danish order, built by the binary under two locales (LANG, LC_ALL):
    /// the same bytes, and Æ, Ø, Å after Z with Aa as Å. The extra municipalities are
    /// fictional examples with one short report each, copied from the demo's Mosedal.
    @Test("the overview is in Danish order under two different locales", arguments: [
        ["LANG": "da_DK.UTF-8", "LC_ALL": "da_DK.UTF-8"],
        ["LANG": "en_US.UTF-8", "LC_ALL": "C"],
    ])
    func danishOrder(locale: [String: String]) throws {
        let folder = try PejlingBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: PejlingBinary.packageRoot.appendingPathComponent("content"), to: content)
        let kommuner = content.appendingPathComponent("kommuner")
        let extra = ["aabakke": "Aabakke Kommune", "aerosund": "Ærøsund Kommune", "oesterby": "Østerby Kommune",
                     "aamose": "Åmose Kommune", "zeeby": "Zeeby Kommune", "aadal": "Aadal Kommune"]
        for (slug, name) in extra {
            let target = kommuner.appendingPathComponent(slug)
            try FileManager.default.copyItem(at: kommuner.appendingPathComponent("mosedal"), to: target)
            try "# Fiktiv kommune til en test.\nnavn: \(name)\neksempel: true\n"
                .write(to: target.appendingPathComponent("kommune.yml"), atomically: true, encoding: .utf8)
            let report = target.appendingPathComponent("analyse.md")
            let text = try String(contentsOf: report, encoding: .utf8)
            try text.replacingOccurrences(of: "Mosedal Kommune", with: name).write(to: report, atomically: true, encoding: .utf8)
        }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(locale) { $1 }
        let output = folder.appendingPathComponent("site")
        let result = try PejlingBinary.run(["build", "--content", content.path, "--output", output.path],
                                           environment: environment)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let overview = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let names = overview.matches(of: /<th scope="row"><a href="[^"]+">([^<]+)<\/a>/).map { String($0.1) }
        #expect(names == ["Bakkeby Kommune", "Egelund Kommune", "Mosedal Kommune", "Strandvig Kommune",
                          "Zeeby Kommune", "Ærøsund Kommune", "Østerby Kommune", "Aabakke Kommune",
                          "Aadal Kommune", "Åmose Kommune"])
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
