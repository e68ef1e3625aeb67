extension XMLPart {
    /// An element's local name (`c` for `<x:c>`), compared with a literal byte by byte, so that
    /// no `String` is made for the thousands of elements of a sheet.
    ///
    /// Valid only during the handler's call.
    ///
    /// ```swift
    /// switch name {
    /// case "c": startCell()
    /// default: break
    /// }
    /// ```
    struct Name: CustomStringConvertible {
        /// The NUL-terminated UTF-8 bytes, owned by the parser.
        private let bytes: UnsafePointer<UInt8>

        init(_ bytes: UnsafePointer<UInt8>) { self.bytes = bytes }

        /// Whether the name is exactly `literal` (an ASCII name such as `"sheetData"`).
        func matches(_ literal: StaticString) -> Bool {
            XMLPart.equal(bytes, literal)
        }

        static func == (name: Name, literal: StaticString) -> Bool { name.matches(literal) }

        /// `case "c":` in a `switch` over a name.
        static func ~= (literal: StaticString, name: Name) -> Bool { name.matches(literal) }

        var string: String { String(cString: bytes) }
        var description: String { string }
    }

    /// An element's attributes by local name (`id` for `r:id`), looked up without a dictionary:
    /// an xlsx element has a handful.
    ///
    /// Valid only during the handler's call.
    ///
    /// ```swift
    /// attributes["r"]   // "C7" for <c r="C7" t="s">
    /// ```
    struct Attributes {
        /// libxml2's array of five pointers an attribute: local name, prefix, namespace, the
        /// value's first byte and the byte after its last.
        private let fields: UnsafePointer<UnsafePointer<UInt8>?>?
        let count: Int

        init(fields: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int) {
            self.fields = fields
            self.count = count
        }

        /// The value of the first attribute whose local name is `name`, or `nil`.
        subscript(name: StaticString) -> String? {
            guard let fields else { return nil }
            for index in 0..<count {
                let base = index * 5
                guard let localName = fields[base], XMLPart.equal(localName, name),
                      let start = fields[base + 3], let end = fields[base + 4] else { continue }
                return XMLPart.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
            }
            return nil
        }
    }

    /// A run of character data (text or CDATA), entities and character references decoded.
    ///
    /// Valid only during the handler's call.
    struct Text {
        let bytes: UnsafeBufferPointer<UInt8>

        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Whether the NUL-terminated `bytes` are exactly the ASCII `literal`.
    static func equal(_ bytes: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let pattern = literal.utf8Start
        for index in 0..<count where bytes[index] != pattern[index] {
            // A shorter name stops at its NUL, which no literal byte equals.
            return false
        }
        return bytes[count] == 0
    }

    /// An attribute's value as text.
    ///
    /// libxml2 decodes every entity and character reference in an attribute but one: without
    /// entity substitution (which pejling never turns on) an `&` (`&amp;`, `&#38;`) reaches
    /// the SAX2 interface as the five bytes `&#38;`, for a tree builder to decode again. Every
    /// `&` in the value starts such a group, so each `&#38;` is one `&`.
    static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let escaped = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + escaped.count <= bytes.count,
               bytes[index..<index + escaped.count].elementsEqual(escaped) {
                decoded.append(UInt8(ascii: "&"))
                index += escaped.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
