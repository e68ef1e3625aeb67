/// One pass over the site: each municipality flows through load → select → render → write on
/// its own thread (``BuildOptions/jobs`` at a time), and only its summary stays in memory;
/// then the checks across municipalities, the overview and the stylesheet.
///
/// `build`, `check` and `serve` differ only in the sink they pass and in what they set here.
///
/// ```swift
/// var pass = SitePass(options: options)
/// pass.pagesOf = ["esbjerg"]
/// let result = pass.run(into: MemorySink())
/// ```
struct SitePass: Sendable {
    let options: BuildOptions
    /// Render only these municipalities' pages (`serve` after a save); nil renders all.
    var pagesOf: Set<String>? = nil
    /// The previous output, whose unchanged municipalities are taken over instead of rendered.
    var previous: PreviousOutput? = nil
    /// What `serve` keeps between builds.
    var memory: (any BuildMemory)? = nil
    /// Whether the result carries each municipality's summary for the manifest (`build`).
    var keepsSummaries = false
    /// The fingerprint of the site-wide inputs (``InputFingerprints/shared``), from which the
    /// overview's fingerprint is made (`build`); nil renders the overview every time.
    var sharedFingerprint: UInt64? = nil
    /// Whether PDFs are rendered when the PDF stage is on; `check` makes the stage (to report a
    /// missing print template) but renders none.
    var rendersPDF = true

    /// What stays of a municipality until the end of the pass.
    struct Outcome: Sendable {
        var slug: String
        /// The whole load, only when ``SitePass/memory`` keeps it (boxed: absent, it takes no room).
        var load: Box<MunicipalityLoad>?
        var diagnostics: Diagnostics
        var summary: Municipality?
        var fileCount = 0
        var reused = false
        /// The summary as the previous manifest kept it, when the folder was not loaded.
        var kept: BuildManifest.Summary?
    }

    func run(into sink: any OutputSink) -> SiteBuilder.Result {
        var diagnostics = Diagnostics()
        let loader = ContentLoader(directory: options.contentDirectory, jobs: options.jobs)
        let site = loader.loadSiteFiles(diagnostics: &diagnostics)
        let pages = SitePages.load(templatesDirectory: options.templatesDirectory, site: site, diagnostics: &diagnostics)
        // The PDF stage (--pdf, or pdf: true in site.yml): after a municipality's pages, its
        // PDF. `check` makes the stage too, so that a missing print template is reported, but
        // renders nothing (making the stage starts no engine).
        let pdfStage = PDFStage.make(options: options, config: site?.config, templates: pages?.templates, diagnostics: &diagnostics)
        let rendersPDF = pdfStage != nil && self.rendersPDF
        defer { pdfStage?.finish() }
        guard let site else { return .failure(diagnostics) }
        let slugs = loader.municipalitySlugs(root: site.root, diagnostics: &diagnostics)
        let outcomes = loader.mapMunicipalities(slugs, site: site, memory: memory, shortcut: { slug in
            pages == nil ? nil : reusedWithoutLoading(slug, contentDisplay: site.displayDirectory, sink: sink)
        }) { slug, load in
            pass(slug, load, pages: pages, pdfStage: rendersPDF ? pdfStage : nil, sink: sink)
        }
        if let memory {
            let loads = outcomes.compactMap { outcome in outcome.load.map { (outcome.slug, $0.value) } }
            memory.keep(Dictionary(uniqueKeysWithValues: loads), siteFiles: site.fingerprints)
        }
        return finish(outcomes, diagnostics: diagnostics, pages: pages, contentDisplay: site.displayDirectory, sink: sink)
    }

    /// One municipality: selected (drafts, `--only`, ``pagesOf``), then taken over from the
    /// previous output or rendered, and written.
    private func pass(_ slug: String, _ load: MunicipalityLoad, pages: SitePages?, pdfStage: PDFStage?,
                      sink: any OutputSink) -> Outcome {
        var outcome = Outcome(slug: slug, load: memory == nil ? nil : Box(load), diagnostics: load.diagnostics, summary: load.summary)
        guard let municipality = load.municipality?.published(includeDrafts: options.includeDrafts),
              municipality.isSelected(by: options.only), pagesOf?.contains(slug) ?? true else { return outcome }
        // The reports' text was checked when it loaded: without pages (the templates failed)
        // there is nothing more to find.
        guard let pages else { return outcome }
        if previous?.reuse(slug, into: sink) == true {
            outcome.reused = true
            return outcome
        }
        let files = pages.files(for: municipality, linksPDF: pdfStage != nil)
        sink.prepare(slug: slug)
        outcome.fileCount = write(files, into: sink, diagnostics: &outcome.diagnostics)
        outcome.fileCount += pdfStage?.render(municipality, content: pages.content, templates: pages.templates,
                                              assets: pages.assets, into: sink, diagnostics: &outcome.diagnostics) ?? 0
        return outcome
    }

