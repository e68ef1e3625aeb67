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
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The template names found.
    public let names: [String]
    /// A fingerprint of every template file, for incremental builds.
    public let fingerprint: UInt64
    /// Whether some template holds a NUL character (then ``SharedBody`` is not used).
    var holdNUL = false

    /// The templates a build needs.
    public static let required = ["oversigt", "kommune", "indlejring"]

    /// Reads and compiles every template; a parse error names the file, line and column.
    public static func load(directory: String, diagnostics: inout Diagnostics) -> TemplateSet? {
        guard SafePath.isDirectory(directory), let root = SafePath.realPath(directory) else {
            diagnostics.error(SafePath.exists(directory) ? "'\(DisplayPath.relative(directory))' er en fil og ikke en mappe; --templates skal angive skabelonmappen"
                                                          : "skabelonmappen findes ikke",
                              at: SourceLocation(file: DisplayPath.relative(directory)),
                              hint: "angiv mappen med skabelonerne med --templates, eller kør pejling i mappen, hvor Templates/ ligger")
            return nil
        }
        _ = ByteEscaping.registered
        var library = MustacheLibrary()
        var names: [String] = []
        var fingerprint = StableHash.hash([])
        var holdNUL = false
        var failed = false
        for relative in templateFiles(root: root) {
            let display = DisplayPath.join(directory, relative)
            guard let source = readInside(root: root, relative: relative, display: display, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            fingerprint = StableHash.hash(Array(relative.utf8) + [0] + source.bytes, seed: fingerprint)
            holdNUL = holdNUL || source.bytes.contains(0)
            do {
                library.register(try MustacheTemplate(string: ByteEscaping.pragma + source.text), named: name)
                names.append(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(diagnostic(for: error, text: source.text, file: display))
                failed = true
            } catch {
                diagnostics.error("fejl i skabelonen: \(describe(error))", at: SourceLocation(file: display))
                failed = true
            }
        }
        for name in required where !names.contains(name) && !failed {
            diagnostics.error("skabelonen \(name).mustache mangler", at: SourceLocation(file: DisplayPath.relative(directory)))
            failed = true
        }
        guard !failed else { return nil }
        return TemplateSet(library: library, names: names, fingerprint: fingerprint, holdNUL: holdNUL)
    }

    /// Renders `context` with the named template. Every string in the context is made safe
    /// for Mustache's escaping first (``HTML/isolatingMarkupCharacters(_:)``).
    public func render(_ context: [String: Any], template name: String) -> String {
        let safe = HTML.isolatingIfChanged(context) ?? context
        return library.render(safe, withTemplate: name) ?? ""
    }

    /// The `*.mustache` files below `root`. A symbolic link to a folder is not walked into
    /// (a link to `/` or a loop would never end); a link to a file is listed, and reading it
    /// refuses it when it leads outside the folder.
    static func templateFiles(root: String) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in SafePath.listing(folder) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    walk(child)
                } else if name.hasSuffix(".mustache") {
                    found.append(child)
                }
            }
        }
        walk("")
        return found
    }

    /// A parse error at the tag it concerns: swift-mustache stops where it gave up (after
    /// the tag, or at the end of the file for a section never closed), so the tag is found
    /// again in the text.
    static func diagnostic(for error: MustacheTemplate.ParserError, text: String, file: String) -> Diagnostic {
        // The line ByteEscaping.pragma puts first is not the writer's.
        let line = max(1, error.context.lineNumber - ByteEscaping.pragmaLines)
        let column = error.context.columnNumber
        if case .expectedSectionEnd = error.error as? MustacheTemplate.Error,
           let open = TemplateTags.unclosedSection(in: text) {
            return .error("fejl i skabelonen: afsnittet '\(open.name)', der begynder her, slutter aldrig",
                          at: SourceLocation(file: file, line: open.line, column: open.column),
                          hint: "afslut det med {{/\(open.name)}}")
        }
        let tagColumn = TemplateTags.tagStart(onLine: error.context.line, before: column) ?? column
        var message = "fejl i skabelonen: \(describe(error.error))"
        if case .sectionCloseNameIncorrect = error.error as? MustacheTemplate.Error {
            let before = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(line - 1)
                .map { $0 + "\n" }.joined() + String(String.UnicodeScalarView(error.context.line.unicodeScalars.prefix(tagColumn - 1)))
            if let open = TemplateTags.unclosedSection(in: before) {
                message += ": det åbne afsnit er '\(open.name)' fra linje \(open.line)"
            }
        }
        return .error(message, at: SourceLocation(file: file, line: line, column: tagColumn))
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "slutmærket passer ikke til det åbne afsnit"
        case .unfinishedName: return "et mærke uden ende: '{{' uden '}}'"
        case .expectedSectionEnd: return "et afsnit slutter aldrig"
        case .invalidSetDelimiter: return "ugyldigt mærke til skift af afgrænsere ({{=…=}})"
        default: return "ukendt fejl (\(error))"
        }
    }
}

/// Just enough of Mustache's tag syntax to point a parse error at its tag.
enum TemplateTags {
    /// The 1-based column of the last `{{` on `line` that starts before `column`.
    static func tagStart(onLine line: String, before column: Int) -> Int? {
        let scalars = Array(line.unicodeScalars)
        var index = min(column - 1, scalars.count - 1)
        while index >= 1 {
            if scalars[index - 1] == "{", scalars[index] == "{" {
                var start = index - 1
                while start >= 1, scalars[start - 1] == "{" { start -= 1 }  // {{{name}}}
                return start + 1
            }
            index -= 1
        }
        return nil
    }

    /// A section tag: `{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}` or `{{/name}}`.
    struct Section {
        var name: String
        var line: Int
        var column: Int
    }

    /// The innermost section that is opened and not closed (with the default delimiters).
    static func unclosedSection(in text: String) -> Section? {
        var stack: [Section] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 2 < scalars.count, scalars[index + 1] == "{" {
                let sigil = scalars[index + 2]
                var end = index + 3
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}"), scalars[end] != "\n" { end += 1 }
                let name = String(String.UnicodeScalarView(scalars[(index + 3)..<min(end, scalars.count)]))
                    .trimmingSpaces()
                switch sigil {
                case "#", "^", "$", "<":
                    stack.append(Section(name: name, line: line, column: column))
                case "/":
                    if let last = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(last...) }
                default:
                    break
                }
            }
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return stack.last
    }
}

/// Mustache's escaping for `{{name}}`, by UTF-8 bytes (``HTML/escape(_:)``) instead of
/// swift-mustache's own, which looks up every character of every value in a dictionary (4 %
/// of a build). Every template starts with a line naming it (``pragma``), which Mustache
/// removes with its line break, as it does any tag standing alone on its line. The result is
/// the same: the values reach the templates with ``HTML/isolatingMarkupCharacters(_:)``
/// applied, so each `< > & " '` is a character of its own, which both escape alike.
struct ByteEscaping: MustacheContentType {
    static let name = "PEJLING_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    /// How many lines ``pragma`` adds before a template's first.
    static let pragmaLines = 1

    /// Made known to Mustache once, before the first template is compiled.
    static let registered: Bool = {
        MustacheContentTypes.register(ByteEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
