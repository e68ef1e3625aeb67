import Ccmark
import Foundation

/// A parsed CommonMark document. It owns its cmark tree and frees it when it goes away;
/// no cmark type leaves this file.
///
/// ```swift
/// let html = MarkdownDocument(parsing: "# Hej\n\nVerden").renderHTML()
/// ```
final class MarkdownDocument {
    private let root: OpaquePointer
    /// The custom blocks that stand for the headings (``prepareAnchors()``), each with its
    /// heading, taken out of the tree (and freed with the document) so that its text can be
    /// rendered again for every prefix.
    private var headingSlots: [(node: OpaquePointer, heading: OpaquePointer, level: Int)] = []
    /// The links whose address is a place on the same page (`#…`), with that place as written.
    private var localLinks: [(node: OpaquePointer, fragment: String)] = []
    /// The HTML of the replaced fenced blocks (``replaceFencedBlocks(_:)``), put in after cmark
    /// has rendered, where its markers stand.
    private var blockHTML: [String] = []

    /// Parses `markdown` in cmark's default, safe mode (raw HTML omitted, dangerous URLs removed).
    init(parsing markdown: String) {
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    deinit {
        cmark_node_free(root)
        for slot in headingSlots { cmark_node_free(slot.heading) }
    }

    /// One thing in the text that loading checks, with the line and byte column where it starts
    /// (counted from the start of the Markdown text, from 1).
    enum Item {
        case rawHTML(RawHTML, line: Int, byteColumn: Int)
        case link(address: String, isImage: Bool, line: Int, byteColumn: Int)
        /// `level` as written (`#` is 1); `text` as a reader sees it.
        case heading(level: Int, text: String, line: Int, byteColumn: Int)
        case fencedBlock(FencedBlock)
    }

    /// The nodes of the tree in document order (entering events only).
    private func nodes(under top: OpaquePointer? = nil) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(top ?? root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(node)
            }
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func address(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// The raw HTML, links, headings and fenced blocks of the text, in document order.
    func items() -> [Item] {
        var result: [Item] = []
        for node in nodes() {
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
                result.append(.rawHTML(RawHTML(Self.literal(node), isBlock: isBlock), line: line, byteColumn: column))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                result.append(.link(address: Self.address(node), isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                    line: line, byteColumn: column))
            case CMARK_NODE_HEADING:
                result.append(.heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node),
                                       line: line, byteColumn: column))
            case CMARK_NODE_CODE_BLOCK:
                if let block = fencedBlock(node) { result.append(.fencedBlock(block)) }
            default:
                break
            }
        }
        return result
    }

    /// A heading's text as the page shows it, without markup.
    private func plainText(of heading: OpaquePointer) -> String {
        var text = ""
        for node in nodes(under: heading) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += Self.literal(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            case CMARK_NODE_HTML_INLINE:
                if RawHTML(Self.literal(node), isBlock: false).replacement != .nothing { text += " " }
            default: break
            }
        }
        return text.trimmingSpaces()
    }

    /// A code block as a ``FencedBlock`` (an indented one has an empty info string).
    private func fencedBlock(_ node: OpaquePointer) -> FencedBlock? {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        return FencedBlock(info: info.trimmingSpaces(), content: Self.literal(node),
                           line: Int(cmark_node_get_start_line(node)))
    }

    /// Moves every heading `levels` down, never past `h6`.
    func shiftHeadings(by levels: Int) {
        guard levels != 0 else { return }
        for node in nodes() where cmark_node_get_type(node) == CMARK_NODE_HEADING {
            let level = Int(cmark_node_get_heading_level(node))
            cmark_node_set_heading_level(node, Int32(min(6, max(1, level + levels))))
        }
    }

    /// Takes out every piece of raw HTML: a block goes, an inline tag gives way to what
    /// ``RawHTML/replacement`` says (a line break, a space or nothing).
    func removeRawHTML() {
        for node in nodes() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else { continue }
            if type == CMARK_NODE_HTML_INLINE {
                switch RawHTML(Self.literal(node), isBlock: false).replacement {
                case .nothing:
                    break
                case .space:
                    if let space = cmark_node_new(CMARK_NODE_TEXT) {
                        cmark_node_set_literal(space, " ")
                        cmark_node_insert_before(node, space)
                    }
                case .lineBreak:
                    if let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) { cmark_node_insert_before(node, lineBreak) }
                }
            }
            // Raw HTML nodes have no children, so freeing one frees nothing still to be visited.
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Unwraps every link and removes every image whose address ``LinkPolicy`` refuses:
    /// the link's text stays, the address goes.
    func dropUnsafeLinks() {
        for node in nodes() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            guard !LinkPolicy.allows(Self.address(node), isImage: type == CMARK_NODE_IMAGE) else { continue }
            // Keep the text: move the children out in front of the node, then drop it.
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Replaces each fenced code block for which `replacement` returns HTML with that HTML,
    /// rendered verbatim at that place. Call after ``removeRawHTML()``.
    ///
    /// cmark renders a marker there (``BlockMarker``), and ``renderHTML()`` puts the HTML in
    /// place of it: the figures are most of a report's HTML, and neither cmark nor Swift's
    /// UTF-8 check then copies them once more for every form of the report.
    func replaceFencedBlocks(_ replacement: (FencedBlock) -> String?) {
        for node in nodes() where cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
            guard let block = fencedBlock(node), let html = replacement(block),
                  let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, BlockMarker.text(blockHTML.count, endsLine: html.utf8.last == UInt8(ascii: "\n")))
            blockHTML.append(html)
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }

    /// Where a replaced block's HTML goes: `<!--pejling-blok 3-->`. Nothing else in the
    /// rendered text can look like it: cmark writes `<` in text, code and addresses as `&lt;`
    /// or `%3C`, and raw HTML is gone (``removeRawHTML()``) before blocks are replaced.
    enum BlockMarker {
        static let prefix = Array("<!--pejling-blok ".utf8)
        static let suffix = Array("-->".utf8)

        /// The marker for block `index`; it ends a line where the block's HTML does, so that
        /// cmark puts no line break after it that it would not put after the HTML.
        static func text(_ index: Int, endsLine: Bool) -> String { "<!--pejling-blok \(index)-->" + (endsLine ? "\n" : "") }

        /// The block number of a marker at the start of `bytes`, and the marker's length.
        static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, length: Int)? {
            guard bytes.starts(with: prefix) else { return nil }
            var index = 0
            var offset = prefix.count
            while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9"), offset < prefix.count + 9 {
                index = index * 10 + Int(bytes[offset] - UInt8(ascii: "0"))
                offset += 1
            }
            guard offset > prefix.count, UnsafeBufferPointer(rebasing: bytes[offset...]).starts(with: suffix) else { return nil }
            return (index, offset + suffix.count)
        }
    }

    /// Gets the headings and the links to places on the page ready for
    /// ``setAnchors(headings:idPrefix:)``: each heading gives way to a block whose HTML can be
    /// set, and each `#…` link (in a heading too) is remembered. Call after the other changes.
    /// Returns the number of headings.
    ///
    /// Every node is found before the tree changes, and no heading is freed until the document
    /// is: the list of nodes includes a heading's own links, which must stay valid.
    @discardableResult
    func prepareAnchors() -> Int {
        var headings: [OpaquePointer] = []
        for node in nodes() {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_LINK:
                let address = Self.address(node)
                if address.hasPrefix("#") { localLinks.append((node, String(address.dropFirst()))) }
            default:
                break
            }
        }
        for heading in headings {
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_replace(heading, custom)  // unlinks the heading, which the slot keeps
            headingSlots.append((custom, heading, Int(cmark_node_get_heading_level(heading))))
        }
        return headingSlots.count
    }

    /// Sets the headings' opening tags (`headings` in document order; a heading beyond it
    /// gets no attributes) and points every `#…` link at `idPrefix` + the place written,
    /// except `#` and `#top`, which mean the top of the page.
    func setAnchors(headings: [HeadingMarkup], idPrefix: String) {
        for link in localLinks where !link.fragment.isEmpty && link.fragment.lowercased() != "top" {
            cmark_node_set_url(link.node, "#" + idPrefix + link.fragment)
        }
        for (index, slot) in headingSlots.enumerated() {
            var open = "<h\(slot.level)"
            if index < headings.count {
                open += " id=\"\(HTML.escape(idPrefix + headings[index].id))\""
                if let className = headings[index].className { open += " class=\"\(HTML.escape(className))\"" }
            }
            cmark_node_set_on_enter(slot.node, open + ">" + Self.innerHTML(of: slot.heading, level: slot.level) + "</h\(slot.level)>")
        }
    }

    /// What cmark renders between a heading's tags (the heading alone renders as `<hN>…</hN>\n`).
    private static func innerHTML(of heading: OpaquePointer, level: Int) -> String {
        guard let html = cmark_render_html(heading, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        var inner = String(cString: html)
        let open = "<h\(level)>", close = "</h\(level)>\n"
        if inner.hasPrefix(open), inner.hasSuffix(close) {
            inner = String(inner.dropFirst(open.count).dropLast(close.count))
        }
        return inner
    }

    /// The document as HTML, with the replaced blocks' HTML in place.
    func renderHTML() -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        guard !blockHTML.isEmpty else { return String(cString: html) }
        let count = strlen(html)
        return UnsafeRawPointer(html).withMemoryRebound(to: UInt8.self, capacity: count) { start in
            spliced(UnsafeBufferPointer(start: start, count: count))
        }
    }

    /// `rendered` with each block marker replaced by its block's HTML.
    private func spliced(_ rendered: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        out.reserveCapacity(rendered.count + blockHTML.reduce(0) { $0 + $1.utf8.count })
        var copied = 0
        var offset = 0
        while let open = rendered[offset...].firstIndex(of: BlockMarker.prefix[0]) {
            offset = open + 1
            guard let (index, length) = BlockMarker.read(UnsafeBufferPointer(rebasing: rendered[open...])),
                  index < blockHTML.count else { continue }
            let html = blockHTML[index]
            out += String(decoding: UnsafeBufferPointer(rebasing: rendered[copied..<open]), as: UTF8.self)
            out += html
            copied = open + length
            // The marker's own line break (BlockMarker.text), where the HTML brings its own.
            if html.utf8.last == UInt8(ascii: "\n"), copied < rendered.count, rendered[copied] == UInt8(ascii: "\n") { copied += 1 }
            offset = copied
        }
        out += String(decoding: UnsafeBufferPointer(rebasing: rendered[copied...]), as: UTF8.self)
        return out
    }
}
