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
struct YAMLDocument {
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
            diagnostics.error("YAML-teksten kan ikke læses: \(error)", at: SourceLocation(file: file))
            return nil
        }
        let start = SourceLocation(file: file, line: lineOffset + 1, column: 1)
        guard let node else {
            diagnostics.error("YAML-teksten er tom; der skal stå nøgler med værdier, fx 'titel: …'", at: start)
            return nil
        }
        guard let mapping = node.mapping else {
            diagnostics.error("øverste niveau skal være nøgler med værdier, fx 'titel: …'", at: location(of: node, file: file, lineOffset: lineOffset) ?? start)
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
            let first = uses.first.map { " (første gang i linje \($0.line + lineOffset))" } ?? ""
            return .error("nøglen '\(key)' står to gange\(first)", at: location, hint: "en nøgle må kun stå én gang")
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
            var message = "ugyldig YAML: \(YAMLDocument.danish(problem))"
            // A syntax error stops the reading: say so, so that nobody takes the rest for fine.
            let hint = "resten af filen kontrolleres, når denne fejl er rettet"
            if let context {
                message += " (\(YAMLDocument.danish(context.text)) i linje \(context.mark.line + lineOffset))"
                if atEndOfText(mark), context.mark.line >= 1 { return .error(message, at: at(context.mark), hint: hint) }
            }
            return .error(message, at: at(mark), hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("nøglen står to gange: \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error("YAML-teksten kan ikke læses: \(YAMLDocument.danish(problem))", at: SourceLocation(file: file, line: lineOffset + 1))
        default:
            return .error("ugyldig YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
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
            (key.scalar?.string ?? "(\(Self.kind(of: key)) brugt som nøgle)", location(of: key))
        }
    }

    /// Warns about keys that are not in `allowed` (usually a typo).
    public func reportUnknownKeys(allowed: [String], diagnostics: inout Diagnostics) {
        for (key, location) in keys where !allowed.contains(key) {
            diagnostics.warning("ukendt nøgle '\(key)'; den bliver ikke brugt", at: location,
                                hint: Suggestion.hint(for: key, among: allowed)
                                    ?? "de kendte nøgler er \(Suggestion.list(allowed, conjunction: "og"))")
        }
    }

    /// A string value. Numbers and dates are accepted as their text.
    public func string(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> String? {
        guard let value = mapping[key] else {
            if required { diagnostics.error("nøglen '\(key)' mangler; den skal være der", at: location) }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.error("'\(key)' skal være en tekst, ikke \(Self.kind(of: value))", at: location(of: value))
            return nil
        }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            if required { diagnostics.error("'\(key)' er tom; der skal stå en værdi", at: location(of: value)) }
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        if text.isEmpty, required {
            diagnostics.error("'\(key)' er tom; der skal stå en værdi", at: location(of: value))
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
            diagnostics.error("'\(key)' skal være true eller false", at: location(of: value))
            return defaultValue
        }
    }

    /// A whole number.
    public func integer(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> Int? {
        guard let value = mapping[key] else {
            if required { diagnostics.error("nøglen '\(key)' mangler; den skal være der", at: location) }
            return nil
        }
        guard let text = value.scalar?.string, let number = Int(text) else {
            diagnostics.error("'\(key)' skal være et helt tal", at: location(of: value))
            return nil
        }
        return number
    }

    /// An ISO date `YYYY-MM-DD`.
    public func date(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> ISODate? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard let date = ISODate(text) else {
            diagnostics.error(ISODate.problem(with: text, key: key), at: location(of: mapping[key] ?? root),
                              hint: ISODate.hint(for: text))
            return nil
        }
        return date
    }

    /// The sequence under `key`, each element as a nested document when it is a mapping.
    public func sequence(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> [YAMLDocument]? {
        guard let value = mapping[key] else {
            if required { diagnostics.error("nøglen '\(key)' mangler; den skal være der", at: location) }
            return nil
        }
        guard let sequence = value.sequence else {
            diagnostics.error("'\(key)' skal være en liste", at: location(of: value))
            return nil
        }
        var elements: [YAMLDocument] = []
        for element in sequence {
            guard let mapping = element.mapping else {
                diagnostics.error("hvert punkt i '\(key)' skal være nøgler med værdier", at: location(of: element))
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
        case .mapping: return "nøgler med værdier"
        case .sequence: return "en liste"
        case .alias: return "et alias"
        case .scalar: return "en tekst"
        }
    }
}

extension YAMLDocument {
    /// libYAML's problem and context texts in Danish, for the messages people read; a text
    /// not in the table (a libYAML version may add one) is shown as libYAML wrote it.
    ///
    /// ```swift
    /// YAMLDocument.danish("could not find expected ':'")  // "der mangler et ':' efter nøglen"
    /// ```
    static func danish(_ text: String) -> String {
        libYAMLTexts[text] ?? text
    }

    static let libYAMLTexts: [String: String] = [
        "found character that cannot start any token": "et tegn, der ikke kan stå her (er teksten sat i anførselstegn?)",
        "mapping values are not allowed in this context": "et kolon, der ikke kan stå her (sæt teksten i anførselstegn)",
        "could not find expected ':'": "der mangler et ':' efter nøglen",
        "did not find expected key": "der står ikke en nøgle, hvor der skulle stå en (er indrykningen rigtig?)",
        "did not find expected '-' indicator": "der mangler et '-' foran punktet i listen",
        "did not find expected node content": "der mangler en værdi",
        "did not find expected ',' or ']'": "der mangler ',' eller ']'",
        "did not find expected ',' or '}'": "der mangler ',' eller '}'",
        "did not find expected <document start>": "der mangler '---' før det næste dokument",
        "found unexpected end of stream": "filen slutter, før teksten er afsluttet",
        "found unknown escape character": "et ukendt tegn efter '\\'",
        "found a tab character that violates indentation": "et tabulatortegn i indrykningen; ryk ind med mellemrum",
        "found a tab character where an indentation space is expected": "et tabulatortegn i indrykningen; ryk ind med mellemrum",
        "found unexpected ':'": "et kolon, der ikke kan stå her",
        "block sequence entries are not allowed in this context": "et punkt i en liste, der ikke kan stå her (er indrykningen rigtig?)",
        "found unexpected document indicator": "'---' eller '...' midt i en tekst",
        "found undefined alias": "et alias (*navn), der ikke er defineret",
        "found undefined tag handle": "en ukendt tag (!)",
        "control characters are not allowed": "styretegn er ikke tilladt",
        "invalid leading UTF-8 octet": "ugyldig UTF-8",
        "incomplete UTF-8 octet sequence": "ugyldig UTF-8",
        "invalid trailing UTF-8 octet": "ugyldig UTF-8",
        "while scanning a simple key": "i en nøgle",
        "while scanning a plain scalar": "i en tekst",
        "while scanning a quoted scalar": "i en tekst i anførselstegn, der begynder",
        "while scanning a block scalar": "i en tekstblok, der begynder",
        "while parsing a block mapping": "i nøglerne, der begynder",
        "while parsing a block collection": "i listen, der begynder",
        "while parsing a flow sequence": "i listen, der begynder",
        "while parsing a flow mapping": "i nøglerne, der begynder",
        "while parsing a flow node": "i værdien, der begynder",
        "while parsing a node": "i værdien, der begynder",
        "while scanning an anchor": "i et anker (&navn)",
        "while scanning an alias": "i et alias (*navn)",
        "while scanning a tag": "i en tag (!)",
        "while scanning a directive": "i et direktiv (%)",
    ]
}
