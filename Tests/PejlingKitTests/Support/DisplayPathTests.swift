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

    @Test("the byte check for a path already normalised agrees with normalising it part by part")
    func fastPathAgrees() {
        var random = SeededRandom(seed: 7)
        let pieces = ["/", "/", ".", "a", "kommuner", "..", "æ", "./", "//", "x.md"]
        for _ in 0..<20_000 {
            let path = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(DisplayPath.normalized(path) == DisplayPath.normalizedBySplitting(path), "\(path)")
        }
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
