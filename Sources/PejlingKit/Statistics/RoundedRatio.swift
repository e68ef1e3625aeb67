/// A ratio of whole numbers rounded to a whole number, decided in whole numbers: never on a
/// binary float, where 100 × 1/8 is 12.5 but 100 × 0.145 is 14.499999999999998.
///
/// ```swift
/// RoundedRatio.halfUp(25, 2)              // 13
/// RoundedRatio.halfUp(-25, 2)             // -12
/// RoundedRatio.halfAwayFromZero(-25, 2)   // -13
/// ```
enum RoundedRatio {
    /// `numerator / denominator` rounded to a whole number, a half up (toward +∞); `nil`
    /// when `denominator` is 0 or a magnitude is beyond 2¹²⁰.
    static func halfUp(_ numerator: Int128, _ denominator: Int128) -> Int128? {
        guard denominator != 0, numerator.magnitude < 1 << 120, denominator.magnitude < 1 << 120 else { return nil }
        let (n, d) = denominator > 0 ? (numerator, denominator) : (-numerator, -denominator)
        // round(n / d), a half up, is ⌊(2n + d) / 2d⌋ for d > 0.
        let (quotient, remainder) = (2 * n + d).quotientAndRemainder(dividingBy: 2 * d)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// `numerator / denominator` rounded to a whole number, a half away from zero; `nil`
    /// when `denominator` is 0 or a magnitude is beyond 2¹²⁰.
    static func halfAwayFromZero(_ numerator: Int128, _ denominator: Int128) -> Int128? {
        guard numerator.magnitude < 1 << 120, denominator.magnitude < 1 << 120,
              let magnitude = halfUp(Int128(numerator.magnitude), Int128(denominator.magnitude))
        else { return nil }
        return (numerator < 0) != (denominator < 0) ? -magnitude : magnitude
    }
}
