import Foundation

/// Numbers for data.json and data.csv, written digit by digit the same way on every
/// machine (C's `printf` rounding, no locale).
///
/// ```swift
/// ExportNumber.fraction(6.0 / 17)          // "0.35294"
/// ExportNumber.significant(0.000233773)    // "0.0002338"
/// ExportNumber.fixed(23.529, decimals: 1)  // "23.5"
/// ```
enum ExportNumber {
    /// A number with exactly `decimals` decimals and `.` as the decimal mark; never `-0.0`.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "null" }
        let text = printf("%.*f", Int32(max(0, min(decimals, 40))), x)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
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
        String(text.map { $0 == "." ? "," : $0 })
    }
}
