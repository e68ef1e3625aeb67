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
    /// comes instead of holding it whole at the end of a build. The municipalities' entries are
    /// written on `jobs` threads, a few hundred at a time; the bytes do not depend on `jobs`.
    func json(jobs: Int = 1, _ write: (String) throws -> Void) throws {
        let piece = 1 << 20
        var out = ""
        out.reserveCapacity(piece + 64 * 1024)
        out += "{\n  \"key\" : "
        JSONText.append(key, to: &out)
        out += ",\n  \"municipalities\" : {"
        let slugs = municipalities.keys.sorted()
        let group = 256
        let groups = stride(from: 0, to: slugs.count, by: group).map { $0..<min($0 + group, slugs.count) }
        let batch = max(1, jobs) * 2
        for first in stride(from: 0, to: groups.count, by: batch) {
            let texts = ParallelMap.map(Array(groups[first..<min(first + batch, groups.count)]), jobs: jobs) { range in
                Result<String, any Error> {
                    var text = ""
                    for index in range {
                        guard let entry = municipalities[slugs[index]] else { continue }
                        text += index == 0 ? "\n    " : ",\n    "
                        try Self.appendEntry(entry, slug: slugs[index], to: &text)
                    }
                    return text
                }
            }
            for text in texts {
                out += try text.get()
                if out.utf8.count >= piece {
                    try write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        out += municipalities.isEmpty ? "}" : "\n  }"
        if let overview {
            out += ",\n  \"overview\" : "
            JSONText.append(overview, to: &out)
        }
        out += ",\n  \"shared\" : "
        Self.appendHashes(shared, indent: "  ", to: &out)
        out += ",\n  \"version\" : \(version),\n  \"warnings\" : "
        out += try Self.json(warnings)
        out += "\n}\n"
        try write(out)
    }

    /// `"slug" : {"files" : …, "input" : …, "summary" : …}`, laid out as ``EntryLines`` reads it.
    private static func appendEntry(_ entry: Entry, slug: String, to out: inout String) throws {
        JSONText.append(slug, to: &out)
        out += " : {\n      \"files\" : "
        appendHashes(entry.files, indent: "      ", to: &out)
        out += ",\n      \"input\" : "
        JSONText.append(entry.input, to: &out)
        if let summary = entry.summary {
            out += ",\n      \"summary\" : "
            try summary.appendJSON(to: &out, indent: "      ")
        }
        out += "\n    }"
    }

    private static func appendHashes(_ hashes: [String: String], indent: String, to out: inout String) {
        guard !hashes.isEmpty else { return out += "{}" }
        out += "{\n"
        for (index, path) in hashes.keys.sorted().enumerated() {
            out += indent + "  "
            JSONText.append(path, to: &out)
            out += " : "
            JSONText.append(hashes[path] ?? "", to: &out)
            out += index == hashes.count - 1 ? "\n" : ",\n"
        }
        out += indent + "}"
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
