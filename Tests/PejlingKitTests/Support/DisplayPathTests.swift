import Foundation
import Testing
@testable import PejlingKit

@Suite struct DisplayPathTests {
    @Test(arguments: [
        ("content/site.yml", "content/site.yml"),
        ("./content//kommuner/", "content/kommuner"),
        ("content/./a/./b.md", "content/a/b.md"),
        (".", "."),
        ("", "."),
        ("../other/content", "../other/content"),
    ])
    func normalises(path: String, expected: String) {
        #expect(DisplayPath.relative(path) == expected)
    }

    @Test("an absolute path below the current directory is shown relative to it")
    func absoluteBelowCurrentDirectory() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(DisplayPath.relative(cwd + "/content/site.yml") == "content/site.yml")
        #expect(DisplayPath.relative(cwd + "//content/./site.yml") == "content/site.yml")
        #expect(DisplayPath.join(cwd + "/content/", "kommuner/a/analyse.md") == "content/kommuner/a/analyse.md")
        #expect(DisplayPath.relative(cwd) == ".")
    }

    @Test("an absolute path elsewhere stays absolute")
    func absoluteElsewhere() {
        let elsewhere = "/nowhere-\(UUID().uuidString)/content/site.yml"
        #expect(DisplayPath.relative(elsewhere) == elsewhere)
    }
}
