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

    /// Loads every municipality folder in `slugs` on ``jobs`` threads and hands each load to
    /// `body` on the thread that made it; the results come back in the order of `slugs`. A load
    /// that `memory` kept from an earlier build is used instead of reading its folder again.
    ///
    /// ```swift
    /// let titles = loader.mapMunicipalities(slugs, site: site, memory: nil) { _, load in load.municipality?.name }
    /// ```
    ///
    /// `shortcut` is asked first, on the same thread: what it returns stands for the slug's
    /// result, and its folder is not read (a build takes an unchanged municipality's summary
    /// from the previous output's manifest).
    func mapMunicipalities<Output: Sendable>(_ slugs: [String], site: SiteFiles, memory: (any BuildMemory)?,
                                             shortcut: @Sendable (String) -> Output? = { _ in nil },
                                             _ body: @Sendable (String, MunicipalityLoad) -> Output) -> [Output] {
        ParallelMap.map(slugs, jobs: jobs) { slug in
            if let result = shortcut(slug) { return result }
            let load = memory?.load(of: slug, siteFiles: site.fingerprints)
                ?? MunicipalityLoader(root: site.root, displayDirectory: site.displayDirectory, slug: slug).load(catalogue: site.catalogue)
            return body(slug, load)
        }
    }

    /// Loads and validates the whole content folder into memory (a build streams instead:
    /// see ``SitePass``).
    func load() -> (SiteContent?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let site = loadSiteFiles(diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let slugs = municipalitySlugs(root: site.root, diagnostics: &diagnostics)
        let loads = mapMunicipalities(slugs, site: site, memory: nil) { _, load in load }
        for load in loads { diagnostics.append(contentsOf: load.diagnostics) }
        let municipalities = loads.compactMap(\.municipality)
        Municipality.validateAcross(municipalities, diagnostics: &diagnostics)
        guard let config = site.config, let catalogue = site.catalogue else { return (nil, diagnostics) }
        return (SiteContent(config: config, catalogue: catalogue, municipalities: municipalities), diagnostics)
    }

    /// The folder (slug) of the municipality, not an example, whose kommune.yml has `code`, if
    /// any: `pejling new` makes no second folder for a code.
    ///
    /// ```swift
    /// ContentLoader(directory: "content", jobs: 1).municipalityFolder(withCode: 561)  // "esbjerg"
    /// ```
    public func municipalityFolder(withCode code: Int) -> String? {
        load().0?.municipalities.first { $0.code == code && !$0.isExample }?.slug
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
