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
    }

    /// Everything but writing.
    public func check() -> Result {
        render(into: DiscardingSink())
    }

    /// Renders into a staging folder and swaps it in for the output when nothing failed.
    public func build() -> Result {
        let folder = OutputFolder(path: options.outputDirectory)
        if let refusal = folder.refusal() {
            var diagnostics = Diagnostics()
            diagnostics.error("refusing to write the output: \(refusal)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
            return Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0)
        }
        let staging: String
        do {
            staging = try folder.prepareStaging()
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error("cannot create a staging folder beside the output: \(error)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
            return Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0)
        }
        let sink = RecordingSink(inner: DirectorySink(root: staging))
        var result = render(into: sink)
        if result.failed {
            folder.discard(staging: staging)
            return result
        }
        do {
            try folder.publish(staging: staging, manifest: BuildManifest(files: sink.hashes, options: manifestOptions))
        } catch {
            folder.discard(staging: staging)
            result.diagnostics.error("\(error)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
            result.failed = true
        }
        return result
    }

    var manifestOptions: [String: String] {
        ["drafts": options.includeDrafts ? "true" : "false", "only": options.only.joined(separator: ",")]
    }

    /// Loads, validates and renders every page into `sink`.
    public func render(into sink: any OutputSink) -> Result {
        let (loaded, loadDiagnostics) = ContentLoader(directory: options.contentDirectory, jobs: options.jobs).load()
        var diagnostics = loadDiagnostics
        let templates = TemplateSet.load(directory: options.templatesDirectory, diagnostics: &diagnostics)
        let assets = SiteAssets.load(templatesDirectory: options.templatesDirectory, diagnostics: &diagnostics)
        guard let loaded, let templates, let assets else {
            // The templates failed: still report every problem in the reports' text.
            if let loaded { diagnostics.append(contentsOf: checkReports(loaded)) }
            return Result(diagnostics: diagnostics, failed: true, municipalities: [], fileCount: 0)
        }
        let content = loaded.applyingDrafts(include: options.includeDrafts)
        let selected = content.selecting(options.only, diagnostics: &diagnostics)

        let jobs = options.jobs
        let rendered = ParallelMap.map(selected, jobs: jobs) { municipality -> (Int, Diagnostics) in
            let (files, problems) = MunicipalityPage(content: content, municipality: municipality,
                                                     templates: templates, assets: assets).render()
            var diagnostics = problems
            for file in files {
                do { try sink.write(file) } catch {
                    diagnostics.error("\(error)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
                }
            }
            return (files.count, diagnostics)
        }
        var fileCount = 0
        for (count, problems) in rendered {
            fileCount += count
            diagnostics.append(contentsOf: problems)
        }
        let shared = [OverviewPage(content: content, municipalities: selected, templates: templates).render()]
            + assets.files
        for file in shared {
            do { try sink.write(file) } catch {
                diagnostics.error("\(error)", at: SourceLocation(file: DisplayPath.relative(options.outputDirectory)))
            }
        }
        fileCount += shared.count
        return Result(diagnostics: diagnostics, failed: diagnostics.fails(strict: options.strict),
                      municipalities: selected.map(\.slug), fileCount: fileCount)
    }
}

/// Passes files on and remembers a hash of each, for the manifest.
final class RecordingSink: OutputSink, @unchecked Sendable {
    private let inner: any OutputSink
    private let lock = NSLock()
    private var recorded: [String: String] = [:]

    init(inner: any OutputSink) { self.inner = inner }

    func write(_ file: OutputFile) throws {
        try inner.write(file)
        let hash = BuildManifest.hash(file.bytes)
        lock.lock()
        recorded[file.path] = hash
        lock.unlock()
    }

    var hashes: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
