import Foundation

/// What a build wrote and from which inputs: stored as `.pejling-manifest.json` in the
/// output, it marks the folder as pejling's and lets the next build skip unchanged work.
///
/// ```swift
/// if let previous = OutputFolder(path: "output").currentManifest(),
///    previous.key == fingerprints.key(options: options) { /* nothing changed */ }
/// ```
struct BuildManifest: Sendable, Hashable {
    /// What one municipality's files were made from, and what they were.
    public struct Entry: Sendable, Hashable {
        /// The fingerprint of its inputs, the site-wide inputs, the templates and the options.
        public var input: String
        /// Its files, by path relative to the output, with a hash of their bytes.
        public var files: [String: String]
        /// What the overview and the checks across municipalities need of it, and its warnings.
        public var summary: Summary?

        public init(input: String, files: [String: String], summary: Summary? = nil) {
            self.input = input
            self.files = files
            self.summary = summary
        }
    }

    /// Format version of this file (3: with each municipality's summary).
    public var version = 3
    /// The fingerprint of every input and option of the build as a whole.
    public var key: String
    /// Per municipality slug.
    public var municipalities: [String: Entry]
    /// The site-wide files (overview, assets), by path, with a hash of their bytes.
    public var shared: [String: String]
    /// A fingerprint of everything the overview (`index.html`) was made from: a rebuild whose
    /// overview would be the same takes the file over instead of rendering it.
    public var overview: String?
    /// The warnings of the build, shown again when a rebuild finds nothing changed.
    public var warnings: [Diagnostic]

    public init(key: String, municipalities: [String: Entry] = [:], shared: [String: String] = [:], warnings: [Diagnostic] = []) {
        self.key = key
        self.municipalities = municipalities
        self.shared = shared
        self.warnings = warnings
    }

    /// Sorted keys, so the same build writes the same bytes. Written out by hand into one
    /// buffer: Foundation's encoder builds the whole document as objects first, which for
    /// 10,000 municipalities took tens of megabytes at the end of a build.
    func json() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try json { bytes += $0.utf8 }
        return bytes
    }

    /// ``json()`` in pieces of about a mebibyte, handed to `write` in order: at 10,000
    /// municipalities the manifest is over ten megabytes, which ``OutputFolder`` writes as it
    /// comes instead of holding it whole at the end of a build.
    func json(_ write: (String) throws -> Void) throws {
        let piece = 1 << 20
        var out = ""
        out.reserveCapacity(piece + 64 * 1024)
        func append(_ text: String) { out += text }
        func appendString(_ text: String) { JSONText.append(text, to: &out) }
        func appendHashes(_ hashes: [String: String], indent: String) {
            guard !hashes.isEmpty else { return append("{}") }
            append("{\n")
            for (index, path) in hashes.keys.sorted().enumerated() {
                append(indent + "  ")
                appendString(path)
                append(" : ")
                appendString(hashes[path] ?? "")
                append(index == hashes.count - 1 ? "\n" : ",\n")
            }
            append(indent + "}")
        }
        append("{\n  \"key\" : ")
        appendString(key)
        append(",\n  \"municipalities\" : {")
        for (index, slug) in municipalities.keys.sorted().enumerated() {
            guard let entry = municipalities[slug] else { continue }
            append(index == 0 ? "\n    " : ",\n    ")
            appendString(slug)
            append(" : {\n      \"files\" : ")
            appendHashes(entry.files, indent: "      ")
            append(",\n      \"input\" : ")
            appendString(entry.input)
            if let summary = entry.summary {
                append(",\n      \"summary\" : ")
                try summary.appendJSON(to: &out, indent: "      ")
            }
            append("\n    }")
            if out.utf8.count >= piece {
                try write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        append(municipalities.isEmpty ? "}" : "\n  }")
        if let overview {
            append(",\n  \"overview\" : ")
            appendString(overview)
        }
        append(",\n  \"shared\" : ")
        appendHashes(shared, indent: "  ")
        append(",\n  \"version\" : \(version),\n  \"warnings\" : ")
        out += try Self.json(warnings)
        append("\n}\n")
        try write(out)
    }

    /// Diagnostics as the manifest keeps them (the build's, and each municipality's): sorted
    /// keys, slashes as they are.
    static func json(_ warnings: [Diagnostic]) throws -> String {
        guard !warnings.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(warnings), as: UTF8.self)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
