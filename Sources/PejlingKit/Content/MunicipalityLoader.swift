/// Loads one municipality folder: kommune.yml, its reports and their measurements.
struct MunicipalityLoader: Sendable {
    /// The content folder's real path.
    let root: String
    /// The content folder as diagnostics show it (``DisplayPath/relative(_:)`` of it).
    let displayDirectory: String
    let slug: String

    var folderRelative: String { "kommuner/\(slug)" }
    func display(_ name: String) -> String { DisplayPath.appending(displayDirectory, folderRelative + "/" + name) }

    func load(catalogue: CriteriaCatalogue?) -> MunicipalityLoad {
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

        // kommune.yml, the reports and their measurements are checked each on its own: an
        // error in one hides nothing in the others.
        let start = diagnostics.items.count
        var municipality = read("kommune.yml").flatMap { Municipality.parse($0, slug: slug, diagnostics: &diagnostics) }
        if municipality == nil {
            // The reports are read and checked below all the same, but what needs the
            // municipality (the maaling blocks, the order of the reports' dates) waits for it.
            diagnostics.annotateErrors(since: start, note: "rapporternes maaling-blokke kontrolleres, når kommune.yml er rettet")
        }
        if !SafePath.exists(folder + "/kommune.yml") {
            diagnostics = Diagnostics(diagnostics.filter { $0.location.file != display("kommune.yml") })
            diagnostics.error("kommune.yml mangler: hver kommunemappe skal have en (med kode og navn)",
                              at: SourceLocation(file: DisplayPath.appending(displayDirectory, folderRelative)))
        }

        for kind in ReportKind.allCases {
            let name = kind.fileName
            guard SafePath.exists(folder + "/" + name) else {
                if kind == .analysis {
                    diagnostics.error("analyse.md mangler: hver kommune har en analyserapport",
                                      at: SourceLocation(file: DisplayPath.appending(displayDirectory, folderRelative)))
                }
                continue
            }
            guard let source = read(name) else { continue }
            let reading = Report.read(source, kind: kind, diagnostics: &diagnostics)
            var measurement: Measurement?
            if let path = reading.measurementPath, let location = reading.measurementPathLocation {
                measurement = loadMeasurement(path, for: kind, at: location, folder: folder,
                                              catalogue: catalogue, fingerprints: &fingerprints, diagnostics: &diagnostics)
            }
            guard var report = reading.report else { continue }
            report.measurement = measurement
            report.outline = ReportOutline.load(report, catalogue: catalogue, diagnostics: &diagnostics)
            switch kind {
            case .analysis: municipality?.analysis = report
            case .status: municipality?.status = report
            }
        }
        municipality?.assignHeadingIDs(diagnostics: &diagnostics)
        municipality?.validateReports(diagnostics: &diagnostics)
        return MunicipalityLoad(municipality: municipality, diagnostics: diagnostics, fingerprints: fingerprints)
    }

    func loadMeasurement(_ path: String, for kind: ReportKind, at location: SourceLocation, folder: String,
                         catalogue: CriteriaCatalogue?, fingerprints: inout [String: UInt64],
                         diagnostics: inout Diagnostics) -> Measurement? {
        guard SafePath.isSafeRelative(path) else {
            diagnostics.error("maaling skal være en sti inden i kommunens mappe, fx maalinger/2015.json",
                              at: location)
            return nil
        }
        let measurementPath = folder + "/" + path
        guard SafePath.exists(measurementPath) else {
            diagnostics.error("maaling angiver '\(path)', som ikke findes", at: location)
            return nil
        }
        guard SafePath.isInside(measurementPath, root: folder) else {
            diagnostics.error("maaling '\(path)' er et link til et sted uden for kommunens mappe", at: location)
            return nil
        }
        if let format = SpreadsheetFormat(path: path) {
            return loadSpreadsheetMeasurement(path, format: format, for: kind, at: location, folder: folder, catalogue: catalogue,
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
        // The criteria are checked even when the file has other errors; only a file that
        // cannot be parsed at all hides them (and its message says so).
        let reading = Measurement.read(bytes: data, file: file, knownCriteria: catalogue?.criterionIDs)
        diagnostics.append(contentsOf: reading.diagnostics)
        if let (measurementKind, kindLocation) = reading.kind {
            checkType(measurementKind, at: kindLocation, for: kind, diagnostics: &diagnostics)
        }
        return reading.measurement
    }

    /// The one check that a report's measurement (JSON or spreadsheet) is of the report's type.
    func checkType(_ measurementKind: MeasurementKind, at location: SourceLocation, for kind: ReportKind,
                   diagnostics: inout Diagnostics) {
        guard measurementKind != kind.measurementKind else { return }
        diagnostics.error("\(kind.fileName) skal have en måling af typen '\(kind.measurementKind.rawValue)', "
                          + "men denne er af typen '\(measurementKind.rawValue)'",
                          at: location)
    }
}
