/// Loads one municipality folder: kommune.yml, its reports and their measurements.
struct MunicipalityLoader: Sendable {
    /// The content folder's real path.
    let root: String
    /// The content folder as diagnostics show it (``DisplayPath/relative(_:)`` of it).
    let displayDirectory: String
    let slug: String

    struct Result: Sendable {
        /// Fixed, so that ``summary`` always matches it.
        let municipality: Municipality?
        var diagnostics: Diagnostics
        var fingerprints: [String: UInt64]
        /// The municipality's ``Municipality/summary``, made once with the load: `serve` keeps
        /// loads between builds, and 10,000 summaries made again on every save cost time.
        let summary: Municipality?

        init(municipality: Municipality?, diagnostics: Diagnostics, fingerprints: [String: UInt64]) {
            self.municipality = municipality
            self.diagnostics = diagnostics
            self.fingerprints = fingerprints
            summary = municipality?.summary
        }
    }

    var folderRelative: String { "kommuner/\(slug)" }
    func display(_ name: String) -> String { DisplayPath.appending(displayDirectory, folderRelative + "/" + name) }

    func load(catalogue: CriteriaCatalogue?) -> Result {
        var diagnostics = Diagnostics()
        var fingerprints: [String: UInt64] = [:]
        let folder = root + "/" + folderRelative

        func read(_ name: String) -> SourceText? {
            guard let source = readInside(root: folder, relative: name, display: display(name), diagnostics: &diagnostics) else {
                return nil
            }
            fingerprints[name] = StableHash.hash(source.bytes)
            CPRScanner.check(source, diagnostics: &diagnostics)
            return source
        }

        guard let municipalitySource = read("kommune.yml"),
              var municipality = Municipality.parse(municipalitySource, slug: slug, diagnostics: &diagnostics) else {
            if !SafePath.exists(folder + "/kommune.yml") {
                diagnostics = Diagnostics(diagnostics.filter { $0.location.file != display("kommune.yml") })
                diagnostics.error("missing kommune.yml: every municipality folder needs one (kode, navn)",
                                  at: SourceLocation(file: DisplayPath.appending(displayDirectory, folderRelative)))
            }
            return Result(municipality: nil, diagnostics: diagnostics, fingerprints: fingerprints)
        }

        for kind in ReportKind.allCases {
            let name = kind.fileName
            guard SafePath.exists(folder + "/" + name) else {
                if kind == .analysis {
                    diagnostics.error("missing analyse.md: every municipality has an analysis report",
                                      at: SourceLocation(file: DisplayPath.appending(displayDirectory, folderRelative)))
                }
                continue
            }
            guard let source = read(name), var report = Report.parse(source, kind: kind, diagnostics: &diagnostics) else { continue }
            if let path = report.measurementPath {
                report.measurement = loadMeasurement(path, for: report, folder: folder,
                                                     catalogue: catalogue, fingerprints: &fingerprints, diagnostics: &diagnostics)
            }
            switch kind {
            case .analysis: municipality.analysis = report
            case .status: municipality.status = report
            }
        }
        municipality.validateReports(diagnostics: &diagnostics)
        return Result(municipality: municipality, diagnostics: diagnostics, fingerprints: fingerprints)
    }

    func loadMeasurement(_ path: String, for report: Report, folder: String, catalogue: CriteriaCatalogue?,
                         fingerprints: inout [String: UInt64], diagnostics: inout Diagnostics) -> Measurement? {
        let location = report.measurementPathLocation
        guard SafePath.isSafeRelative(path) else {
            diagnostics.error("maaling must be a path inside the municipality's folder, such as maalinger/2015.json",
                              at: location)
            return nil
        }
        let measurementPath = folder + "/" + path
        guard SafePath.exists(measurementPath) else {
            diagnostics.error("maaling names '\(path)', which does not exist", at: location)
            return nil
        }
        guard SafePath.isInside(measurementPath, root: folder) else {
            diagnostics.error("maaling '\(path)' links to outside the municipality's folder", at: location)
            return nil
        }
        if let format = SpreadsheetFormat(path: path) {
            return loadSpreadsheetMeasurement(path, format: format, for: report, folder: folder, catalogue: catalogue,
                                              fingerprints: &fingerprints, diagnostics: &diagnostics)
        }
        let data: [UInt8]
        switch SafePath.readRegularFile(measurementPath) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            diagnostics.error("maaling '\(path)': \(failure)", at: location)
            return nil
        }
        fingerprints[path] = StableHash.hash(data)
        let file = display(path)
        if case .success(let text) = SourceText.decode(data, file: file) {
            CPRScanner.check(text, diagnostics: &diagnostics)
        }
        let (measurement, problems) = Measurement.load(bytes: data, file: file)
        diagnostics.append(contentsOf: problems)
        guard let measurement else { return nil }
        if let catalogue {
            diagnostics.append(contentsOf: measurement.validate(knownCriteria: catalogue.criterionIDs))
        }
        if measurement.kind != report.kind.measurementKind {
            diagnostics.error("\(report.kind.fileName) needs a measurement of type '\(report.kind.measurementKind.rawValue)', "
                              + "but this one is '\(measurement.kind.rawValue)'",
                              at: measurement.kindLocation)
        }
        return measurement
    }
}
