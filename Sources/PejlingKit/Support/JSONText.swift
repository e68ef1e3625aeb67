/// Minimal JSON text building for output that must be byte-stable.
public enum JSONText {
    /// A JSON string literal.
    ///
    /// ```swift
    /// JSONText.string("a \"b\"\n")  // "\"a \\\"b\\\"\\n\""
    /// ```
    public static func string(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends ``string(_:)`` to `out`; text with nothing to escape (nearly all) is copied
    /// in one piece.
    ///
    /// ```swift
    /// var json = "{\"navn\": "
    /// JSONText.append("Egelund", to: &json)   // {"navn": "Egelund"
    /// ```
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        defer { out += "\"" }
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
