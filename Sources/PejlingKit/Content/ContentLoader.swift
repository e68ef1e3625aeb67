import Foundation

/// Loads `content/`: reads every file once, parses it, and validates it across files.
/// Nothing is thrown: every problem becomes a ``Diagnostic``.
///
/// ```swift
/// let (content, diagnostics) = ContentLoader(directory: "content").load()
/// ```
public struct ContentLoader: Sendable {
    /// The content folder as the user named it.
    public let directory: String
    /// How many municipalities are loaded at once.
    public var jobs: Int

    public init(directory: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.directory = directory
        self.jobs = max(1, jobs)
    }

    /// The path of `relative` inside the content folder, as shown in diagnostics.
    func display(_ relative: String) -> String {
        DisplayPath.join(directory, relative)
    }

    /// The site-wide part of the content: the folder's real path, site.yml and kriterier.yml.
    struct SiteFiles: Sendable {
        let root: String
        /// The content folder as diagnostics show it, worked out once (``DisplayPath/relative(_:)``
        /// asks the environment and the file system).
        let displayDirectory: String
        let config: SiteConfig?
        let catalogue: CriteriaCatalogue?
        let fingerprints: [String: UInt64]
    }

    /// Reads site.yml and kriterier.yml; nil (with a diagnostic) when the content folder is missing.
    func loadSiteFiles(diagnostics: inout Diagnostics) -> SiteFiles? {
        guard SafePath.isDirectory(directory) else {
            if SafePath.exists(directory) {
                diagnostics.error("'\(DisplayPath.relative(directory))' er en fil og ikke en mappe; --content skal angive indholdsmappen",
                                  at: SourceLocation(file: DisplayPath.relative(directory)),
                                  hint: "angiv mappen, der indeholder site.yml, kriterier.yml og kommuner/, fx --content content")
            } else {
                diagnostics.error("indholdsmappen findes ikke", at: SourceLocation(file: DisplayPath.relative(directory)),
                                  hint: "kør pejling i mappen, hvor content/ ligger, eller angiv mappen med --content")
            }
            return nil
        }
        guard let root = SafePath.realPath(directory) else {
            diagnostics.error("indholdsmappens sti kan ikke slås op", at: SourceLocation(file: DisplayPath.relative(directory)))
            return nil
        }
        var fingerprints: [String: UInt64] = [:]
        func readSiteFile(_ name: String) -> SourceText? {
            let display = display(name)
            guard let source = readInside(root: root, relative: name, display: display, diagnostics: &diagnostics) else { return nil }
            fingerprints[name] = StableHash.hash(source.bytes)
            CPRScanner.check(source, diagnostics: &diagnostics)
            return source
        }
        let config = readSiteFile("site.yml").flatMap { SiteConfig.load($0, diagnostics: &diagnostics) }
        let catalogue = readSiteFile("kriterier.yml").flatMap { CriteriaCatalogue.load($0, diagnostics: &diagnostics) }
        return SiteFiles(root: root, displayDirectory: DisplayPath.relative(directory), config: config, catalogue: catalogue, fingerprints: fingerprints)
    }

    /// Loads one municipality folder, or takes it from `reusable` when `reload` is given and
    /// does not name it.
    func loadMunicipality(_ slug: String, site: SiteFiles, reusable: [String: MunicipalityLoader.Result],
                          reload: Set<String>?) -> MunicipalityLoader.Result {
        if let reload, !reload.contains(slug), let previous = reusable[slug] { return previous }
        return MunicipalityLoader(root: site.root, displayDirectory: site.displayDirectory, slug: slug).load(catalogue: site.catalogue)
    }

