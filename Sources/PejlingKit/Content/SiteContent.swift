/// Everything a build reads from `content/`, loaded and validated.
public struct SiteContent: Sendable, Hashable {
    public var config: SiteConfig
    public var catalogue: CriteriaCatalogue
    /// Sorted by slug, so that output never depends on the order of a directory listing.
    public var municipalities: [Municipality]
    /// A fingerprint of each input file that a municipality's pages depend on, by slug;
    /// `""` holds the site-wide files (site.yml, kriterier.yml).
    public var inputFingerprints: [String: [String: UInt64]]

    public init(config: SiteConfig, catalogue: CriteriaCatalogue, municipalities: [Municipality],
                inputFingerprints: [String: [String: UInt64]] = [:]) {
        self.config = config
        self.catalogue = catalogue
        self.municipalities = municipalities
        self.inputFingerprints = inputFingerprints
    }

    /// The municipalities that `selectors` (slugs or codes, as `--only` takes them) name;
    /// all when `selectors` is empty. An unknown selector is an error.
    public func selecting(_ selectors: [String], diagnostics: inout Diagnostics) -> [Municipality] {
        Self.reportUnknownSelectors(selectors, among: municipalities, diagnostics: &diagnostics)
        return municipalities.filter { $0.isSelected(by: selectors) }
    }

    /// An error for each `--only` selector that names no municipality in `municipalities`
    /// (those the build shows); one that names a municipality of `drafts` (loaded, but left
    /// out because its analysis is a draft) says so, and that `--drafts` includes it.
    static func reportUnknownSelectors(_ selectors: [String], among municipalities: [Municipality],
                                       drafts: [Municipality] = [], diagnostics: inout Diagnostics) {
        for selector in selectors where !municipalities.contains(where: { $0.isSelected(by: [selector]) }) {
            if let draft = drafts.first(where: { $0.isSelected(by: [selector]) }) {
                diagnostics.error("--only \(selector): \(draft.name) (kommuner/\(draft.slug)) er en kladde og kommer kun med, "
                                  + "når kladder tages med",
                                  at: SourceLocation(file: "--only"),
                                  hint: "tilføj --drafts, eller fjern 'kladde: true' fra analyse.md, når rapporten er klar")
            } else {
                diagnostics.error("--only \(selector): indholdet har ingen kommune med det navn (slug) eller den kode",
                                  at: SourceLocation(file: "--only"))
            }
        }
    }
}

/// A stable 64-bit hash, for fingerprints that must be the same on every run and machine:
/// MurmurHash64A (Austin Appleby, public domain) over little-endian 8-byte words, about
/// eight times faster than a byte-at-a-time hash on a page's worth of bytes. Not for secrets.
///
/// ```swift
/// let first = StableHash.hash(Array("abc".utf8))      // same value on every machine and run
/// let chained = StableHash.hash(Array("def".utf8), seed: first)
/// ```
public enum StableHash {
    /// The seed of a hash that continues no other.
    public static let initialSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    public static func hash(_ bytes: [UInt8], seed: UInt64 = initialSeed) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = initialSeed) -> UInt64 {
        let multiplier: UInt64 = 0xc6a4_a793_5bd1_e995
        let shift: UInt64 = 47
        let count = bytes.count
        var hash = seed ^ (UInt64(count) &* multiplier)
        let words = count / 8
        for word in 0..<words {
            var k = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            k = k &* multiplier
            k ^= k >> shift
            k = k &* multiplier
            hash ^= k
            hash = hash &* multiplier
        }
        if count % 8 > 0 {
            var tail: UInt64 = 0
            for index in (words * 8)..<count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - words * 8)) }
            hash ^= tail
            hash = hash &* multiplier
        }
        hash ^= hash >> shift
        hash = hash &* multiplier
        hash ^= hash >> shift
        return hash
    }
}
