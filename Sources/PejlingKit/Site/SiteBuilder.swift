import Foundation

/// The whole pipeline: load → validate → render → write. Commands only call this.
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
    }

    /// Everything but writing.
    public func check() -> Result {
        render(into: DiscardingSink())
    }

    /// Renders into a staging folder and swaps it in for the output when nothing failed.
    ///
    /// Incremental: when no input, template, option or the binary changed since the
    /// output's manifest was written, nothing is rendered and the output stays as it is;
    /// otherwise only municipalities whose inputs changed are rendered, the others' files
    /// are linked from the previous output into the new one.
    public func build() -> Result {
        let folder = OutputFolder(path: options.outputDirectory)
        let outputLocation = SourceLocation(file: DisplayPath.relative(options.outputDirectory))
        if let refusal = folder.refusal() {
            var diagnostics = Diagnostics()
            diagnostics.error("refusing to write the output: \(refusal)", at: outputLocation)
            return Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0)
        }
        let fingerprints = InputFingerprints.scan(options: options)
        let previous = folder.currentManifest()
        if let fingerprints, let previous, previous.key == fingerprints.key, folder.contains(previous, jobs: options.jobs) {
            folder.removeStaleStagingFolders()  // what killed builds left beside the output
            let warnings = Diagnostics(previous.warnings)
            return Result(diagnostics: warnings, failed: warnings.fails(strict: options.strict),
                          municipalities: previous.municipalities.keys.sorted(), fileCount: 0, unchanged: true)
        }
        let staging: String
        do {
            staging = try folder.prepareStaging()
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error("cannot create a staging folder beside the output: \(error)", at: outputLocation)
            return Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0)
        }
        let sink = RecordingSink(inner: DirectorySink(root: staging))
        var reusable: [String: BuildManifest.Entry] = [:]
        if let fingerprints, let previous {
            for (slug, entry) in previous.municipalities where entry.input == fingerprints.municipalityKey(slug) {
                reusable[slug] = entry
            }
        }
        var result = render(into: sink, reusing: reusable, from: folder.path)
        if result.failed {
            folder.discard(staging: staging)
            return result
        }
        let manifest = sink.manifest(key: fingerprints?.key ?? "", keys: { fingerprints?.municipalityKey($0) },
                                     warnings: result.diagnostics.sorted.filter { $0.severity == .warning })
        do {
            try folder.publish(staging: staging, manifest: manifest)
        } catch {
            folder.discard(staging: staging)
            result.diagnostics.error("\(error)", at: outputLocation)
            result.failed = true
        }
        return result
    }

    /// Loads, validates and renders every page into `sink`.
    public func render(into sink: any OutputSink) -> Result {
        render(into: sink, reusing: [:], from: nil)
    }

    /// Like ``render(into:)``, but renders the pages of only the municipalities whose slugs are in
    /// `slugs` (all when nil); the content is still loaded and validated in full, and the overview
    /// and stylesheet are always rendered. `serve` uses it to re-render only what changed.
    ///
    /// ```swift
    /// let result = SiteBuilder(options: options).render(into: MemorySink(), pagesOf: ["esbjerg"])
    /// ```
    public func render(into sink: any OutputSink, pagesOf slugs: Set<String>?, cache: ContentCache? = nil) -> Result {
        render(into: sink, reusing: [:], from: nil, pagesOf: slugs, cache: cache)
    }

    /// Renders every page into `sink`, except the municipalities in `reusable`, whose files
    /// are taken from the previous output folder `previousOutput`, and those not in `slugs`
    /// (when given), which are not rendered at all.
    ///
    /// One municipality at a time flows through load → render → write, and only a summary of
    /// it (no report text, no measurement) stays in memory, so memory does not grow with the
    /// size of the site. Checks across municipalities and the overview use the summaries.
    func render(into sink: any OutputSink, reusing reusable: [String: BuildManifest.Entry], from previousOutput: String?,
                pagesOf slugs: Set<String>? = nil, cache: ContentCache? = nil) -> Result {
        var diagnostics = Diagnostics()
        let loader = ContentLoader(directory: options.contentDirectory, jobs: options.jobs)
        let site = loader.loadSiteFiles(diagnostics: &diagnostics)
        let templates = TemplateSet.load(directory: options.templatesDirectory, diagnostics: &diagnostics)
        let assets = SiteAssets.load(templatesDirectory: options.templatesDirectory, diagnostics: &diagnostics)
        guard let site else { return Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0) }
        let municipalitySlugs = loader.municipalitySlugs(root: site.root, diagnostics: &diagnostics)
        let cachedLoads = slugs.flatMap { _ in cache?.results(ifSiteFiles: site.fingerprints) } ?? [:]
        // Pages are rendered only when everything site-wide loaded.
        let pageContent: SiteContent? = if let config = site.config, let catalogue = site.catalogue, templates != nil, assets != nil {
            SiteContent(config: config, catalogue: catalogue, municipalities: [])
        } else {
            nil
        }
        // The PDF stage (--pdf): after a municipality's pages, its PDF (never for `check`).
        let pdfStage = sink is DiscardingSink ? nil
            : PDFStage.make(options: options, config: site.config, templates: templates, diagnostics: &diagnostics)
        defer { pdfStage?.finish() }

        /// What stays of each municipality until the end: a summary, its diagnostics, and (for
        /// `serve`'s cache only) the whole load, boxed so that an absent one takes no room.
        final class Outcome: @unchecked Sendable {
            /// Boxed: a load inline would take its full size (about 1 KB) even when absent.
            final class Load { let result: MunicipalityLoader.Result; init(_ result: MunicipalityLoader.Result) { self.result = result } }
            var load: Load?
            var diagnostics: Diagnostics
            var summary: Municipality?
            var fileCount = 0

            init(load: MunicipalityLoader.Result, keepingLoad: Bool) {
                self.load = keepingLoad ? Load(load) : nil
                diagnostics = load.diagnostics
                summary = load.summary
            }
        }
        let outcomes = ParallelMap.map(municipalitySlugs, jobs: options.jobs) { slug -> Outcome in
            let load = loader.loadMunicipality(slug, site: site, reusable: cachedLoads, reload: slugs)
            let outcome = Outcome(load: load, keepingLoad: cache != nil)
            guard let municipality = load.municipality?.published(includeDrafts: options.includeDrafts) else { return outcome }
            guard municipality.isSelected(by: options.only), slugs?.contains(slug) ?? true else { return outcome }
            guard let pageContent, let templates, let assets else {
                // The templates failed: still report every problem in the reports' text.
                if let catalogue = site.catalogue { outcome.diagnostics.append(contentsOf: Self.checkReports(of: municipality, catalogue: catalogue)) }
                return outcome
            }
            if let previousOutput, let entry = reusable[slug],
               (try? sink.reuse(entry.files, from: previousOutput, slug: slug)) != nil {
                return outcome
            }
            let (files, problems) = MunicipalityPage(content: pageContent, municipality: municipality,
                                                     templates: templates, assets: assets, linksPDF: pdfStage != nil).render()
            outcome.diagnostics.append(contentsOf: problems)
            for file in files {
                do { try sink.write(file) } catch {
                    outcome.diagnostics.error("\(error)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
                }
            }
            outcome.fileCount = files.count
            if let pdfStage {
                outcome.fileCount += pdfStage.render(municipality, content: pageContent, templates: templates, assets: assets,
                                                     into: sink, diagnostics: &outcome.diagnostics)
            }
            return outcome
        }
        if let cache {
            cache.store(Dictionary(uniqueKeysWithValues: zip(municipalitySlugs, outcomes.compactMap(\.load?.result))), siteFiles: site.fingerprints)
        }

        var fileCount = 0
        var loaded: [Municipality] = []
        var shown: [Municipality] = []
        for outcome in outcomes {
            diagnostics.append(contentsOf: outcome.diagnostics)
            fileCount += outcome.fileCount
            guard let summary = outcome.summary else { continue }
            loaded.append(summary)
            if let published = summary.published(includeDrafts: options.includeDrafts) { shown.append(published) }
        }
        Municipality.validateAcross(loaded, diagnostics: &diagnostics)
        SiteContent.reportUnknownSelectors(options.only, among: shown, diagnostics: &diagnostics)
        let selected = shown.filter { $0.isSelected(by: options.only) }

        if let pageContent, let templates, let assets {
            let shared = [OverviewPage(content: pageContent, municipalities: selected, templates: templates).render(cache: cache)]
                + assets.files
            for file in shared {
                do { try sink.write(file) } catch {
                    diagnostics.error("\(error)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
                }
            }
            fileCount += shared.count
        }
        var result = Result(diagnostics: diagnostics, failed: pageContent == nil || diagnostics.fails(strict: options.strict),
                            municipalities: selected.map(\.slug), fileCount: fileCount)
        result.reusedCount = previousOutput == nil ? 0 : selected.count { reusable[$0.slug] != nil }
        return result
    }
}

