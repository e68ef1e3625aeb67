import Ccmark

/// A parsed CommonMark document. It owns its cmark tree and frees it when it goes away;
/// no cmark type leaves this file.
///
/// ```swift
/// let html = MarkdownDocument(parsing: "# Hej\n\nVerden").renderHTML()
/// ```
final class MarkdownDocument {
    private let root: OpaquePointer

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
    }

    /// The nodes of the tree in document order (entering events only).
    private func nodes() -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return result }
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

    /// Moves every heading `levels` down, never past `h6`.
    func shiftHeadings(by levels: Int) {
        guard levels != 0 else { return }
        for node in nodes() where cmark_node_get_type(node) == CMARK_NODE_HEADING {
            let level = Int(cmark_node_get_heading_level(node))
            cmark_node_set_heading_level(node, Int32(min(6, max(1, level + levels))))
        }
    }

    /// Unwraps every link and removes every image whose address ``LinkPolicy`` refuses:
    /// the link's text stays, the address goes.
    func dropUnsafeLinks() {
        for node in nodes() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            guard !LinkPolicy.allows(url, isImage: type == CMARK_NODE_IMAGE) else { continue }
            // Keep the text: move the children out in front of the node, then drop it.
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Replaces each fenced code block (only fenced ones have an info string) for which `replacement` returns HTML with that HTML,
    /// rendered verbatim at that place.
    func replaceFencedBlocks(_ replacement: (FencedBlock) -> String?) {
        for node in nodes() where cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let block = FencedBlock(info: info.trimmingCharacters(in: .whitespaces), content: literal,
                                    line: Int(cmark_node_get_start_line(node)))
            guard let html = replacement(block), let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, html)
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }

    /// The document as HTML.
    func renderHTML() -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
