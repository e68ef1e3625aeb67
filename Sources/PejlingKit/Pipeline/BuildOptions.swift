import Foundation

/// What a build or check was asked to do, as the command line says it.
///
/// ```swift
/// var options = BuildOptions()
/// options.includeDrafts = true
/// options.only = ["esbjerg", "860"]
/// ```
public struct BuildOptions: Sendable, Hashable {
    /// `--content`.
    public var contentDirectory = "content"
    /// `--templates`.
    public var templatesDirectory = "Templates"
    /// `--output`.
    public var outputDirectory = "output"
    /// `--drafts`: include reports with `kladde: true`.
    public var includeDrafts = false
    /// `--only`: slugs or codes; empty means every municipality.
    public var only: [String] = []
    /// `--jobs`: threads for loading and rendering.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// `--strict`: warnings fail the build.
    public var strict = false
    /// `--pdf`: also write `<slug>/<slug>.pdf`. nil: as site.yml's `pdf` says (default no);
    /// `serve` sets false, and renders a PDF only when it is asked for.
    public var pdf: Bool?
    /// The PDF engine; nil finds it as ``PDFEngine/locate(environment:)`` says.
    var pdfEngine: PDFEngine?

    public init() {}
}
