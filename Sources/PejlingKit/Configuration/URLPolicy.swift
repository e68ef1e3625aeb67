/// Which addresses from content may become links.
enum URLPolicy {
    /// `http://…` or `https://…` with a host.
    ///
    /// ```swift
    /// URLPolicy.isAbsoluteHTTP("https://www.esbjerg.dk")  // true
    /// URLPolicy.isAbsoluteHTTP("javascript:alert(1)")     // false
    /// ```
    public static func isAbsoluteHTTP(_ text: String) -> Bool {
        let lower = text.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let rest = lower.dropFirst(scheme.count)
            // Scalars, not characters: a combining mark after a quote must not hide the quote.
            return !rest.isEmpty && !rest.hasPrefix("/") && !text.unicodeScalars.contains(where: Self.isForbidden)
        }
        return false
    }

    /// White space, controls and the characters that could end an attribute or start markup.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
            || ["\"", "'", "<", ">", "`", "\\"].contains(scalar)
    }
}
