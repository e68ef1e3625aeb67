import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML part of an xlsx file, read with FoundationXML's `XMLParser` (libxml2's SAX
/// parser): elements and text as events, never a tree.
///
/// A part with a document type declaration is refused before parsing: Office Open XML never
/// has one, and refusing it refuses every entity (the "billion laughs" expansion and
/// external entities) whatever the parser would do with them.
///
/// ```swift
/// let problem = XMLPart.parse(Array("<a x=\"1\">b</a>".utf8), handler: handler)   // nil: parsed
/// ```
enum XMLPart {
    /// What a part's events go to. Names are local names: a prefix (`x:c`, `r:id`) is dropped.
    protocol Handler: AnyObject {
        func start(_ name: Substring, attributes: [String: String])
        func end(_ name: Substring)
        func text(_ text: String)
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

    /// libxml2 keeps global state, and FoundationXML's parser is not documented as safe
    /// to use from several threads at once; the parts are small, so one parse at a time.
    private static let lock = NSLock()

    /// Parses `bytes`, sending its events to `handler`; `nil` when the whole part was read.
    static func parse(_ bytes: Data, handler: Handler) -> Failure? {
        if declaresDocumentType(bytes) { return .documentType }
        let delegate = Delegate(handler: handler)
        let parser = XMLParser(data: bytes)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        lock.lock()
        let parsed = parser.parse()
        lock.unlock()
        if handler.shouldStop { return .stopped }
        if !parsed || delegate.failure != nil {
            let message = delegate.failure ?? parser.parserError.map { String(describing: $0) } ?? "ugyldig XML"
            return .malformed(message, line: parser.lineNumber)
        }
        return nil
    }

    /// Whether the bytes hold `<!DOCTYPE` (or an `<!ENTITY` without it) anywhere.
    static func declaresDocumentType(_ bytes: Data) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        let entity = Array("<!ENTITY".utf8)
        return bytes.withUnsafeBytes { raw -> Bool in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard buffer.count >= 8 else { return false }
            var index = 0
            while index < buffer.count - 1 {
                if buffer[index] == UInt8(ascii: "<"), buffer[index + 1] == UInt8(ascii: "!") {
                    if matches(doctype, in: buffer, at: index) || matches(entity, in: buffer, at: index) { return true }
                }
                index += 1
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

    /// The local part of a qualified name: `x:c` → `c`.
    static func localName(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: Handler
        var failure: String?

        init(handler: Handler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            var attributes = attributeDict
            if attributeDict.keys.contains(where: { $0.utf8.contains(UInt8(ascii: ":")) }) {
                attributes = [:]
                for (key, value) in attributeDict { attributes[String(XMLPart.localName(key))] = value }
            }
            handler.start(XMLPart.localName(elementName), attributes: attributes)
            if handler.shouldStop { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            handler.end(XMLPart.localName(elementName))
            if handler.shouldStop { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handler.text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.text(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failure == nil { failure = String(describing: parseError) }
        }
    }
}
