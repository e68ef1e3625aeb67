/// The shared stylesheet from `Templates/assets/`, and the same rules scoped under the
/// fragment's wrapper for CMS embedding.
struct SiteAssets: Sendable {
    static let stylesheetName = "pejling.css"
    static let fragmentWrapperClass = "pejling-indlejring"

    let stylesheet: String
    let scopedStylesheet: String

    /// Reads `assets/pejling.css` from the templates folder.
    static func load(templatesDirectory: String, diagnostics: inout Diagnostics) -> SiteAssets? {
        guard let root = SafePath.realPath(templatesDirectory) else { return nil }
        let relative = "assets/\(stylesheetName)"
        guard let source = readInside(root: root, relative: relative,
                                      display: DisplayPath.join(templatesDirectory, relative), diagnostics: &diagnostics) else {
            return nil
        }
        return SiteAssets(stylesheet: source.text,
                          scopedStylesheet: CSSScoper.scope(source.text, under: "." + fragmentWrapperClass))
    }

    var files: [OutputFile] {
        [OutputFile(path: "assets/\(Self.stylesheetName)", text: stylesheet)]
    }
}
