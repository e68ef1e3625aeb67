import Foundation
import Testing
@testable import PejlingKit

@Suite struct TemplateErrorLocationTests {
    /// Loads a template set whose `kommune` template is `text`, and returns its diagnostics.
    static func errors(for text: String) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in TemplateSet.required {
            try Data((name == "kommune" ? text : "ok").utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
        }
        var diagnostics = Diagnostics()
        #expect(TemplateSet.load(directory: folder.path, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.items.allSatisfy { $0.location.file.hasSuffix("kommune.mustache") })
        return diagnostics.items
    }

    @Test("an unfinished tag is reported at its '{{'")
    func unfinishedTag() throws {
        let errors = try Self.errors(for: "<html>\n  <p>{{titel}</p>\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.location.column == 6)
    }

    @Test("a wrong closing tag is reported at the tag, naming the section that is open")
    func wrongClose() throws {
        let errors = try Self.errors(for: "{{#a}}\n{{#b}}\nx\n  {{/a}}\n{{/b}}\n")
        #expect(errors.first?.location.line == 4)
        #expect(errors.first?.location.column == 3)
        #expect(errors.first?.message.contains("det åbne afsnit er 'b' fra linje 2") == true)
    }

    @Test("a section never closed is reported where it opens")
    func neverClosed() throws {
        let errors = try Self.errors(for: "{{#a}}\n{{/a}}\ntekst\n   {{^tom}}\nx\n")
        #expect(errors.first?.location.line == 4)
        #expect(errors.first?.location.column == 4)
        #expect(errors.first?.message.contains("'tom'") == true)
    }
}
