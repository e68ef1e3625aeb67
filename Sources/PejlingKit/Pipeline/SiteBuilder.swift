import Foundation

/// What the commands call: `check`, `build` and `serve` are short compositions of the stages
/// (Content → Rendering → Output) that a ``SitePass`` runs, one municipality at a time.
///
/// ```swift
/// var options = BuildOptions()
/// options.outputDirectory = "output"
/// let result = SiteBuilder(options: options).build()
/// for diagnostic in result.diagnostics.sorted { print(diagnostic) }
/// ```
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What a build or check did.
    public struct Result: Sendable {
        public var diagnostics: Diagnostics
        /// Whether the build failed (errors, or warnings under `--strict`, or a refused output).
        public var failed: Bool
        /// The municipality slugs rendered.
        public var municipalities: [String]
        /// How many files were rendered.
        public var fileCount: Int
        /// How many municipalities' files were taken over unchanged from the previous output.
        public var reusedCount = 0
        /// Nothing had changed since the previous build: nothing was rendered or written.
        public var unchanged = false
        /// Each municipality's summary and warnings, for the manifest (only a build keeps them).
        var summaries: [String: BuildManifest.Summary] = [:]
        /// The overview's fingerprint, for the manifest (``OverviewInputs/key(shared:)``).
        var overviewKey: String?

        /// A build that stopped before rendering anything.
        static func failure(_ diagnostics: Diagnostics) -> Result {
            Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0)
        }
    }

    /// Everything but writing: load, validate and render into nothing.
    public func check() -> Result {
        var pass = SitePass(options: options)
        pass.rendersPDF = false
        return pass.run(into: DiscardingSink())
    }

    /// Loads, validates and renders every page into `sink`.
    public func render(into sink: any OutputSink) -> Result {
        SitePass(options: options).run(into: sink)
    }

    /// Like ``render(into:)``, for `serve`: renders the pages of only the municipalities in
    /// `slugs` (all when nil), taking the other loads and an unchanged overview from `memory`.
    /// The content is still validated in full, and the overview and stylesheet are always written.
    ///
    /// ```swift
    /// let result = SiteBuilder(options: options).render(into: MemorySink(), pagesOf: ["esbjerg"], memory: cache)
    /// ```
    public func render(into sink: any OutputSink, pagesOf slugs: Set<String>?, memory: (any BuildMemory)?) -> Result {
        var pass = SitePass(options: options)
        pass.pagesOf = slugs
        pass.memory = memory
        return pass.run(into: sink)
    }
}
