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
        appendEscapedRuns(text, to: &out)
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
        appendEscapedRuns(text, to: &out)
    }

    /// The escaping itself, for text known to need it (so that it is scanned once).
    private static func appendEscapedRuns(_ text: String, to out: inout String) {
        // Copy the runs between special characters in one piece each (they are ASCII, so
        // every index here is a character boundary).
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            guard let replacement = entity(for: utf8[index]) else {
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

    /// What escaping writes for the byte `byte`, or nil when it stays as it is.
    static func entity(for byte: UInt8) -> String? {
        switch byte {
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x26: "&amp;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }

    /// Whether `text` has a character that escaping changes.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains(where: isMarkup)
        }
    }
}

extension HTML {
    /// Makes sure that each of `< > & " '` stands as a character of its own.
    ///
    /// Mustache escapes by `Character` (grapheme cluster): a quote followed by a combining
    /// mark (`"\u{301}`) is one character that is not `"`, so it would pass unescaped, and
    /// a browser, which reads code points, would see the quote end an attribute. A zero
    /// width space (a grapheme break) is put between the scalars of such a cluster; text
    /// without one (all real text) is returned unchanged.
    ///
    /// ```swift
    /// HTML.isolatingMarkupCharacters("a\"\u{301}b")  // "a\"\u{200B}\u{301}b"
    /// ```
    public static func isolatingMarkupCharacters(_ text: String) -> String {
        // A cluster can glue an ASCII character only to a non-ASCII neighbour; where one stands
        // beside a markup character, ask whether the two really form one character (rare), so
        // that ordinary text such as `>ø` costs a byte scan only.
        guard containsGluedMarkup(text) else { return text }
        var out = String.UnicodeScalarView()
        for character in text {
            let scalars = character.unicodeScalars
            guard scalars.count > 1, scalars.contains(where: { $0.isASCII && isMarkup(UInt8($0.value)) }) else {
                out.append(contentsOf: scalars)
                continue
            }
            for (index, scalar) in scalars.enumerated() {
                if index > 0 { out.append("\u{200B}") }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether some markup character forms one grapheme cluster with its neighbour.
    ///
    /// Only a scalar from U+0300 up can join an ASCII character's cluster (combining marks and
    /// other extenders after it, prepended marks before it). Below that are ASCII and letters
    /// such as æ, ø and å, which Danish text puts beside markup all the time; their UTF-8 lead
    /// bytes are below 0xCC. So the scan looks only for lead bytes from 0xCC, skipping sixteen
    /// bytes at a time where there is none, and decodes only where such a scalar touches a
    /// markup character.
    static func containsGluedMarkup(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            let count = bytes.count
            func isOneCharacter(_ range: Range<Int>) -> Bool {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).count == 1
            }
            let joining = SIMD16<UInt8>(repeating: firstJoiningLeadByte)
            var index = 0
            while index < count {
                // Sixteen bytes at a time while none is a lead byte from 0xCC: ASCII, and æ, ø, å.
                if index + 16 <= count, !any(raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self) .>= joining) {
                    index += 16
                    continue
                }
                guard bytes[index] >= firstJoiningLeadByte else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                if index > 0, isMarkup(bytes[index - 1]), isOneCharacter(index - 1..<end) { return true }
                if end < count, isMarkup(bytes[end]), isOneCharacter(index..<end + 1) { return true }
                index = end
            }
            return false
        }
    }

    /// The UTF-8 lead byte of U+0300, the first scalar that can join an ASCII character's cluster.
    private static let firstJoiningLeadByte: UInt8 = 0xCC

    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    /// A template context value with every string passed through
    /// ``isolatingMarkupCharacters(_:)``, or nil when isolation changes nothing in it. Only what
    /// changes is copied: a context without such a string (all real content) stays as it is,
    /// so that a 10,000-row overview is not held twice.
    private static func isolatingIfChanged(_ value: Any) -> Any? {
        switch value {
        case let text as String:
            return containsGluedMarkup(text) ? isolatingMarkupCharacters(text) : nil
        case let dictionary as [String: Any]:
            return isolatingIfChanged(dictionary)
        case let array as [[String: Any]]:
            guard let first = array.firstIndex(where: { isolatingIfChanged($0) != nil }) else { return nil }
            return array[..<first] + array[first...].map { isolatingIfChanged($0) ?? $0 }
        case let array as [Any]:
            guard let first = array.firstIndex(where: { isolatingIfChanged($0) != nil }) else { return nil }
            return Array(array[..<first]) + array[first...].map { isolatingIfChanged($0) ?? $0 }
        default:
            return nil
        }
    }

    /// The dictionary with its changed values replaced, or nil when none changes.
    static func isolatingIfChanged(_ dictionary: [String: Any]) -> [String: Any]? {
        var copy: [String: Any]?
        for (key, value) in dictionary {
            guard let isolated = isolatingIfChanged(value) else { continue }
            if copy == nil { copy = dictionary }
            copy?[key] = isolated
        }
        return copy
    }
}
