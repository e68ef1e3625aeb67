import Foundation
@testable import PejlingKit
@testable import PejlingServe

/// A copy of the demo content and templates in a temporary folder, which a test may edit.
struct ServeFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("Templates").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["content", "Templates"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(name),
                                             to: root.appendingPathComponent(name))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var options: ServeOptions {
        var options = ServeOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.port = 0
        options.pollInterval = .milliseconds(50)
        options.settleInterval = .milliseconds(30)
        return options
    }

    func path(_ relative: String) -> String { content + "/" + relative }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Writes a content file, making sure its modification time moves even within one clock tick.
    func write(_ relative: String, _ text: String) throws {
        let path = path(relative)
        let before = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        if let before {
            let later = max(Date(), before.addingTimeInterval(0.01))
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        }
    }

    func replace(_ old: String, with new: String, in relative: String) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw FixtureError(description: "\(relative) does not contain \(old)") }
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// What `pejling build --drafts` would write, in memory.
    func builtFiles() -> [String: [UInt8]] {
        let sink = MemorySink()
        _ = SiteBuilder(options: options.buildOptions).render(into: sink)
        return sink.files
    }
}

/// Makes a snapshot by building the fixture, as the server's first build does.
func buildState(_ fixture: ServeFixture, state: PreviewState = PreviewState(instance: "t")) async -> PreviewState {
    let rebuilder = PreviewRebuilder(options: fixture.options, state: state, hub: ReloadHub(), report: { _ in })
    await rebuilder.buildNow(changes: nil)
    return state
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
