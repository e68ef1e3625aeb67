import Foundation
@testable import PejlingKit

/// The project's demo content and templates, rendered in memory, and temporary copies of
/// them for tests that change a file or the order folders are made in.
enum SiteFixture {
    /// The package root: four levels above this file (Tests/PejlingKitTests/Site/…).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var demoContent: String { packageRoot + "/content" }
    static var templates: String { packageRoot + "/Templates" }

    /// The demo content rendered once, without drafts.
    static let demo = render()

    /// Renders a content folder into memory with the project's templates.
    static func render(content: String = demoContent, only: [String] = [], jobs: Int = 2,
                       drafts: Bool = false) -> (result: SiteBuilder.Result, files: [String: [UInt8]]) {
        var options = BuildOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.only = only
        options.jobs = jobs
        options.includeDrafts = drafts
        let sink = MemorySink()
        let result = SiteBuilder(options: options).render(into: sink)
        return (result, sink.files)
    }

    /// A file's text, or "" when it was not written.
    static func text(_ files: [String: [UInt8]], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> String {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"] ?? NSTemporaryDirectory())
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("pejling-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw OutputError("mkdtemp failed") }
        return String(cString: made)
    }

    /// Every file below `output` (not folders), by relative path, with its bytes.
    static func snapshot(_ output: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: output + "/" + path)
            }
        }
        return files
    }

    /// A temporary copy of content/ and Templates/, and build options that point at it, with
    /// the output at `<folder>/output` and two jobs.
    static func workspace() throws -> (URL, BuildOptions) {
        let folder = URL(fileURLWithPath: try temporaryFolder())
        for name in ["content", "Templates"] {
            try FileManager.default.copyItem(atPath: packageRoot + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        var options = BuildOptions()
        options.contentDirectory = folder.appendingPathComponent("content").path
        options.templatesDirectory = folder.appendingPathComponent("Templates").path
        options.outputDirectory = folder.appendingPathComponent("output").path
        options.jobs = 2
        return (folder, options)
    }

    /// Copies the tree at `source` into a new temporary folder, making folders and files in
    /// name order or in reverse name order, and returns the copy's path.
    static func copyTree(_ source: String, reversed: Bool) throws -> String {
        let target = try temporaryFolder() + "/content"
        try copy(source, to: target, reversed: reversed)
        return target
    }

    /// Copies the tree at `source` to `target` (which must not exist yet), making folders and
    /// files in name order or in reverse name order.
    static func copy(_ source: String, to target: String, reversed: Bool) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
        var names = try manager.contentsOfDirectory(atPath: source).sorted()
        if reversed { names.reverse() }
        for name in names {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: source + "/" + name, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try copy(source + "/" + name, to: target + "/" + name, reversed: reversed)
            } else {
                try manager.copyItem(atPath: source + "/" + name, toPath: target + "/" + name)
            }
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Just enough HTML reading for structural checks on pages the project itself wrote.
enum HTMLScan {
    /// Heading levels in document order.
    static func headingLevels(_ html: String) -> [Int] {
        html.matches(of: #/<h([1-6])[\s>]/#).compactMap { Int($0.output.1) }
    }

    /// Every `id="…"` value.
    static func ids(_ html: String) -> [String] {
        html.matches(of: #/\sid="([^"]*)"/#).map { String($0.output.1) }
    }

    /// Every `href="…"` value.
    static func hrefs(_ html: String) -> [String] {
        html.matches(of: #/\shref="([^"]*)"/#).map { String($0.output.1) }
    }

    /// How often `needle` occurs.
    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    /// The first heading level skipped on the way down (e.g. an h2 followed by an h4), or nil.
    static func skippedHeading(_ levels: [Int], startingAt top: Int) -> String? {
        var previous = top - 1
        for level in levels {
            if level > previous + 1 { return "h\(level) after h\(previous)" }
            previous = level
        }
        return nil
    }
}
