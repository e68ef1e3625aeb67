extension DataExport {
    /// The byte-order mark that makes Excel read a CSV file as UTF-8.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// data.csv as Danish Excel opens it: UTF-8 with a byte-order mark, `;` between fields,
    /// a decimal comma, CRLF line ends, one row per criterion in catalogue order.
    ///
    /// Columns: pejlemærke, criterion id, text and lovgrundlag; for each measurement
    /// (Analyse, then Pejling) its date, cases, counts, the share and its 95 % interval in
    /// per cent with two decimals; with both measurements, the exact difference in
    /// procentpoint (one decimal, a half away from zero), the p-value (four significant
    /// digits) and `ja`/`nej` for whether the difference is larger than chance would
    /// explain. A cell is empty where there is no figure.
    ///
    /// ```swift
    /// DataExport(municipality: m, figures: f).csv
    /// // "Pejlemærke;Kriterium-id;Kriterium;Lovgrundlag;Analyse: dato;…\r\n"
    /// // "Faglig udredning;undersoegelse-rettidig;…;3;15;2;18;16,67;5,84;39,22;…\r\n"
    /// ```
    public var csv: String {
        var header = ["Pejlemærke", "Kriterium-id", "Kriterium", "Lovgrundlag"]
        let parts: [(label: String, measurement: Measurement, pick: (CriterionFigures) -> CriterionResult?)] =
            [figures.analysis.map { ("Analyse", $0, { $0.analysis }) },
             figures.status.map { ("Pejling", $0, { $0.status }) }].compactMap { $0 }
        for part in parts {
            header += ["dato", "antal sager", "opfyldt", "ikke opfyldt", "ikke relevant", "relevante sager",
                       "andel opfyldt (%)", "sikkerhedsinterval 95 % nedre (%)", "sikkerhedsinterval 95 % øvre (%)"]
                .map { "\(part.label): \($0)" }
        }
        let compares = figures.hasBothMeasurements
        if compares {
            header += ["Forskel (procentpoint)", "p-værdi (Fishers eksakte test)", "Større end tilfældigheder kan forklare"]
        }
        var out = ""
        out.reserveCapacity(1024 + figures.rows.count * 400)
        Self.appendLine(header, to: &out)
        for row in figures.rows {
            let bearing = figures.catalogue.bearing(row.criterion.bearingID)?.name ?? row.criterion.bearingID
            var fields = [bearing, row.criterion.id, row.criterion.text, row.criterion.legalBasis ?? ""]
            for part in parts {
                guard let result = part.pick(row) else {
                    fields += Array(repeating: "", count: 9)
                    continue
                }
                fields += [part.measurement.date.description, String(part.measurement.caseCount),
                           String(result.opfyldt), String(result.ikkeOpfyldt), String(result.ikkeRelevant),
                           String(result.relevante)]
                if let share = CriterionFigures.share(of: result), let fraction = share.fraction, let interval = share.interval {
                    fields += [Self.percent(fraction), Self.percent(interval.lower), Self.percent(interval.upper)]
                } else {
                    fields += ["", "", ""]
                }
            }
            if compares {
                if let comparison = row.comparison {
                    fields += [ExportNumber.danish(ExportNumber.tenths(comparison.differenceTenths)),
                               ExportNumber.danish(ExportNumber.significant(comparison.pValue)),
                               comparison.isSignificant ? "ja" : "nej"]
                } else {
                    fields += ["", "", ""]
                }
            }
            Self.appendLine(fields, to: &out)
        }
        return out
    }

    /// One line: the fields, quoted where needed, between `;`, and CRLF.
    static func appendLine(_ fields: [String], to out: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out += ";" }
            out += Self.field(field)
        }
        out += "\r\n"
    }

    /// data.csv's bytes: the byte-order mark, then ``csv`` as UTF-8.
    public var csvBytes: [UInt8] {
        let text = csv
        var bytes = Self.byteOrderMark
        bytes.reserveCapacity(3 + text.utf8.count)
        bytes.append(contentsOf: text.utf8)
        return bytes
    }

    /// A fraction as per cent with two decimals and a decimal comma: `0.35294` → `35,29`.
    static func percent(_ fraction: Double) -> String {
        ExportNumber.danish(ExportNumber.fixed(100 * fraction, decimals: 2))
    }

    /// A field, quoted when it holds `;`, `"`, a line break or starts or ends with a space.
    /// Decided and quoted by bytes: as characters, a CR LF pair or a quote with a combining
    /// mark is one character that equals neither, and would slip through unquoted.
    static func field(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
            || utf8.first == 0x20 || utf8.last == 0x20 else { return text }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}
