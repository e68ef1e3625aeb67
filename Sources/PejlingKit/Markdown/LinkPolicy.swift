/// Which link and image addresses a published page may carry.
///
/// Allowed: `http`, `https`, `mailto`, `tel`, relative addresses and fragments; `data:` only
/// for images of type png, gif, jpeg or webp. Anything else (`javascript:`, `vbscript:`,
/// `file:`, unknown schemes) is refused. The check ignores case and the control characters
/// and white space that browsers strip from a scheme; entities are already decoded by the
/// Markdown parser.
///
/// ```swift
/// LinkPolicy.allows("https://www.esbjerg.dk", isImage: false)  // true
/// LinkPolicy.allows("JaVa\tScRiPt:alert(1)", isImage: false)   // false
/// ```
enum LinkPolicy {
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel"]
    static let imageDataTypes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    public static func allows(_ address: String, isImage: Bool) -> Bool {
        guard let scheme = scheme(of: address) else { return true }
        if linkSchemes.contains(scheme) { return true }
        if isImage, scheme == "data" {
            let cleaned = cleaned(address)
            return imageDataTypes.contains { cleaned.hasPrefix($0 + ";") || cleaned.hasPrefix($0 + ",") }
        }
        return false
    }

    /// The scheme of an address as a browser reads it, in lower case (`javascript` for
    /// `" JaVa\tScript:x"`), or nil for a relative address or a fragment.
    public static func scheme(of address: String) -> String? {
        let cleaned = cleaned(address)
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let beforeColon = cleaned[..<colon]
        // A '/', '?' or '#' before the first ':' makes it a relative address.
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }
        return String(beforeColon)
    }

    /// Browsers drop leading/trailing C0 controls and spaces, and tabs and newlines anywhere.
    static func cleaned(_ address: String) -> String {
        String(String.UnicodeScalarView(address.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
    }
}
