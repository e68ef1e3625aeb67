/// Markup built as UTF-8 bytes and made a String once, at the end. Appending literals and
/// numbers to a byte array costs a copy; appending them to a String also updates its count
/// and flags every time, which made the charts (some 1,000 pieces per municipality) the
/// largest single part of a build. Written by hand: no kept library builds text this way.
///
/// ```swift
/// var svg = UTF8Buffer()
/// svg.append("<text x=\"")
/// svg.append(number: 126.54)       // 126.5
/// svg.append("\">")
/// svg.append(escaping: "A & B")    // A &amp; B
/// svg.append("</text>")
/// svg.string                       // <text x="126.5">A &amp; B</text>
/// ```
struct UTF8Buffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a String (valid UTF-8 by construction: whole Strings and ASCII were appended).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func append(_ other: UTF8Buffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// `text` with `< > & " '` escaped as ``HTML/escape(_:)`` escapes them.
    mutating func append(escaping text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for (index, byte) in source.enumerated() {
                guard let replacement = HTML.entity(for: byte) else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                append(replacement)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    /// A coordinate with at most one decimal, a point and no exponent: `72`, `126.5`, `-3.5`.
    mutating func append(number value: Double) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        append(digits: magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(48 + fraction))
        }
    }

    /// `value` in lower-case hexadecimal without leading zeros, as `String(value, radix: 16)`.
    mutating func append(hex value: UInt64) {
        var shift = 60
        while shift > 0, (value >> UInt64(shift)) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? 48 + digit : 87 + digit)
            shift -= 4
        }
    }

    /// The decimal digits of `value`.
    mutating func append(digits value: UInt) {
        var scale: UInt = 1
        while scale <= value / 10 { scale *= 10 }
        var rest = value
        while scale > 0 {
            bytes.append(UInt8(48 + rest / scale))
            rest %= scale
            scale /= 10
        }
    }
}
