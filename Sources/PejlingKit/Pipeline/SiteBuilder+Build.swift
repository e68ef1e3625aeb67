import Foundation

extension SiteBuilder {
    /// Renders into a staging folder and swaps it in for the output when nothing failed.
    ///
    /// Incremental: when no input, template, option or the binary changed since the
    /// output's manifest was written, nothing is rendered and the output stays as it is;
    /// otherwise only municipalities whose inputs changed are loaded and rendered, the others'
    /// files are taken over (in place in the kept output, or linked from the previous one), and
    /// their summaries and warnings come from its manifest. One build at a time per output
    /// folder (``OutputLock``).
    public func build() -> Result {
        let folder = OutputFolder(path: options.outputDirectory)
        let outputLocation = SourceLocation(file: DisplayPath.relative(options.outputDirectory))
        if let refusal = folder.refusal() {
            var diagnostics = Diagnostics()
            diagnostics.error("pejling skriver ikke output her: \(refusal)", at: outputLocation)
            return .failure(diagnostics)
        }
        // One build at a time for this folder (a second one waits): held until the build returns.
        let lock = OutputLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        // The previous manifest is read on a thread of its own while the inputs are scanned
        // (at 10,000 municipalities each is about half of a rebuild with nothing changed).
        let reading = Concurrently { folder.currentManifest() }
        // Only files whose lstat changed since the last build are read (InputStatCache); the
        // cache is written at once and let go (tens of thousands of paths at 10,000 municipalities).
        let fingerprints: InputFingerprints? = {
            let cache = InputStatCache.load(from: folder.statCachePath)
            guard let (fingerprints, seen) = InputFingerprints.scan(options: options, cache: cache) else { return nil }
            if seen.differs(from: cache) { seen.write(to: folder.statCachePath) }
            return fingerprints
        }()
        // Let go as soon as the unchanged municipalities are picked out: at 10,000 the manifest
        // is tens of megabytes in memory, and a build that changes everything keeps none of it.
        var previous = reading.take()
        if let fingerprints, let previous, previous.key == fingerprints.key, folder.contains(previous, jobs: options.jobs) {
            folder.removeStaleStagingFolders()  // what killed builds left beside the output
            let warnings = Diagnostics(previous.warnings)
            return Result(diagnostics: warnings, failed: warnings.fails(strict: options.strict),
                          municipalities: previous.municipalities.keys.sorted(), fileCount: 0, unchanged: true)
        }
        let staging: String, differing: Set<String>?
        do {
            (staging, differing) = try folder.prepareStaging()
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error(SystemError.outputProblem(error), at: outputLocation)
            return .failure(diagnostics)
        }
        let sink = RecordingSink(inner: DirectorySink(root: staging, differing: differing))
        var pass = SitePass(options: options)
        pass.keepsSummaries = true
        pass.sharedFingerprint = fingerprints?.shared
        if let fingerprints, let previous {
            pass.previous = PreviousOutput(folder: folder.path, manifest: previous, fingerprints: fingerprints)
        }
        previous = nil
        var result = pass.run(into: sink)
        if result.failed {
            folder.discard(staging: staging, jobs: options.jobs)
            return result
        }
        var manifest = sink.manifest(key: fingerprints?.key ?? "", keys: { fingerprints?.municipalityKey($0) },
                                     summaries: result.summaries,
                                     warnings: result.diagnostics.sorted.filter { $0.severity == .warning })
        manifest.overview = result.overviewKey
        result.summaries = [:]
        if differing != nil {
            // What the kept output held and this build neither wrote nor took over goes.
            OutputFolder.prune(staging, shared: Array(manifest.shared.keys), municipalities: Set(manifest.municipalities.keys))
        }
        do {
            try folder.publish(staging: staging, manifest: manifest, written: sink.written, jobs: options.jobs)
        } catch {
            folder.discard(staging: staging, jobs: options.jobs)
            result.diagnostics.error(SystemError.outputProblem(error), at: outputLocation)
            result.failed = true
        }
        return result
    }
}

/// The output of the previous build, from which a build takes over the files of every
/// municipality whose inputs are unchanged.
struct PreviousOutput: Sendable {
    let folder: String
    /// The municipalities whose inputs are the same as when their files were written.
    let unchanged: [String: BuildManifest.Entry]
    /// The previous overview: the fingerprint of what it was made from, and its file's hash.
    let overview: (key: String, hash: String)?

    init(folder: String, manifest: BuildManifest, fingerprints: InputFingerprints) {
        self.folder = folder
        if let key = manifest.overview, let hash = manifest.shared[OverviewPage.path] {
            overview = (key, hash)
        } else {
            overview = nil
        }
        var unchanged: [String: BuildManifest.Entry] = [:]
        for (slug, entry) in manifest.municipalities where entry.input == fingerprints.municipalityKey(slug) {
            unchanged[slug] = entry
        }
        self.unchanged = unchanged
    }

    /// Takes over the overview into `sink` when it was made from inputs with the fingerprint `key`.
    func reuseOverview(key: String, into sink: any OutputSink) -> Bool {
        guard let overview, overview.key == key else { return false }
        return (try? sink.reuse([OverviewPage.path: overview.hash], from: folder, slug: "")) != nil
    }

    /// Takes over `slug`'s files into `sink`; false when its inputs changed or its files could not be taken.
    func reuse(_ slug: String, into sink: any OutputSink) -> Bool {
        guard let entry = unchanged[slug] else { return false }
        return (try? sink.reuse(entry.files, from: folder, slug: slug)) != nil
    }
}
