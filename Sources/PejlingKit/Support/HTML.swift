/// HTML escaping for text and attribute values built in Swift (templates escape their own).
///
/// ```swift
/// HTML.escape("<b>\"A & B\"</b>")  // "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;"
/// ```
public enum HTML {
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &out)
        return out
    }

    /// Appends `text` escaped to `out`, without a String of its own.
    ///
    /// ```swift
    /// var html = "<p>"
    /// HTML.appendEscaped("A & B", to: &html)   // html == "<p>A &amp; B"
    /// ```
    public static func appendEscaped(_ text: String, to out: inout String) {
        guard needsEscaping(text) else {
            out += text
            return
        }
        // Copy the runs between special characters in one piece each (they are ASCII, so
        // every index here is a character boundary).
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let replacement: String
            switch utf8[index] {
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x26: replacement = "&amp;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            if runStart < index { out += Substring(utf8[runStart..<index]) }
            out += replacement
            utf8.formIndex(after: &index)
            runStart = index
        }
        if runStart < utf8.endIndex { out += Substring(utf8[runStart...]) }
    }

    /// Whether `text` has a character that escaping changes.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }
        }
    }
}
