/// A stable 64-bit hash, for fingerprints that must be the same on every run and machine:
/// MurmurHash64A (Austin Appleby, public domain) over little-endian 8-byte words, about
/// eight times faster than a byte-at-a-time hash on a page's worth of bytes. Not for secrets.
///
/// ```swift
/// let first = StableHash.hash(Array("abc".utf8))      // same value on every machine and run
/// let chained = StableHash.hash(Array("def".utf8), seed: first)
/// ```
enum StableHash {
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
