#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Marks a report's appendices, so that print starts each on a new page.
///
/// A report's top-level heading (`#`, rendered as `h2`) whose first word is "Bilag" or
/// "Appendiks" gets `class="bilag"`. Raw HTML from content never reaches the page, so an
/// `<h2>` in the rendered report can only be a heading.
///
/// ```swift
/// AppendixHeadings.mark("<h2>Bilag 1: Metode</h2>")  // "<h2 class=\"bilag\">Bilag 1: Metode</h2>"
/// AppendixHeadings.mark("<h2>Bilagene</h2>")         // unchanged
/// ```
enum AppendixHeadings {
    static let words = ["Bilag", "Appendiks"].map { Array($0.utf8) }
    static let open = Array("<h2>".utf8)
    static let marked = Array("<h2 class=\"bilag\">".utf8)

    /// A plain byte scan for `<h2>`: a regular expression (or Foundation's string search) over
    /// every page cost more than the rest of the page's rendering together. The statics are
    /// read once, outside the loop (each read of a static is a call).
    static func mark(_ html: String) -> String {
        let words = words, open = open, marked = marked
        var html = html
        return html.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            var copied = 0
            var index = 0
            let count = bytes.count
            guard let base = bytes.baseAddress else { return nil }
            // The C library's memchr finds each `<` far faster than a loop over bytes.
            while index + open.count <= count, let found = memchr(base + index, 0x3C, count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + open.count <= count else { break }
                if bytes[index + 1] == 0x68, bytes[index + 2] == 0x32, bytes[index + 3] == 0x3E,
                   words.contains(where: { isWord($0, in: bytes, at: index + open.count) }) {
                    if result.isEmpty { result.reserveCapacity(count + 64) }
                    result.append(contentsOf: bytes[copied..<index])
                    result.append(contentsOf: marked)
                    copied = index + open.count
                }
                index += 1
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: bytes[copied...])
            return String(decoding: result, as: UTF8.self)
        } ?? html
    }

    /// Whether `word` stands at `start`, followed by something that is not a letter.
    static func isWord(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + word.count <= bytes.count, bytes[start..<start + word.count].elementsEqual(word) else { return false }
        let end = start + word.count
        guard end < bytes.count else { return true }
        let next = bytes[end]
        if next < 0x80 { return !((0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)) }
        // A multi-byte character: decode it to ask whether it is a letter (æ, ø, å …).
        let tail = String(decoding: bytes[end..<min(bytes.count, end + 4)], as: UTF8.self)
        return !(tail.first?.isLetter ?? false)
    }
}
