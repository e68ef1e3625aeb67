extension BuildManifest {
    /// Reads a manifest that ``json(_:)`` wrote; nil for anything else (another format
    /// version, a file edited by hand), and the build then renders everything.
    ///
    /// Read with pejling's own ``JSONParser`` and taken apart by hand, not with Foundation's
    /// `JSONDecoder`: at 10,000 municipalities the manifest is 14 MB, and the decoder's keyed
    /// containers made reading it the largest part of a rebuild after one change. Each
    /// municipality's entry is parsed on its own (``EntryLines``), so that no tree of the whole
    /// file is ever held.
    ///
    /// ```swift
    /// let manifest = BuildManifest(json: Array(text.utf8))
    /// manifest?.municipalities["egelund"]?.files   // ["egelund/index.html": "4eba920e162735c4", …]
    /// ```
    init?(json bytes: [UInt8]) {
        guard let split = EntryLines(bytes) else { return nil }
        let (root, diagnostics) = JSONParser.parse(split.rest, file: OutputFolder.manifestName)
        guard diagnostics.isEmpty, let root, case .object(let members) = root.value,
              let version = root["version"]?.value.int, version == 3,
              let key = root["key"]?.value.string,
              let shared = root["shared"].flatMap({ Self.hashes($0.value) }),
              let warnings = root["warnings"].flatMap({ Self.diagnostics($0.value) }),
              case .object(let others)? = root["municipalities"]?.value, others.isEmpty else { return nil }
        self.init(key: key, shared: shared, warnings: warnings)
        if let overview = members.first(where: { $0.key == "overview" })?.value {
            guard let text = overview.value.string else { return nil }
            self.overview = text
        }
        municipalities.reserveCapacity(split.entries.count)
        for lines in split.entries {
            let (node, problems) = JSONParser.parse([UInt8(ascii: "{")] + lines + [UInt8(ascii: "}")], file: OutputFolder.manifestName)
            guard problems.isEmpty, case .object(let member)? = node?.value, member.count == 1,
                  let entry = Entry(member[0].value), municipalities[member[0].key] == nil else { return nil }
            municipalities[member[0].key] = entry
        }
    }

    /// A manifest split where ``json(_:)`` puts each municipality's entry on lines of its own,
    /// four spaces in (`    "egelund" : {` … `    }`), inside `"municipalities" : {` … `  }`:
    /// the entries, and the rest of the file with an empty `municipalities`. JSON text never
    /// holds a raw line break inside a string, so lines are a safe place to cut; a file laid out
    /// otherwise does not split and is not read.
    struct EntryLines {
        var entries: [ArraySlice<UInt8>] = []
        var rest: [UInt8] = []

        init?(_ bytes: [UInt8]) {
            let opening = Array(#"  "municipalities" : {"#.utf8)
            let entryStart = Array(#"    ""#.utf8)
            let entryEnd = Array("    }".utf8)
            let closing = Array("  }".utf8)
            var inside = false
            var entry: Int?
            var lineStart = 0
            rest.reserveCapacity(64 * 1024)
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = bytes[lineStart..<lineEnd]
                let next = Swift.min(lineEnd + 1, bytes.count)
                if let start = entry {
                    if line.elementsEqual(entryEnd) || line.elementsEqual(entryEnd + [UInt8(ascii: ",")]) {
                        entries.append(bytes[start..<lineStart + entryEnd.count])
                        entry = nil
                    }
                } else if inside, line.starts(with: entryStart) {
                    entry = lineStart
                } else {
                    if inside, line.starts(with: closing) { inside = false }
                    if line.elementsEqual(opening) { inside = true }
                    rest += bytes[lineStart..<next]
                }
                lineStart = next
            }
            guard entry == nil, !inside else { return nil }
        }
    }

    /// `{"path": "hash", …}`
    static func hashes(_ value: JSONValue) -> [String: String]? {
        guard case .object(let members) = value else { return nil }
        var hashes: [String: String] = [:]
        hashes.reserveCapacity(members.count)
        for member in members {
            guard let hash = member.value.value.string else { return nil }
            hashes[member.key] = hash
        }
        return hashes
    }

    /// A list of diagnostics as ``json(_:)-swift.type.method`` writes them.
    static func diagnostics(_ value: JSONValue) -> [Diagnostic]? {
        guard case .array(let items) = value else { return nil }
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let severity = item["severity"]?.value.string.flatMap(Diagnostic.Severity.init(rawValue:)),
                  let message = item["message"]?.value.string,
                  let location = item["location"].flatMap({ Self.location($0.value) }),
                  let hint = Self.optional(item["hint"], \.string) else { return nil }
            diagnostics.append(Diagnostic(severity: severity, message: message, location: location, hint: hint))
        }
        return diagnostics
    }

    /// `{"file": …, "line": …, "column": …, "cell": …}`, all but `file` optional.
    static func location(_ value: JSONValue) -> SourceLocation? {
        guard let file = value["file"]?.value.string,
              let line = optional(value["line"], \.int), let column = optional(value["column"], \.int),
              let cell = optional(value["cell"], \.string) else { return nil }
        return SourceLocation(file: file, line: line, column: column, cell: cell)
    }

    /// An optional field: `.some(nil)` when it is absent or null, nil when it has another type.
    static func optional<Value>(_ node: JSONNode?, _ value: (JSONValue) -> Value?) -> Value?? {
        guard let node, node.value != .null else { return .some(nil) }
        return value(node.value).map { .some($0) }
    }
}

