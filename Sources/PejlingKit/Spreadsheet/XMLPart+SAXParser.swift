import CLibXML2

extension XMLPart {
    /// One run of libxml2's SAX2 push parser over a part, its events passed on to a
    /// ``XMLPart/Handler``. The only place that holds libxml2's pointers: the parser context is
    /// made and freed in ``parse(_:)``, and handlers see Swift values only.
    ///
    /// Each run has a context of its own, which libxml2 allows on several threads at once.
    /// Options: no network (`XML_PARSE_NONET`); no entity substitution, DTD loading or huge
    /// mode (their flags are left off).
    ///
    /// ```swift
    /// let failure = SAXParser(handler: handler).parse(buffer)   // nil: read to the end
    /// ```
    final class SAXParser {
        let handler: any Handler
        private var context: xmlParserCtxtPtr?
        /// The first fatal error libxml2 reported: its message and line.
        private var firstError: (message: String, line: Int)?

        init(handler: any Handler) { self.handler = handler }

        /// libxml2's global set-up, once per process before any parse (it is not safe to
        /// run on several threads at once, so never lazily inside a parse).
        private static let initialized: Void = xmlInitParser()

        /// Reads `bytes` to the end, or until the handler stops; `nil` when it was read whole.
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Failure? {
            _ = Self.initialized
            guard bytes.count < Int(Int32.max) else { return .malformed("delen er for stor", line: 0) }
            var callbacks = Self.callbacks()
            let chunk = UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self)
            // The first bytes go in with the context, so that libxml2 sees the encoding (as xmllint does).
            let head = min(bytes.count, 4)
            let userData = Unmanaged.passUnretained(self).toOpaque()
            guard let context = xmlCreatePushParserCtxt(&callbacks, userData, chunk, Int32(head), nil) else {
                return .malformed("XML-læseren kunne ikke startes", line: 0)
            }
            self.context = context
            defer {
                xmlFreeParserCtxt(context)
                self.context = nil
            }
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            _ = xmlParseChunk(context, chunk.map { $0 + head }, Int32(bytes.count - head), 1)
            if handler.shouldStop { return .stopped }
            guard context.pointee.wellFormed != 0 else {
                let line = firstError?.line ?? Int(xmlSAX2GetLineNumber(context))
                return .malformed(firstError?.message ?? "ugyldig XML", line: line)
            }
            return nil
        }

        private func stopIfAsked() {
            if handler.shouldStop, let context { xmlStopParser(context) }
        }

        /// The SAX2 callbacks: each finds its ``SAXParser`` in the user data.
        private static func callbacks() -> xmlSAXHandler {
            var callbacks = xmlSAXHandler()
            callbacks.initialized = UInt32(XML_SAX2_MAGIC)
            callbacks.startElementNs = { userData, localName, _, _, _, _, attributeCount, _, attributes in
                guard let parser = SAXParser.from(userData), let localName else { return }
                parser.handler.start(Name(localName),
                                     attributes: Attributes(fields: UnsafePointer(attributes), count: Int(attributeCount)))
                parser.stopIfAsked()
            }
            callbacks.endElementNs = { userData, localName, _, _ in
                guard let parser = SAXParser.from(userData), let localName else { return }
                parser.handler.end(Name(localName))
                parser.stopIfAsked()
            }
            let characters: charactersSAXFunc = { userData, bytes, count in
                guard let parser = SAXParser.from(userData), let bytes, count > 0 else { return }
                parser.handler.text(Text(bytes: UnsafeBufferPointer(start: bytes, count: Int(count))))
            }
            callbacks.characters = characters
            callbacks.ignorableWhitespace = characters
            callbacks.cdataBlock = { userData, bytes, count in
                guard let parser = SAXParser.from(userData), let bytes, count > 0 else { return }
                parser.handler.text(Text(bytes: UnsafeBufferPointer(start: bytes, count: Int(count))))
            }
            // Errors come here instead of standard error; the first fatal one is the message.
            callbacks.serror = { userData, error in
                guard let parser = SAXParser.from(userData), let error, parser.firstError == nil,
                      error.pointee.level == XML_ERR_FATAL else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "ugyldig XML"
                parser.firstError = (message.trimmedSpaces, Int(error.pointee.line))
            }
            return callbacks
        }

        private static func from(_ userData: UnsafeMutableRawPointer?) -> SAXParser? {
            userData.map { Unmanaged<SAXParser>.fromOpaque($0).takeUnretainedValue() }
        }
    }
}
