import Testing
@testable import PejlingKit

@Suite("Stable hash")
struct StableHashTests {
    /// Values from an independent MurmurHash64A in Python (seed 0xcbf29ce484222325): an empty
    /// input, a tail only, one whole word, and words with a tail of multi-byte UTF-8.
    @Test("known values", arguments: [
        ("", 0x4cf3_e9ec_390a_6a27 as UInt64),
        ("abc", 0x029b_15d1_c253_55bc),
        ("abcdefgh", 0x1a93_d8de_c913_d7f9),
        ("Sagsbehandling i æøå kommune", 0x134b_9fcf_67c1_a222),
    ])
    func knownValues(text: String, expected: UInt64) {
        #expect(StableHash.hash(Array(text.utf8)) == expected)
    }

    @Test("a seed chains one hash into the next")
    func chained() {
        #expect(StableHash.hash(Array("def".utf8), seed: StableHash.hash(Array("abc".utf8))) == 0x8fab_25d6_5724_c93f)
    }

    @Test("one changed byte anywhere changes the hash")
    func sensitive() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let bytes = (0..<(1 + random.below(100))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var changed = bytes
            let index = random.below(bytes.count)
            changed[index] ^= UInt8(1 + random.below(255))
            #expect(StableHash.hash(bytes) != StableHash.hash(changed))
        }
    }
}
