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

    /// Where the page header's site title links from a municipality's pages: the overview
    /// at `base_url` when there is one, else nowhere.
    ///
    /// A municipality publishes its folder (`<slug>/` and `assets/`), the self-contained file
    /// or the fragment on its own site, without the overview beside it, so a relative link
    /// to `../index.html` would be a dead link there. The overview is published only where
    /// `base_url` says the whole site is.
    ///
    /// ```swift
    /// PageLinks(baseURL: nil, slug: "esbjerg").overview                          // nil
    /// PageLinks(baseURL: "https://example.dk/rapporter/", slug: "esbjerg").overview
    /// // "https://example.dk/rapporter/"
    /// ```
    var overview: String? { baseURL }

    /// The canonical address of `<slug>/index.html`: its folder.
    var canonicalFolderPage: String? {
        baseURL.map { $0 + slug + "/" }
    }

    /// The canonical address of the self-contained `<slug>/<slug>.html`: the file itself.
    var canonicalStandalone: String? {
        baseURL.map { $0 + slug + "/" + slug + ".html" }
    }
}

/// The downloads beside the pages (`data.csv`, `data.json`), as the `hentning` partial
/// links them: relative without `base_url`, absolute with it.
enum Download {
    /// The file names, by the template key that links each.
    static let files = [("csv", "data.csv"), ("json", "data.json")]

    /// `["csv": …, "json": …]` when both were written for the municipality, else nil.
    ///
    /// ```swift
    /// Download.links(among: files, links: PageLinks(baseURL: nil, slug: "esbjerg"))
    /// // ["csv": "data.csv", "json": "data.json"]
    /// ```
    static func links(among written: [OutputFile], links: PageLinks) -> [String: String]? {
        let paths = Set(written.map(\.path))
        guard files.allSatisfy({ paths.contains(links.slug + "/" + $0.1) }) else { return nil }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.0, links.file($0.1)) })
    }
}