/// Passes files on and remembers a hash of each, for the manifest.
final class RecordingSink: OutputSink, @unchecked Sendable {
    private let inner: any OutputSink
    private let lock = NSLock()
    /// Hashes as numbers: 60,000 hex strings would each be an allocation of their own.
    private var recorded: [String: UInt64] = [:]

    init(inner: any OutputSink) { self.inner = inner }

    func write(_ file: OutputFile) throws {
        try inner.write(file)
        let hash = StableHash.hash(file.bytes)
        lock.lock()
        recorded[file.path] = hash
        lock.unlock()
    }

    func reuse(_ files: [String: String], from folder: String, slug: String) throws {
        try inner.reuse(files, from: folder, slug: slug)
        lock.lock()
        for (path, hex) in files { recorded[path] = UInt64(hex, radix: 16) ?? 0 }
        lock.unlock()
    }

    /// The manifest of what was written: files under `<slug>/` belong to that municipality.
    /// The record is handed over (emptied), so that it and the manifest are not both kept.
    func manifest(key: String, keys: (String) -> String?, warnings: [Diagnostic]) -> BuildManifest {
        lock.lock()
        let recorded = self.recorded
        self.recorded = [:]
        lock.unlock()
        var manifest = BuildManifest(key: key, warnings: warnings)
        for (path, hash) in recorded {
            if let slash = path.firstIndex(of: "/"), path[..<slash] != "assets" {
                let slug = String(path[..<slash])
                manifest.municipalities[slug, default: BuildManifest.Entry(input: keys(slug) ?? "", files: [:])].files[path] = BuildManifest.hex(hash)
            } else {
                manifest.shared[path] = BuildManifest.hex(hash)
            }
        }
        return manifest
    }
}
