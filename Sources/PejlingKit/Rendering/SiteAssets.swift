/// The shared stylesheet from `Templates/assets/*.css`, and the same rules scoped under the
/// fragment's wrapper for CMS embedding.
struct SiteAssets: Sendable {
    static let stylesheetName = "pejling.css"
    static let fragmentWrapperClass = "pejling-indlejring"

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
        return SiteAssets(stylesheet: stylesheet,
                          scopedStylesheet: CSSScoper.scope(stylesheet, under: "." + fragmentWrapperClass))
    }

    var files: [OutputFile] {
        [OutputFile(path: "assets/\(Self.stylesheetName)", text: stylesheet)]
    }
}
