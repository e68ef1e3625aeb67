extension Municipality {
    /// Checks that need both reports: the status report is later than the analysis, and so is its measurement.
    func validateReports(diagnostics: inout Diagnostics) {
        guard let analysis, let status else { return }
        if status.date <= analysis.date {
            diagnostics.error("statusrapportens dato (\(status.date)) skal ligge efter analysens (\(analysis.date))",
                              at: status.dateLocation)
        }
        if let first = analysis.measurement, let second = status.measurement, second.date <= first.date {
            diagnostics.error("statusmålingens dato (\(second.date)) skal ligge efter analysemålingens (\(first.date))",
                              at: second.dateLocation,
                              hint: "pejlingen er en ny måling, der er foretaget efter sagsgennemgangen i analysen")
        }
    }
}

extension Municipality {
    /// Checks across municipalities: a kommunekode is used once (example data excepted).
    static func validateAcross(_ municipalities: [Municipality], diagnostics: inout Diagnostics) {
        var firstByCode: [Int: Municipality] = [:]
        for municipality in municipalities where !municipality.isExample {
            guard let code = municipality.code else { continue }
            if let first = firstByCode[code] {
                diagnostics.error("kode \(code) bruges allerede af kommuner/\(first.slug)",
                                  at: municipality.codeLocation ?? municipality.location)
            } else {
                firstByCode[code] = municipality
            }
        }
    }
}
