import Foundation
import Mustache

/// The compiled Mustache templates of a site: every `*.mustache` below the templates
/// folder, named by its path without the extension (`kommune`, `partials/footer`).
/// Templates are compiled once per build and shared by every thread.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// if let templates = TemplateSet.load(directory: "Templates", diagnostics: &diagnostics) {
///     let html = templates.render(["titel": "Hej"], template: "oversigt")
/// }
/// ```
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The template names found.
    public let names: [String]
    /// A fingerprint of every template file, for incremental builds.
    public let fingerprint: UInt64

    /// The templates a build needs.
    public static let required = ["oversigt", "kommune", "indlejring"]

    /// Reads and compiles every template; a parse error names the file, line and column.
    public static func load(directory: String, diagnostics: inout Diagnostics) -> TemplateSet? {
        guard SafePath.isDirectory(directory), let root = SafePath.realPath(directory) else {
            diagnostics.error("templates folder not found", at: SourceLocation(file: DisplayPath.relative(directory)),
                              hint: "pass --templates DIR, or run pejling where Templates/ is")
            return nil
        }
        var library = MustacheLibrary()
        var names: [String] = []
        var fingerprint = StableHash.fnv1a([])
        var failed = false
        for relative in templateFiles(root: root) {
            let display = DisplayPath.join(directory, relative)
            guard let source = readInside(root: root, relative: relative, display: display, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            fingerprint = StableHash.fnv1a(Array(relative.utf8) + [0] + source.bytes, seed: fingerprint)
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
                names.append(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error("template error: \(describe(error.error))",
                                  at: SourceLocation(file: display, line: error.context.lineNumber,
                                                     column: error.context.columnNumber))
                failed = true
            } catch {
                diagnostics.error("template error: \(error)", at: SourceLocation(file: display))
                failed = true
            }
        }
        for name in required where !names.contains(name) && !failed {
            diagnostics.error("missing template \(name).mustache", at: SourceLocation(file: DisplayPath.relative(directory)))
            failed = true
        }
        guard !failed else { return nil }
        return TemplateSet(library: library, names: names, fingerprint: fingerprint)
    }

    /// Renders `context` with the named template.
    public func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    static func templateFiles(root: String) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in SafePath.listing(folder) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                if SafePath.isDirectory(root + "/" + child) {
                    walk(child)
                } else if name.hasSuffix(".mustache") {
                    found.append(child)
                }
            }
        }
        walk("")
        return found
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag: a '{{' without its '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }
}
