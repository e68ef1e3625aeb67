import Foundation

/// The part of a municipality's page that the folder page, the self-contained file and the CMS
/// fragment all show (`Templates/partials/indhold.mustache`: the introduction, the contents,
/// the summary and the reports), rendered once for all three.
///
/// The forms differ only in the ids' prefix (`id_praefiks`: none on the pages, `pejling-` in
/// the fragment) and in each report's HTML (whose heading ids carry the same prefix). So the
/// part is rendered once with a marker for each (``Marker``), and each form is then the text
/// with the markers replaced: the reports, most of the page, go through Mustache once instead
/// of twice.
///
/// ```swift
/// if let body = SharedBody.render(context, reports: forms, templates: templates) {
///     page["indhold"] = PreparedText(body.page)          // {{{indhold}}} in partials/krop
///     fragment["indhold"] = PreparedText(body.fragment)  // and in indlejring
/// }
/// ```
struct SharedBody {
    var page: String
    var fragment: String

    static let template = "partials/indhold"

    /// What stands for the id prefix and for report `n`'s HTML in the one render: NUL, which no
    /// text in a context holds (checked, ``holdsNUL(_:)``) and no template has (checked when
    /// the templates load), so that nothing else in the rendered text can look like a marker.
    enum Marker {
        static let prefix = "\u{0}P\u{0}"
        static func report(_ index: Int) -> String { "\u{0}H\(index)\u{0}" }
    }

    /// The part rendered once and given in both forms; nil when the templates have no
    /// `partials/indhold`, or a template or a value holds a NUL (then each form is rendered on its
    /// own, as before). `context` is the page's, with `rapporter` holding each report's page
    /// HTML; `reports` gives each report's HTML for the page and for the fragment, in order.
    static func render(_ context: [String: Any], reports: [(page: String, fragment: String)],
                       templates: TemplateSet) -> SharedBody? {
        guard templates.names.contains(template), !templates.holdNUL, !holdsNUL(context) else { return nil }
        var marked = context
        marked["id_praefiks"] = Marker.prefix
        if let rows = context["rapporter"] as? [[String: Any]] {
            marked["rapporter"] = rows.enumerated().map { index, row in
                var row = row
                row["html"] = PreparedText(Marker.report(index))
                return row
            }
        }
        let rendered = templates.render(marked, template: template)
        guard let page = replacingMarkers(in: rendered, prefix: "", reports: reports.map(\.page)),
              let fragment = replacingMarkers(in: rendered, prefix: MunicipalityPage.fragmentIDPrefix,
                                              reports: reports.map(\.fragment)) else { return nil }
        return SharedBody(page: page, fragment: fragment)
    }

    /// `text` with every marker replaced; nil when a NUL in it is not a marker this knows.
    static func replacingMarkers(in text: String, prefix: String, reports: [String]) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out = ""
            out.reserveCapacity(bytes.count + reports.reduce(0) { $0 + $1.utf8.count })
            var copied = 0
            var offset = 0
            while let start = Self.firstNUL(in: bytes, from: offset) {
                guard start + 2 < bytes.count else { return nil }
                var end = start + 2
                let replacement: String
                switch bytes[start + 1] {
                case UInt8(ascii: "P"):
                    guard bytes[end] == 0 else { return nil }
                    replacement = prefix
                case UInt8(ascii: "H"):
                    var index = 0
                    while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), end - start < 12 {
                        index = index * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                        end += 1
                    }
                    guard end > start + 2, end < bytes.count, bytes[end] == 0, index < reports.count else { return nil }
                    replacement = reports[index]
                default:
                    return nil
                }
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<start]), as: UTF8.self)
                out += replacement
                copied = end + 1
                offset = copied
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
            return out
        }
    }

    /// Where the first NUL from `offset` is (memchr: the reports are a hundred kilobytes).
    static func firstNUL(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        guard let base = bytes.baseAddress, offset < bytes.count,
              let found = memchr(base + offset, 0, bytes.count - offset) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    static func holdsNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstNUL(in: $0, from: 0) != nil }
    }

    /// Whether any text in a template context holds a NUL.
    static func holdsNUL(_ value: Any) -> Bool {
        switch value {
        case let text as String: holdsNUL(text)
        case let text as PreparedText: holdsNUL(text.text)
        case let dictionary as [String: Any]: dictionary.values.contains(where: holdsNUL)
        case let rows as [[String: Any]]: rows.contains(where: holdsNUL)
        case let values as [Any]: values.contains(where: holdsNUL)
        default: false
        }
    }
}
