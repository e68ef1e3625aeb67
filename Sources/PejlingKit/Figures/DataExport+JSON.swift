extension DataExport {
    /// data.json: numbers as JSON numbers, shares and intervals as fractions 0–1 with at
    /// least four significant digits, `null` where there is no relevant case;
    /// `forskel_procentpoint` to one decimal and `p_vaerdi` to four significant digits.
    /// `sammenligning` is there only when both measurements are.
    ///
    /// ```swift
    /// DataExport(municipality: m, figures: f).json
    /// // {
    /// //   "kommune": {"kode": 561, "navn": "Esbjerg Kommune", "slug": "esbjerg", "eksempel": false},
    /// //   "maalinger": [ … ],
    /// //   "sammenligning": [ … ]
    /// // }
    /// ```
    public var json: String {
        var out = "{\n"
        let kode = municipality.code.map(String.init) ?? "null"
        out += "  \"kommune\": {\"kode\": \(kode), \"navn\": \(JSONText.string(municipality.name)), "
            + "\"slug\": \(JSONText.string(municipality.slug)), \"eksempel\": \(municipality.isExample)},\n"
        out += "  \"maalinger\": ["
        let measurementTexts = measurements.map { measurementJSON($0.measurement, results: $0.results) }
        out += measurementTexts.isEmpty ? "]" : "\n" + measurementTexts.joined(separator: ",\n") + "\n  ]"
        if figures.hasBothMeasurements {
            out += ",\n  \"sammenligning\": ["
            let entries = figures.comparisons.map(comparisonJSON)
            out += entries.isEmpty ? "]" : "\n" + entries.joined(separator: ",\n") + "\n  ]"
        }
        out += "\n}\n"
        return out
    }

    private func measurementJSON(_ measurement: Measurement, results: [(Criterion, CriterionResult)]) -> String {
        var out = "    {\"type\": \(JSONText.string(measurement.kind.rawValue)), \"dato\": \(JSONText.string(measurement.date.description)), "
        out += "\"antal_sager\": \(measurement.caseCount),\n      \"resultater\": ["
        let entries = results.map { criterion, result in resultJSON(criterion, result) }
        out += entries.isEmpty ? "]}" : "\n" + entries.joined(separator: ",\n") + "\n      ]}"
        return out
    }

    private func resultJSON(_ criterion: Criterion, _ result: CriterionResult) -> String {
        var fields = [
            "\"kriterium\": \(JSONText.string(criterion.id))",
            "\"pejlemaerke\": \(JSONText.string(criterion.bearingID))",
            "\"tekst\": \(JSONText.string(criterion.text))",
            "\"opfyldt\": \(result.opfyldt)",
            "\"ikke_opfyldt\": \(result.ikkeOpfyldt)",
            "\"ikke_relevant\": \(result.ikkeRelevant)",
            "\"relevante\": \(result.relevante)",
        ]
        if let share = CriterionFigures.share(of: result), let fraction = share.fraction, let interval = share.interval {
            fields.append("\"andel\": \(ExportNumber.fraction(fraction))")
            fields.append("\"ki95\": [\(ExportNumber.fraction(interval.lower)), \(ExportNumber.fraction(interval.upper))]")
        } else {
            fields.append("\"andel\": null")
            fields.append("\"ki95\": null")
        }
        return "        {" + fields.joined(separator: ", ") + "}"
    }

    private func comparisonJSON(_ comparison: Comparison) -> String {
        let fields = [
            "\"kriterium\": \(JSONText.string(comparison.criterionID))",
            "\"fra\": \(JSONText.string(comparison.fromDate.description))",
            "\"til\": \(JSONText.string(comparison.toDate.description))",
            "\"forskel_procentpoint\": \(ExportNumber.fixed(comparison.differencePercentagePoints, decimals: 1))",
            "\"p_vaerdi\": \(ExportNumber.significant(comparison.pValue))",
            "\"signifikant\": \(comparison.isSignificant)",
        ]
        return "    {" + fields.joined(separator: ", ") + "}"
    }
}
