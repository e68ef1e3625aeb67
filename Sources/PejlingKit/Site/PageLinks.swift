/// Addresses on a municipality's pages: relative without `base_url`, absolute with it.
///
/// Without `base_url` every link is relative, so a folder works wherever it is put (and
/// opened from disk). With it, pages get canonical links and downloads get absolute
/// addresses, so the self-contained file and the CMS fragment still reach them when they
/// are uploaded somewhere else.
///
/// ```swift
/// let links = PageLinks(baseURL: "https://example.dk/rapporter/", slug: "esbjerg")
/// links.file("data.csv")       // "https://example.dk/rapporter/esbjerg/data.csv"
/// links.canonicalFolderPage    // "https://example.dk/rapporter/esbjerg/"
/// PageLinks(baseURL: nil, slug: "esbjerg").file("data.csv")  // "data.csv"
/// ```
struct PageLinks: Sendable, Hashable {
    /// The site's `base_url`, always ending in `/`, or nil.
    let baseURL: String?
    /// The municipality's folder name.
    let slug: String

    /// A file in the municipality's folder, as linked from a page in that folder.
    func file(_ name: String) -> String {
        guard let baseURL else { return name }
        return baseURL + slug + "/" + name
    }

    /// The canonical address of `<slug>/index.html`: its folder.
    var canonicalFolderPage: String? {
        baseURL.map { $0 + slug + "/" }
    }

    /// The canonical address of the self-contained `<slug>/<slug>.html`: the file itself.
    var canonicalStandalone: String? {
        baseURL.map { $0 + slug + "/" + slug + ".html" }
    }
}

/// A file beside the pages that the pages link to under "Hent tallene".
struct Download: Sendable, Hashable {
    /// The file name in the municipality's folder.
    let fileName: String
    /// The link text.
    let label: String
    /// The format, shown after the link.
    let format: String

    /// Every download a page can offer, in the order shown.
    static let all = [
        Download(fileName: "data.csv", label: "Tallene som regneark", format: "CSV, åbnes i Excel"),
        Download(fileName: "data.json", label: "Tallene som data", format: "JSON"),
    ]

    /// The downloads among `files` (the files written for the municipality), as template
    /// values: `navn`, `href` and `format`.
    ///
    /// ```swift
    /// Download.links(among: files, links: PageLinks(baseURL: nil, slug: "esbjerg"))
    /// // [["navn": "Tallene som regneark", "href": "data.csv", "format": "CSV, åbnes i Excel"]] when esbjerg/data.csv is there
    /// ```
    static func links(among files: [OutputFile], links: PageLinks) -> [[String: Any]] {
        let written = Set(files.map(\.path))
        return all.filter { written.contains(links.slug + "/" + $0.fileName) }.map { download in
            ["navn": download.label, "href": links.file(download.fileName), "format": download.format]
        }
    }
}