    /// A municipality whose inputs are those of the previous build: its files taken over, and
    /// its summary and warnings read from the previous manifest, without loading its folder.
    /// Nil when it must be loaded (changed, no summary kept, files missing, or `serve`).
    private func reusedWithoutLoading(_ slug: String, contentDisplay: String, sink: any OutputSink) -> Outcome? {
        guard memory == nil, pagesOf == nil, let previous, let kept = previous.unchanged[slug]?.summary,
              let summary = kept.municipality(contentDisplay: contentDisplay), previous.reuse(slug, into: sink) else { return nil }
        return Outcome(slug: slug, load: nil, diagnostics: Diagnostics(kept.warnings(contentDisplay: contentDisplay)),
                       summary: summary, reused: true, kept: kept)
    }

    /// The checks across municipalities, `--only`'s selectors, the overview and the stylesheet.
    private func finish(_ outcomes: [Outcome], diagnostics: Diagnostics, pages: SitePages?, contentDisplay: String,
                        sink: any OutputSink) -> SiteBuilder.Result {
        var diagnostics = diagnostics
        var fileCount = 0
        var loaded: [Municipality] = []
        var shown: [Municipality] = []
        for outcome in outcomes {
            // `--only` judges the municipalities it selects, beside the site-wide files.
            if options.only.isEmpty || (outcome.summary.map { $0.isSelected(by: options.only) } ?? options.only.contains(outcome.slug)) {
                diagnostics.append(contentsOf: outcome.diagnostics)
            }
            fileCount += outcome.fileCount
            guard let summary = outcome.summary else { continue }
            loaded.append(summary)
            if let published = summary.published(includeDrafts: options.includeDrafts) { shown.append(published) }
        }
        Municipality.validateAcross(loaded, diagnostics: &diagnostics)
        Municipality.reportUnknownSelectors(options.only, among: shown, drafts: loaded, diagnostics: &diagnostics)
        let selected = shown.filter { $0.isSelected(by: options.only) }
        var overviewKey: String?
        if let pages {
            // What the overview is made from, where a kept or previous overview may stand for it.
            let inputs = sharedFingerprint != nil || memory != nil ? pages.overviewInputs(of: selected, jobs: options.jobs) : nil
            overviewKey = sharedFingerprint.flatMap { shared in inputs?.key(shared: shared) }
            // An overview made from the same inputs as the previous one is taken over.
            if let overviewKey, previous?.reuseOverview(key: overviewKey, into: sink) == true {
                fileCount += write(pages.sharedFiles, into: sink, diagnostics: &diagnostics)
            } else {
                fileCount += write([overview(of: selected, inputs: inputs, pages: pages)] + pages.sharedFiles,
                                   into: sink, diagnostics: &diagnostics)
            }
        }
        var result = SiteBuilder.Result(diagnostics: diagnostics, failed: pages == nil || diagnostics.fails(strict: options.strict),
                                        municipalities: selected.map(\.slug), fileCount: fileCount)
        result.reusedCount = outcomes.count(where: \.reused)
        result.overviewKey = overviewKey
        if keepsSummaries {
            for outcome in outcomes {
                guard let summary = outcome.summary else { continue }
                result.summaries[outcome.slug] = outcome.kept
                    ?? BuildManifest.Summary(summary, warnings: outcome.diagnostics.sorted.filter { $0.severity == .warning },
                                             contentDisplay: contentDisplay)
            }
        }
        return result
    }

    /// The overview, or the one `memory` kept when it is made from the same inputs.
    private func overview(of municipalities: [Municipality], inputs: OverviewInputs?, pages: SitePages) -> OutputFile {
        guard let memory, let inputs else { return pages.overview(of: municipalities) }
        if let kept = memory.overview(for: inputs) { return kept }
        let file = pages.overview(of: municipalities)
        memory.keep(overview: file, for: inputs)
        return file
    }

    /// Writes `files`, each failure a diagnostic at the output folder; how many were written.
    private func write(_ files: [OutputFile], into sink: any OutputSink, diagnostics: inout Diagnostics) -> Int {
        for file in files {
            do { try sink.write(file) } catch {
                diagnostics.error(SystemError.outputProblem(error), at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
            }
        }
        return files.count
    }
}

/// A value on the heap, so that an optional of it takes one pointer's room.
final class Box<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
