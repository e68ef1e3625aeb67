import Foundation

/// What a build wrote and from which inputs: stored as `.pejling-manifest.json` in the
/// output, it marks the folder as pejling's and lets the next build skip unchanged work.
public struct BuildManifest: Sendable, Hashable, Codable {
    /// Format version of this file.
    public var version = 1
    /// The files written, by relative path, with a hash of their bytes.
    public var files: [String: String]
    /// Input fingerprints by municipality slug (`""`: site-wide files), plus templates.
    public var inputs: [String: [String: String]]
    /// The options that shape output (drafts, selection).
    public var options: [String: String]

    public init(files: [String: String] = [:], inputs: [String: [String: String]] = [:], options: [String: String] = [:]) {
        self.files = files
        self.inputs = inputs
        self.options = options
    }

    init?(json bytes: [UInt8]) {
        guard let manifest = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes)) else { return nil }
        self = manifest
    }

    /// Sorted keys, so the same build writes the same bytes.
    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    static func hash(_ bytes: [UInt8]) -> String {
        let value = StableHash.fnv1a(bytes)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