    /// Loads and validates the whole content folder.
    ///
    /// With a `cache` and a set of slugs to `reload`, municipalities outside that set are taken
    /// from the cache as the previous load left them (when site.yml and kriterier.yml are
    /// unchanged), so that `serve` re-reads only the folders that changed.
    public func load(cache: ContentCache? = nil, reload: Set<String>? = nil) -> (SiteContent?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let site = loadSiteFiles(diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let slugs = municipalitySlugs(root: site.root, diagnostics: &diagnostics)
        let reusable = reload.flatMap { _ in cache?.results(ifSiteFiles: site.fingerprints) } ?? [:]
        let loaded = ParallelMap.map(slugs, jobs: jobs) { slug in
            loadMunicipality(slug, site: site, reusable: reusable, reload: reload)
        }
        cache?.store(Dictionary(uniqueKeysWithValues: zip(slugs, loaded)), siteFiles: site.fingerprints)
        var municipalities: [Municipality] = []
        var fingerprints: [String: [String: UInt64]] = ["": site.fingerprints]
        for result in loaded {
            diagnostics.append(contentsOf: result.diagnostics)
            if let municipality = result.municipality {
                municipalities.append(municipality)
                fingerprints[municipality.slug] = result.fingerprints
            }
        }
        Municipality.validateAcross(municipalities, diagnostics: &diagnostics)
        guard let config = site.config, let catalogue = site.catalogue else { return (nil, diagnostics) }
        let content = SiteContent(config: config, catalogue: catalogue, municipalities: municipalities,
                                  inputFingerprints: fingerprints)
        return (content, diagnostics)
    }

    /// The municipality folders, sorted; a folder name that is not a valid slug is an error.
    func municipalitySlugs(root: String, diagnostics: inout Diagnostics) -> [String] {
        let folder = root + "/kommuner"
        let display = display("kommuner")
        guard SafePath.isDirectory(folder) else {
            diagnostics.error("mappen kommuner/ mangler: hver kommune er en mappe content/kommuner/<slug>/",
                              at: SourceLocation(file: display))
            return []
        }
        var slugs: [String] = []
        // Below the content folder's real path, a folder that is no symbolic link (in a
        // kommuner/ that is none) is inside: only links need the full check.
        let folderIsLink = SafePath.hasSymbolicLink(below: root, relative: "kommuner")
        for name in SafePath.listing(folder) {
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            let isLink = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            guard isLink ? SafePath.isDirectory(path) : (info.st_mode & S_IFMT) == S_IFDIR else {
                diagnostics.warning("springes over: kun mapper hører hjemme i kommuner/", at: SourceLocation(file: DisplayPath.join(display, name)))
                continue
            }
            guard Identifier.isValid(name) else {
                diagnostics.error("mappenavnet '\(name)' kan ikke bruges: brug kun små bogstaver a–z, cifre og '-'",
                                  at: SourceLocation(file: DisplayPath.join(display, name)),
                                  hint: "fx '\(Slug.make(from: name))'")
                continue
            }
            guard !(folderIsLink || isLink) || SafePath.isInside(path, root: root) else {
                diagnostics.error("mappen er et link til et sted uden for indholdsmappen; pejling læser intet uden for den",
                                  at: SourceLocation(file: DisplayPath.join(display, name)))
                continue
            }
            slugs.append(name)
        }
        if slugs.isEmpty {
            diagnostics.warning("der er ingen kommunemapper i kommuner/", at: SourceLocation(file: display))
        }
        return slugs.sorted()
    }
}

/// Reads a file below `root`, refusing one that resolves (through a symbolic link) outside it.
func readInside(root: String, relative: String, display: String, diagnostics: inout Diagnostics) -> SourceText? {
    let path = root + "/" + relative
    guard SafePath.exists(path) else {
        let dangling = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
        diagnostics.error(dangling ? "filen er et symbolsk link, der ikke peger på noget" : "filen findes ikke",
                          at: SourceLocation(file: display))
        return nil
    }
    guard SafePath.isInside(path, root: root) else {
        diagnostics.error("filen er et link til et sted uden for sin mappe; pejling læser intet uden for indholdsmappen",
                          at: SourceLocation(file: display))
        return nil
    }
    switch SourceText.read(path: path, displayPath: display) {
    case .success(let source): return source
    case .failure(let diagnostic):
        diagnostics.append(diagnostic)
        return nil
    }
}

/// What loading each municipality gave last time, for `serve`: one instance lives as long as
/// the server, and a rebuild after a save re-reads only the changed folders.
///
/// ```swift
/// let cache = ContentCache()
/// _ = ContentLoader(directory: "content").load(cache: cache)                        // reads all
/// _ = ContentLoader(directory: "content").load(cache: cache, reload: ["egelund"])   // reads one
/// ```
public final class ContentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var siteFiles: [String: UInt64] = [:]
    private var entries: [String: MunicipalityLoader.Result] = [:]
    private var overview: (inputs: OverviewPage.Inputs, file: OutputFile)?

    public init() {}

    /// The cached results, if they were loaded against the same site-wide files.
    func results(ifSiteFiles current: [String: UInt64]) -> [String: MunicipalityLoader.Result]? {
        lock.lock()
        defer { lock.unlock() }
        return siteFiles == current && !entries.isEmpty ? entries : nil
    }

    /// The overview rendered last, if it was made from the same inputs.
    func overview(for inputs: OverviewPage.Inputs) -> OutputFile? {
        lock.lock()
        defer { lock.unlock() }
        return overview?.inputs == inputs ? overview?.file : nil
    }

    func storeOverview(_ file: OutputFile, for inputs: OverviewPage.Inputs) {
        lock.lock()
        overview = (inputs, file)
        lock.unlock()
    }

    func store(_ results: [String: MunicipalityLoader.Result], siteFiles: [String: UInt64]) {
        lock.lock()
        entries = results
        self.siteFiles = siteFiles
        lock.unlock()
    }
}
