/// A small, seeded generator (SplitMix64) for property tests: every run, on every machine,
/// tries the same inputs.
///
/// ```swift
/// var random = SeededRandom(state: 42)
/// let n = random.below(10)
/// ```
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(state: UInt64) { self.state = state }
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    /// True `percent` times in 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