extension BuildManifest.Entry {
    init?(_ node: JSONNode) {
        guard let input = node["input"]?.value.string, let files = node["files"].flatMap({ BuildManifest.hashes($0.value) }) else {
            return nil
        }
        var summary: BuildManifest.Summary?
        if let kept = node["summary"], kept.value != .null {
            guard let read = BuildManifest.Summary(kept) else { return nil }
            summary = read
        }
        self.init(input: input, files: files, summary: summary)
    }
}

extension BuildManifest.Summary {
    init?(_ node: JSONNode) {
        typealias Manifest = BuildManifest
        guard case .array(let kept)? = node["reports"]?.value,
              let code = Manifest.optional(node["code"], \.int),
              let codeLocation = Manifest.optional(node["codeLocation"], Manifest.location),
              let homepage = Manifest.optional(node["homepage"], \.string),
              let isExample = node["isExample"]?.value.bool,
              let location = node["location"].flatMap({ Manifest.location($0.value) }),
              let name = node["name"]?.value.string,
              let slug = node["slug"]?.value.string,
              let warnings = node["warnings"].flatMap({ Manifest.diagnostics($0.value) }) else { return nil }
        var reports: [ReportSummary] = []
        for report in kept {
            guard let kind = report["kind"]?.value.string, let title = report["title"]?.value.string,
                  let date = report["date"]?.value.string,
                  let measurementPath = Manifest.optional(report["measurementPath"], \.string),
                  let isDraft = report["isDraft"]?.value.bool,
                  let bodyLocation = report["bodyLocation"].flatMap({ Manifest.location($0.value) }),
                  let dateLocation = report["dateLocation"].flatMap({ Manifest.location($0.value) }),
                  let measurementPathLocation = report["measurementPathLocation"].flatMap({ Manifest.location($0.value) }) else {
                return nil
            }
            reports.append(ReportSummary(kind: kind, title: title, date: date, measurementPath: measurementPath, isDraft: isDraft,
                                         bodyLocation: bodyLocation, dateLocation: dateLocation,
                                         measurementPathLocation: measurementPathLocation))
        }
        self.init(slug: slug, code: code, name: name, homepage: homepage, isExample: isExample, location: location,
                  codeLocation: codeLocation, reports: reports, warnings: warnings)
    }
}

private extension JSONValue {
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int: Int? {
        if case .number(let number) = self, number.isInteger { return number.intValue }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}
