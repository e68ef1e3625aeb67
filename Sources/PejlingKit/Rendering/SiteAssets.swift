/// The shared stylesheet from `Templates/assets/*.css`, and the same rules scoped under the
/// fragment's wrapper for CMS embedding, after the fragment's defence against its host
/// page's CSS (`Templates/indlejring.css`).
struct SiteAssets: Sendable {
    static let stylesheetName = "pejling.css"
    static let fragmentWrapperClass = "pejling-indlejring"
    /// The wrapper's id: the fragment has one wrapper, and a host page one fragment.
    static let fragmentWrapperID = "pejling-indlejring"
    /// The fragment's rules go under an id and the class twice, so that they are more
    /// specific than an ordinary host rule such as `#main a` or `#indhold .content table td`
    /// (an id, a class and elements), and win over it whichever comes first in the page.
    static let fragmentScope = "#\(fragmentWrapperID).\(fragmentWrapperClass).\(fragmentWrapperClass)"
    /// The fragment's defence, beside the templates' pages; without it the fragment gets
    /// only the scoped page rules.
    static let fragmentDefenceName = "indlejring.css"

    let stylesheet: String
    let scopedStylesheet: String
    /// The two, ready for the templates once per build (not once per page).
    let preparedStylesheet: PreparedText
    let preparedScopedStylesheet: PreparedText

    init(stylesheet: String, scopedStylesheet: String) {
        self.stylesheet = stylesheet
        self.scopedStylesheet = scopedStylesheet
        preparedStylesheet = PreparedText(stylesheet)
        preparedScopedStylesheet = PreparedText(scopedStylesheet)
    }

    /// Reads every `assets/*.css` of the templates folder, in name order, into one stylesheet
    /// (so figures, print rules and layout can live in files of their own).
    static func load(templatesDirectory: String, diagnostics: inout Diagnostics) -> SiteAssets? {
        guard let root = SafePath.realPath(templatesDirectory) else { return nil }
        let names = SafePath.listing(root + "/assets").filter { $0.hasSuffix(".css") && !$0.hasPrefix(".") }
        guard !names.isEmpty else {
            diagnostics.error("intet stylesheet: Templates/assets/ skal indeholde mindst én .css-fil",
                              at: SourceLocation(file: DisplayPath.join(templatesDirectory, "assets")))
            return nil
        }
        var parts: [String] = []
        for name in names {
            let relative = "assets/" + name
            guard let source = readInside(root: root, relative: relative,
                                          display: DisplayPath.join(templatesDirectory, relative), diagnostics: &diagnostics) else {
                return nil
            }
            parts.append("/* \(name) */\n" + source.text)
        }
        let stylesheet = parts.joined(separator: "\n")
        var defence = ""
        if SafePath.exists(root + "/" + fragmentDefenceName) {
            guard let source = readInside(root: root, relative: fragmentDefenceName,
                                          display: DisplayPath.join(templatesDirectory, fragmentDefenceName),
                                          diagnostics: &diagnostics) else {
                return nil
            }
            defence = source.text + "\n"
        }
        return SiteAssets(stylesheet: stylesheet,
                          scopedStylesheet: CSSScoper.scope(defence + stylesheet, under: fragmentScope))
    }

    var files: [OutputFile] {
        [OutputFile(path: "assets/\(Self.stylesheetName)", text: stylesheet)]
    }
}
