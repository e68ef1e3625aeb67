/// The downloads of a municipality's page: `data.json` in the SPEC's shape and `data.csv`
/// for Danish Excel. Both are written from ``MunicipalityFigures``, deterministically: the
/// same content gives the same bytes.
///
/// ```swift
/// let export = DataExport(municipality: municipality, figures: figures)
/// export.json          // "{\n  \"kommune\": {\"kode\": 561, …"
/// export.csvBytes      // UTF-8 with BOM, ';' between fields, decimal comma, CRLF
/// ```
struct DataExport: Sendable {
    public let municipality: Municipality
    public let figures: MunicipalityFigures

    public init(municipality: Municipality, figures: MunicipalityFigures) {
        self.municipality = municipality
        self.figures = figures
    }

    /// The measurements in the order data.json lists them: the analysis's, then the status
    /// report's, each with its results in catalogue order.
    var measurements: [(measurement: Measurement, results: [(Criterion, CriterionResult)])] {
        var list: [(Measurement, [(Criterion, CriterionResult)])] = []
        if let analysis = figures.analysis {
            list.append((analysis, figures.rows.compactMap { row in row.analysis.map { (row.criterion, $0) } }))
        }
        if let status = figures.status {
            list.append((status, figures.rows.compactMap { row in row.status.map { (row.criterion, $0) } }))
        }
        return list
    }
}
