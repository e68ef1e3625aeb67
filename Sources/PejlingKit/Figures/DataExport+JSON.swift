extension DataExport {
    /// data.json: numbers as JSON numbers, shares and intervals as fractions 0–1 with at
    /// least four significant digits, `null` where there is no relevant case;
    /// `forskel_procentpoint` exact to one decimal (a half away from zero) and `p_vaerdi` to
    /// four significant digits.
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
        var out = ""
        out.reserveCapacity(1024 + figures.rows.count * 700)
        out += "{\n  \"kommune\": {\"kode\": "
        out += municipality.code.map(String.init) ?? "null"
        out += ", \"navn\": "
        JSONText.append(municipality.name, to: &out)
        out += ", \"slug\": "
        JSONText.append(municipality.slug, to: &out)
        out += ", \"eksempel\": "
        out += municipality.isExample ? "true" : "false"
        out += "},\n  \"maalinger\": ["
        let measurements = self.measurements
        if measurements.isEmpty {
            out += "]"
        } else {
            out += "\n"
            for (index, entry) in measurements.enumerated() {
                if index > 0 { out += ",\n" }
                appendMeasurement(entry.measurement, results: entry.results, to: &out)
            }
            out += "\n  ]"
        }
        if figures.hasBothMeasurements {
            out += ",\n  \"sammenligning\": ["
            var first = true
            for row in figures.rows {
                guard let comparison = row.comparison else { continue }
                out += first ? "\n" : ",\n"
                first = false
                appendComparison(comparison, to: &out)
            }
            out += first ? "]" : "\n  ]"
        }
        out += "\n}\n"
        return out
    }

    private func appendMeasurement(_ measurement: Measurement, results: [(Criterion, CriterionResult)], to out: inout String) {
        out += "    {\"type\": "
        JSONText.append(measurement.kind.rawValue, to: &out)
        out += ", \"dato\": "
        JSONText.append(measurement.date.description, to: &out)
        out += ", \"antal_sager\": "
        out += String(measurement.caseCount)
        out += ",\n      \"resultater\": ["
        if results.isEmpty {
            out += "]}"
            return
        }
        out += "\n"
        for (index, (criterion, result)) in results.enumerated() {
            if index > 0 { out += ",\n" }
            appendResult(criterion, result, to: &out)
        }
        out += "\n      ]}"
    }

    private func appendResult(_ criterion: Criterion, _ result: CriterionResult, to out: inout String) {
        out += "        {\"kriterium\": "
        JSONText.append(criterion.id, to: &out)
        out += ", \"pejlemaerke\": "
        JSONText.append(criterion.bearingID, to: &out)
        out += ", \"tekst\": "
        JSONText.append(criterion.text, to: &out)
        out += ", \"opfyldt\": "
        out += String(result.opfyldt)
        out += ", \"ikke_opfyldt\": "
        out += String(result.ikkeOpfyldt)
        out += ", \"ikke_relevant\": "
        out += String(result.ikkeRelevant)
        out += ", \"relevante\": "
        out += String(result.relevante)
        if let share = CriterionFigures.share(of: result), let fraction = share.fraction, let interval = share.interval {
            out += ", \"andel\": "
            out += ExportNumber.fraction(fraction)
            out += ", \"ki95\": ["
            out += ExportNumber.fraction(interval.lower)
            out += ", "
            out += ExportNumber.fraction(interval.upper)
            out += "]}"
        } else {
            out += ", \"andel\": null, \"ki95\": null}"
        }
    }

    private func appendComparison(_ comparison: Comparison, to out: inout String) {
        out += "    {\"kriterium\": "
        JSONText.append(comparison.criterionID, to: &out)
        out += ", \"fra\": "
        JSONText.append(comparison.fromDate.description, to: &out)
        out += ", \"til\": "
        JSONText.append(comparison.toDate.description, to: &out)
        out += ", \"forskel_procentpoint\": "
        out += ExportNumber.tenths(comparison.differenceTenths)
        out += ", \"p_vaerdi\": "
        out += ExportNumber.significant(comparison.pValue)
        out += ", \"signifikant\": "
        out += comparison.isSignificant ? "true" : "false"
        out += "}"
    }
}
