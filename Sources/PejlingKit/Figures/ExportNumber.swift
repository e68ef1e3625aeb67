import Foundation

/// Numbers for data.json and data.csv, written digit by digit the same way on every
/// machine (C's `printf` rounding, no locale).
///
/// ```swift
/// ExportNumber.fraction(6.0 / 17)          // "0.35294"
/// ExportNumber.significant(0.000233773)    // "0.0002338"
/// ExportNumber.fixed(23.529, decimals: 1)  // "23.5"
/// ExportNumber.tenths(-63)                 // "-6.3"
/// ```
enum ExportNumber {
    /// A number with exactly `decimals` decimals and `.` as the decimal mark; never `-0.0`.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "null" }
        if let text = exactFixed(x, decimals: decimals) { return text }
        let text = printf("%.*f", Int32(max(0, min(decimals, 40))), x)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// A whole number of tenths as a decimal with one decimal: `235` → `"23.5"`, `-63` →
    /// `"-6.3"`, `0` → `"0.0"`. For numbers already rounded exactly (as
    /// ``Comparison/differenceTenths``), so nothing is rounded here.
    static func tenths(_ value: Int) -> String {
        let magnitude = value.magnitude
        return (value < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// A share or interval bound 0–1: five decimals, more when needed for four significant
    /// digits (`0.00012345`); 0 and 1 as `0.00000` and `1.00000`.
    static func fraction(_ x: Double) -> String {
        fixed(x, decimals: max(5, decimalsForSignificant(x, digits: 4)))
    }

    /// A p-value to four significant digits without an exponent (`0.3028`, `1.000`,
    /// `0.0002338`); below 1e-15, four significant digits with an exponent (`1.234e-20`).
    static func significant(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == 0 { return "0" }
        if abs(x) < 1e-15 { return printf("%.*e", Int32(3), x) }
        return fixed(x, decimals: decimalsForSignificant(x, digits: 4))
    }

    /// ``fixed(_:decimals:)`` computed in integers, byte for byte what `printf("%.*f")` writes
    /// (it rounds the double's exact binary value, a tie to even), without its `-0`; `nil`
    /// where the exact product does not fit 128 bits (then `printf` itself is asked).
    ///
    /// A finite double is `m × 2^e` exactly; `x × 10^d` is then `m × 10^d / 2^-e`, whose
    /// quotient and remainder decide the rounding without any error.
    static func exactFixed(_ x: Double, decimals: Int) -> String? {
        guard x.isFinite, decimals >= 0, decimals <= 22 else { return nil }
        let magnitude = x.magnitude
        var scaled: UInt128
        if magnitude == 0 {
            scaled = 0
        } else {
            let significand = UInt128(magnitude.significandBitPattern)
                | (magnitude.isNormal ? UInt128(1) << 52 : 0)
            let exponent = magnitude.isNormal ? Int(magnitude.exponent) - 52 : -1074
            var power: UInt128 = 1
            for _ in 0..<decimals { power *= 10 }
            // significand < 2^53 and 10^22 < 2^74: the product fits.
            let product = significand * power
            if exponent >= 0 {
                guard exponent < 128, product.leadingZeroBitCount > exponent else { return nil }
                scaled = product << exponent
            } else {
                let shift = -exponent
                guard shift < 128 else { return nil }
                scaled = product >> shift
                let remainder = product & ((UInt128(1) << shift) - 1)
                let half = UInt128(1) << (shift - 1)
                if remainder > half || (remainder == half && scaled & 1 == 1) { scaled += 1 }
            }
        }
        // Digits, least significant first, at least decimals + 1 of them.
        var digits: [UInt8] = []
        digits.reserveCapacity(48)
        var rest = scaled
        repeat {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count < decimals + 1 { digits.append(48) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 2)
        if x.sign == .minus, scaled != 0 { out.append(0x2D) }
        for index in stride(from: digits.count - 1, through: 0, by: -1) {
            out.append(digits[index])
            if index == decimals, decimals > 0 { out.append(0x2E) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// C's `vsnprintf` in the C locale's number format (pejling never calls `setlocale`), without
    /// Foundation's slower `String(format:)`.
    static func printf(_ format: String, _ precision: Int32, _ x: Double) -> String {
        withVaList([precision, x]) { arguments in
            var buffer = [CChar](repeating: 0, count: 400)
            let length = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 400, format, arguments) }
            guard length >= 0 else { return "null" }
            return String(decoding: buffer.prefix(Int(min(length, 399))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Decimals that show `digits` significant digits of `x`.
    static func decimalsForSignificant(_ x: Double, digits: Int) -> Int {
        guard x.isFinite, x != 0 else { return 0 }
        let exponent = Int(log10(abs(x)).rounded(.down))
        return max(0, digits - 1 - exponent)
    }

    /// The same number with a decimal comma, as Danish Excel reads it.
    static func danish(_ text: String) -> String {
        guard text.utf8.contains(0x2E) else { return text }
        return String(decoding: text.utf8.map { $0 == 0x2E ? 0x2C : $0 }, as: UTF8.self)
    }
}
