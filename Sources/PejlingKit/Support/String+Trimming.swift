/// Foundation's `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)`,
/// the same sets, scalar by scalar in Swift: Foundation's goes through `NSString` on Linux,
/// and loading and rendering trim every heading, fence and YAML value (2 % of a build). The
/// one trimming pejling uses.
///
/// ```swift
/// " maaling faglig-udredning\t".trimmingSpaces()   // "maaling faglig-udredning"
/// "\n tekst \n".trimmingSpacesAndNewlines()        // "tekst"
/// ```
extension StringProtocol {
    /// Without tabs and Unicode spaces (category Zs, and U+200B) at either end.
    func trimmingSpaces() -> String {
        trimming(where: Self.isSpace)
    }

    /// Without tabs, Unicode separators (category Z, and U+200B), U+000A–U+000D and U+0085 at either end.
    func trimmingSpacesAndNewlines() -> String {
        trimming(where: Self.isSpaceOrNewline)
    }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        // By scalars: a String subscript would round to whole characters, and keep a space
        // that a combining mark after it joins.
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }

    /// Foundation's `.whitespaces` here: tab, category Zs, and the zero width space (U+200B),
    /// which its older Unicode tables still count as a space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }

    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        if scalar.value == 0x85 || scalar.value == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
