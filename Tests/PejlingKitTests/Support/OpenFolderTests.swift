import Foundation
import Testing
@testable import PejlingKit

@Suite struct OpenFolderTests {
    @Test("removing a tree removes nested folders and files, and removes a symbolic link without following it")
    func removeTree() throws {
        let base = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let outside = base + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/keep.txt"))
        let tree = base + "/tree"
        try FileManager.default.createDirectory(atPath: tree + "/a/b/c", withIntermediateDirectories: true)
        for file in ["x", "a/y", "a/b/z", "a/b/c/w"] { try Data(file.utf8).write(to: URL(fileURLWithPath: tree + "/" + file)) }
        try FileManager.default.createSymbolicLink(atPath: tree + "/a/link", withDestinationPath: outside)
        OpenFolder.removeTree(tree)
        #expect(!FileManager.default.fileExists(atPath: tree))
        #expect(FileManager.default.fileExists(atPath: outside + "/keep.txt"), "the link's target is left alone")
        OpenFolder.removeTree(base + "/missing")   // nothing there: nothing happens
    }

    @Test("linking makes a hard link to the same file; a missing file is an error in Danish")
    func link() throws {
        let base = try SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/old", withIntermediateDirectories: true)
        try OpenFolder.make(base + "/new")
        try OpenFolder.make(base + "/new")   // already there: fine
        try Data("side".utf8).write(to: URL(fileURLWithPath: base + "/old/index.html"))
        let old = try #require(OpenFolder(base + "/old"))
        let new = try #require(OpenFolder(base + "/new"))
        try old.link("index.html", into: new)
        let attributes = try FileManager.default.attributesOfItem(atPath: base + "/new/index.html")
        #expect(attributes[.referenceCount] as? Int == 2)
        #expect(throws: OutputError.self) { try old.link("mangler.html", into: new) }
        #expect(Set(new.entries().map(\.name)) == ["index.html"])
    }
}
