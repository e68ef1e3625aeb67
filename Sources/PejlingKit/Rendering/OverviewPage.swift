import Mustache

/// Renders `index.html`: every municipality with its reports and their dates, in Danish
/// alphabetical order of name (``DanishCollation``), whatever order they came in.
struct OverviewPage {
    let content: SiteContent
    let municipalities: [Municipality]
    let templates: TemplateSet

    static let path = "index.html"

    func render() -> OutputFile {
        OutputFile(path: Self.path, text: templates.render(context(), template: "oversigt"))
    }

    /// A fingerprint of the rows the page lists, in the order given: every value a row and
    /// its reports give the template (``PageContext/municipality(_:)``,
    /// ``PageContext/reportSummary(_:)``). The page's other values follow from these, the
    /// templates and site.yml.
    ///
    /// Each row is hashed on one of `jobs` threads, and the rows' hashes are then hashed in
    /// order: at 10,000 municipalities this runs on every rebuild, before anything is written.
    static func rowsFingerprint(of municipalities: [Municipality], jobs: Int = 1) -> UInt64 {
        let rows = ParallelMap.map(municipalities, jobs: jobs) { municipality in
            var text = ""
            func add(_ context: [String: Any]) {
                for (key, value) in context.sorted(by: { $0.key < $1.key }) { text += "\(key)\u{0}\(value)\u{0}" }
                text += "\u{1}"
            }
            add(PageContext.municipality(municipality))
            municipality.reports.forEach { add(PageContext.reportSummary($0)) }
            return StableHash.hash(Array(text.utf8))
        }
        return rows.map(\.littleEndian).withUnsafeBytes { StableHash.hash($0, seed: StableHash.hash(Array("rows".utf8))) }
    }

    func context() -> [String: Any] {
        var context: [String: Any] = [
            "site": PageContext.site(content.config),
            "kommuner": OverviewRows(DanishCollation.sorted(municipalities, by: \.name)),
            "antal": DanishFormat.integer(municipalities.count),
            "sidetitel": content.config.title,
            "rod": "",
            "oversigt_href": "index.html",
            "css_href": "assets/\(SiteAssets.stylesheetName)",
            "kladde": municipalities.contains { $0.hasDraft },
            "eksempel": municipalities.contains { $0.isExample },
            "oversigt": true,
        ]
        if let base = content.config.baseURL { context["canonical"] = base }
        return context
    }
}

/// The overview's rows (`{{#kommuner}}`), each made when Mustache comes to it and let go after:
/// at 10,000 municipalities, holding every row's context at once was the largest part of a
/// build's peak memory. Each row is what ``PageContext`` gives a municipality, with its
/// reports and whether one is a draft, made safe for escaping (``HTML/isolatingMarkupCharacters(_:)``)
/// as the rest of the context is. For a template it is a list as any other: a section over it,
/// an inverted section, and `first`, `last`, `reversed`, `count` and `empty`.
///
/// ```swift
/// context["kommuner"] = OverviewRows(sortedMunicipalities)   // {{#kommuner}}{{navn}}{{/kommuner}}
/// ```
struct OverviewRows: RandomAccessCollection, MustacheSequence, MustacheTransformable {
    let municipalities: [Municipality]

    init(_ municipalities: [Municipality]) { self.municipalities = municipalities }

    var startIndex: Int { municipalities.startIndex }
    var endIndex: Int { municipalities.endIndex }

    subscript(position: Int) -> [String: Any] {
        let municipality = municipalities[position]
        var row = PageContext.municipality(municipality)
        row["rapporter"] = municipality.reports.map(PageContext.reportSummary)
        row["kladde"] = municipality.hasDraft
        return HTML.isolatingIfChanged(row) ?? row
    }

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "reversed": Array(reversed())
        case "count": count
        case "empty": isEmpty
        default: nil
        }
    }
}
