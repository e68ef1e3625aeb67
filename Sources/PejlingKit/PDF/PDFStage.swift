import Foundation

/// The PDF stage of a build (`--pdf`, or `pdf: true` in site.yml): after a municipality's
/// pages are rendered, its print document (``PrintDocument``) goes to the engine
/// (``PDFEnginePool``) and `<slug>/<slug>.pdf` to the sink, like every other file, so it is
/// staged, recorded in the manifest and reused by incremental builds as they are.
///
/// ```swift
/// let stage = PDFStage.make(options: options, config: config, templates: templates, diagnostics: &diagnostics)
/// stage?.render(municipality, content: content, templates: templates, assets: assets, into: sink, diagnostics: &d)
/// stage?.finish()
/// ```
final class PDFStage: Sendable {
    private let pool: PDFEnginePool
    private let printStylesheet: String
    private let options: BuildOptions

    private init(pool: PDFEnginePool, printStylesheet: String, options: BuildOptions) {
        self.pool = pool
        self.printStylesheet = printStylesheet
        self.options = options
    }

    /// The stage, when PDFs are asked for and the print template and stylesheet are there;
    /// nil when they are not asked for, or (with an error in `diagnostics`) when they are
    /// missing. The engine is not started until the first document needs it.
    static func make(options: BuildOptions, config: SiteConfig?, templates: TemplateSet?,
                     diagnostics: inout Diagnostics) -> PDFStage? {
        guard options.pdf ?? config?.pdf ?? false, let templates else { return nil }
        let location = SourceLocation(file: DisplayPath.relative(options.templatesDirectory))
        guard templates.names.contains(PrintDocument.templateName) else {
            diagnostics.error("PDF'en kræver skabelonen \(PrintDocument.templateName).mustache, som mangler i skabelonmappen",
                              at: location, hint: "kopiér Templates/pdf.mustache og Templates/pdf/ fra pejling")
            return nil
        }
        guard let root = SafePath.realPath(options.templatesDirectory),
              let stylesheet = readInside(root: root, relative: PrintDocument.stylesheetPath,
                                          display: DisplayPath.join(options.templatesDirectory, PrintDocument.stylesheetPath),
                                          diagnostics: &diagnostics) else {
            return nil
        }
        return PDFStage(pool: PDFEnginePool(engine: options.pdfEngine ?? PDFEngine.locate()), printStylesheet: stylesheet.text, options: options)
    }

    /// Renders `<slug>/<slug>.pdf` into `sink`; returns how many files it wrote (0 or 1).
    /// A failure is an error naming the municipality, and fails the build, which then
    /// leaves the previous output as it was.
    @discardableResult
    func render(_ municipality: Municipality, content: SiteContent, templates: TemplateSet, assets: SiteAssets,
                into sink: any OutputSink, diagnostics: inout Diagnostics) -> Int {
        let html = PrintDocument(content: content, municipality: municipality, templates: templates,
                                 assets: assets, printStylesheet: printStylesheet).render()
        let slug = municipality.slug
        let outputLocation = SourceLocation(file: DisplayPath.relative(options.outputDirectory))
        switch pool.render(Array(html.utf8)) {
        case .rendered(let pdf):
            do {
                try sink.write(OutputFile(path: "\(slug)/\(slug).pdf", bytes: pdf))
                return 1
            } catch {
                diagnostics.error(SystemError.outputProblem(error), at: outputLocation)
            }
        case .failed(let error) where error.isUnavailable:
            diagnostics.error("PDF'erne kan ikke laves: \(error)", at: outputLocation, hint: PDFEngine.installHint)
        case .failed(let error):
            diagnostics.error("PDF'en for \(municipality.name) (\(slug)) kunne ikke laves: \(error)",
                              at: SourceLocation(file: DisplayPath.join(options.contentDirectory, "kommuner/\(slug)")))
        case .unavailable:
            break  // reported once, by the render that found it
        }
        return 0
    }

    /// Stops the engines once every document is rendered.
    func finish() {
        pool.shutDown()
    }
}
