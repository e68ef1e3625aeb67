extension MunicipalityLoader {
    /// Loads a report's case review kept as a spreadsheet (`maaling: maalinger/2015.xlsx` or
    /// `.csv`): read within ``SpreadsheetLimits``, counted by ``Measurement/load(spreadsheet:format:file:knownCriteria:)``,
    /// and checked against the report's kind. `path` has been checked to lie inside `folder`.
    func loadSpreadsheetMeasurement(_ path: String, format: SpreadsheetFormat, for kind: ReportKind, at location: SourceLocation,
                                    folder: String,
                                    catalogue: CriteriaCatalogue?, fingerprints: inout [String: UInt64],
                                    diagnostics: inout Diagnostics) -> Measurement? {
        let file = display(path)
        let data: [UInt8]
        switch SafePath.readRegularFile(folder + "/" + path, limit: SpreadsheetLimits.maximumFileBytes) {
        case .success(let bytes):
            data = bytes
        case .failure(.tooLarge(let size)):
            diagnostics.error("filen fylder \(DanishFormat.integer(size)) byte; pejling læser højst "
                              + "\(SpreadsheetLimits.mebibytes(SpreadsheetLimits.maximumFileBytes)) i en sagsgennemgang",
                              at: SourceLocation(file: file))
            return nil
        case .failure(let failure):
            diagnostics.error("maaling '\(path)': \(failure)", at: location)
            return nil
        }
        fingerprints[path] = StableHash.hash(data)
        let (measurement, problems) = Measurement.load(spreadsheet: data, format: format, file: file,
                                                       knownCriteria: catalogue?.criterionIDs)
        diagnostics.append(contentsOf: problems)
        guard let measurement else { return nil }
        checkType(measurement.kind, at: measurement.kindLocation, for: kind, diagnostics: &diagnostics)
        return measurement
    }
}
