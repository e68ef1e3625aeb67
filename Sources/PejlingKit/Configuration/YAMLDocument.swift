import Yams

/// A parsed YAML mapping with the source positions Yams keeps, and typed accessors that
/// report every problem as a ``Diagnostic`` at the line and column of the offending value.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// if let yaml = YAMLDocument.parse(source, diagnostics: &diagnostics) {
///     let title = yaml.string("titel", required: true, diagnostics: &diagnostics)
/// }
/// ```
public struct YAMLDocument {
    let mapping: Node.Mapping
    let root: Node
    /// The path shown in diagnostics.
    public let file: String
    /// Lines above the YAML text in its file (front matter starts below a `---` line).
    public let lineOffset: Int

    /// Parses `text` as a YAML document whose top level must be a mapping.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0,
                             diagnostics: inout Diagnostics) -> YAMLDocument? {
        let node: Node?
        do {
            // The basic resolver keeps every scalar as text (this type converts it, with positions),
            // and naming UTF-8 spares Yams a look at the environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(contentsOf: Self.diagnostics(for: error, text: text, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.error("cannot parse YAML: \(error)", at: SourceLocation(file: file))
            return nil
        }
        let start = SourceLocation(file: file, line: lineOffset + 1, column: 1)
        guard let node else {
            diagnostics.error("the YAML is empty; expected a mapping of keys and values", at: start)
            return nil
        }
        guard let mapping = node.mapping else {
            diagnostics.error("expected a mapping of keys and values at the top level", at: location(of: node, file: file, lineOffset: lineOffset) ?? start)
            return nil
        }
        return YAMLDocument(mapping: mapping, root: node, file: file, lineOffset: lineOffset)
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation? {
        guard let mark = node.mark else { return nil }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The diagnostics for a YAML error: one, or one per repeated key (at its second use).
    static func diagnostics(for error: YamlError, text: String, file: String, lineOffset: Int) -> [Diagnostic] {
        guard case .duplicatedKeysInMapping(let duplicates, let context) = error else {
            return [diagnostic(for: error, file: file, lineOffset: lineOffset, atEndOfText: { mark in
                // Only blank lines from the mark on: the problem is that something was never
                // closed, and the place where it was opened says more.
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .dropFirst(max(0, mark.line - 1))
                    .allSatisfy { $0.allSatisfy(\.isWhitespace) }
            })]
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return duplicates.sorted().map { key in
            // libYAML names the mapping, not the key: find the key's second use from there.
            var uses: [(line: Int, column: Int)] = []
            for (index, line) in lines.enumerated() where index + 1 >= context.mark.line {
                let indent = line.prefix { $0 == " " || $0 == "-" || $0 == "\t" }
                let rest = line.dropFirst(indent.count)
                if ["\(key):", "\"\(key)\":", "'\(key)':"].contains(where: { rest.hasPrefix($0) }) {
                    uses.append((index + 1, indent.unicodeScalars.count + 1))
                }
            }
            let location = uses.count >= 2
                ? SourceLocation(file: file, line: uses[1].line + lineOffset, column: uses[1].column)
                : SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column)
            let first = uses.first.map { " (first at line \($0.line + lineOffset))" } ?? ""
            return .error("duplicate key '\(key)'\(first)", at: location, hint: "a key may appear only once in a mapping")
        }
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int,
                           atEndOfText: (Mark) -> Bool = { _ in false }) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + lineOffset))"
                if atEndOfText(mark), context.mark.line >= 1 { return .error(message, at: at(context.mark)) }
            }
            return .error(message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error("cannot read YAML: \(problem)", at: SourceLocation(file: file, line: lineOffset + 1))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }

    /// Where the whole mapping starts.
    public var location: SourceLocation {
        Self.location(of: root, file: file, lineOffset: lineOffset) ?? SourceLocation(file: file, line: lineOffset + 1, column: 1)
    }

    /// Where `node` is in the file.
    public func location(of node: Node) -> SourceLocation {
        Self.location(of: node, file: file, lineOffset: lineOffset) ?? location
    }

    /// The value node under `key`, if present.
    public func node(_ key: String) -> Node? {
        mapping[key]
    }

    /// The keys of the mapping with their positions, in file order.
    public var keys: [(String, SourceLocation)] {
        mapping.keys.map { key in
            (key.scalar?.string ?? "(a \(Self.kind(of: key)) used as a key)", location(of: key))
        }
    }

    /// Warns about keys that are not in `allowed` (usually a typo).
    public func reportUnknownKeys(allowed: [String], diagnostics: inout Diagnostics) {
        for (key, location) in keys where !allowed.contains(key) {
            let suggestion = allowed.min { editDistance($0, key) < editDistance($1, key) }
            let hint = suggestion.flatMap { editDistance($0, key) <= 3 ? "did you mean '\($0)'?" : nil }
            diagnostics.warning("unknown key '\(key)'", at: location,
                                hint: hint ?? "known keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// A string value. Numbers and dates are accepted as their text.
    public func string(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> String? {
        guard let value = mapping[key] else {
            if required { diagnostics.error("missing required key '\(key)'", at: location) }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.error("'\(key)' must be a text, not a \(Self.kind(of: value))", at: location(of: value))
            return nil
        }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            if required { diagnostics.error("'\(key)' is empty", at: location(of: value)) }
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.isEmpty, required {
            diagnostics.error("'\(key)' is empty", at: location(of: value))
            return nil
        }
        return text
    }

    /// A boolean (`true`/`false`, also `ja`/`nej`), or `defaultValue` when absent.
    public func bool(_ key: String, default defaultValue: Bool, diagnostics: inout Diagnostics) -> Bool {
        guard let value = mapping[key] else { return defaultValue }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nej": return false
        default:
            diagnostics.error("'\(key)' must be true or false", at: location(of: value))
            return defaultValue
        }
    }

    /// A whole number.
    public func integer(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> Int? {
        guard let value = mapping[key] else {
            if required { diagnostics.error("missing required key '\(key)'", at: location) }
            return nil
        }
        guard let text = value.scalar?.string, let number = Int(text) else {
            diagnostics.error("'\(key)' must be a whole number", at: location(of: value))
            return nil
        }
        return number
    }

    /// An ISO date `YYYY-MM-DD`.
    public func date(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> ISODate? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard let date = ISODate(text) else {
            diagnostics.error("'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: location(of: mapping[key] ?? root))
            return nil
        }
        return date
    }

    /// The sequence under `key`, each element as a nested document when it is a mapping.
    public func sequence(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> [YAMLDocument]? {
        guard let value = mapping[key] else {
            if required { diagnostics.error("missing required key '\(key)'", at: location) }
            return nil
        }
        guard let sequence = value.sequence else {
            diagnostics.error("'\(key)' must be a list", at: location(of: value))
            return nil
        }
        var elements: [YAMLDocument] = []
        for element in sequence {
            guard let mapping = element.mapping else {
                diagnostics.error("each entry of '\(key)' must be a mapping of keys and values", at: location(of: element))
                continue
            }
            elements.append(YAMLDocument(mapping: mapping, root: element, file: file, lineOffset: lineOffset))
        }
        return elements
    }

    /// The location of the value under `key`, or of the mapping.
    public func location(ofValue key: String) -> SourceLocation {
        mapping[key].map { location(of: $0) } ?? location
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        case .scalar: return "text"
        }
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
