import Foundation

/// One XML part of an xlsx file, read with libxml2's SAX2 parser (through the `CLibXML2`
/// shim): elements and text as events, never a tree.
///
/// A part with a document type declaration is refused before parsing: Office Open XML never
/// has one, and refusing it refuses every entity (the "billion laughs" expansion and
/// external entities) whatever the parser would do with them. The parser runs without
/// network access, entity substitution, DTD loading or libxml2's "huge" mode, in a context of
/// its own, so that parts are read on several threads at once.
///
/// ```swift
/// let problem = XMLPart.parse(Array("<a x=\"1\">b</a>".utf8), handler: handler)   // nil: parsed
/// ```
enum XMLPart {
    /// What a part's events go to. Names are local names: a prefix (`x:c`, `r:id`) is dropped.
    ///
    /// The ``Name``, ``Attributes`` and ``Text`` of an event point into the parser's memory and
    /// are valid only during the call: copy out (as a `String`) what is kept.
    protocol Handler: AnyObject {
        func start(_ name: Name, attributes: Attributes)
        func end(_ name: Name)
        func text(_ text: Text)
        /// Set to stop parsing early (a limit is reached); ``parse(_:handler:)`` then returns
        /// ``Failure/stopped``.
        var shouldStop: Bool { get }
    }

    enum Failure: Error, Equatable {
        /// The part declares a document type (and so, possibly, entities).
        case documentType
        /// The XML is not well-formed: libxml2's message and line.
        case malformed(String, line: Int)
        /// The handler asked to stop.
        case stopped
    }

    /// Parses `bytes`, sending its events to `handler`; `nil` when the whole part was read.
    static func parse(_ bytes: [UInt8], handler: any Handler) -> Failure? {
        if declaresDocumentType(bytes) { return .documentType }
        return bytes.withUnsafeBufferPointer { buffer in
            SAXParser(handler: handler).parse(buffer)
        }
    }

    /// Whether the bytes hold `<!DOCTYPE` (or an `<!ENTITY` without it) anywhere.
    static func declaresDocumentType(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        let entity = Array("<!ENTITY".utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress, buffer.count >= 8 else { return false }
            // Each `!` is found with memchr (vectorised; a part has few), then `<!` around it.
            var index = 1
            while index < buffer.count,
                  let found = memchr(base + index, Int32(UInt8(ascii: "!")), buffer.count - index) {
                let bang = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[bang - 1] == UInt8(ascii: "<"),
                   matches(doctype, in: buffer, at: bang - 1) || matches(entity, in: buffer, at: bang - 1) {
                    return true
                }
                index = bang + 1
            }
            return false
        }
    }

    private static func matches(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= buffer.count else { return false }
        for offset in 0..<pattern.count {
            // Upper case, as XML requires; a lower-case variant is not a declaration.
            if buffer[index + offset] != pattern[offset] { return false }
        }
        return true
    }
}
