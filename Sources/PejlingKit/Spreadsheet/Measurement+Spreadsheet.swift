extension Measurement {
    /// The three answers a case can have on a criterion, as the reviewer writes them.
    public static let spreadsheetAnswers = ["opfyldt", "ikke opfyldt", "ikke relevant"]

    /// Reads a case review kept as a spreadsheet (xlsx or csv) and counts it: the same
    /// ``Measurement`` that the equivalent JSON file gives.
    ///
    /// Every problem is reported at its cell (`maalinger/2015.xlsx:C7`); criterion ids are
    /// checked against `knownCriteria` when it is given.
    ///
    /// ```swift
    /// let (measurement, diagnostics) = Measurement.load(
    ///     spreadsheet: bytes, format: .xlsx, file: "maalinger/2015.xlsx", knownCriteria: ["undersoegelse-rettidig"])
    /// measurement?.result(for: "undersoegelse-rettidig")?.opfyldt   // 6
    /// ```
    public static func load(spreadsheet bytes: [UInt8], format: SpreadsheetFormat, file: String,
                            knownCriteria: Set<String>? = nil) -> (Measurement?, [Diagnostic]) {
        let (grid, readProblems) = switch format {
        case .xlsx: XLSXReader.read(bytes: bytes, file: file)
        case .csv: CSVReader.read(bytes: bytes, file: file)
        }
        guard let grid else { return (nil, readProblems.sorted()) }
        let (measurement, problems) = load(grid: grid, file: file, knownCriteria: knownCriteria)
        let all = (readProblems + problems).sorted()
        return (all.contains { $0.severity == .error } ? nil : measurement, all)
    }

    /// Counts a case review's grid (see SPEC.md, "Case reviews as spreadsheets"): `type` and
    /// `dato` in rows 1–2, `sag` and the criterion ids in row 4, one case a row from row 5 to
    /// the first empty row. Every cell is checked for CPR numbers.
    ///
    /// ```swift
    /// var grid = CellGrid()
    /// grid[CellReference(name: "A1")!] = .text("type") // … and so on
    /// let (measurement, diagnostics) = Measurement.load(grid: grid, file: "maalinger/2015.csv")
    /// ```
    public static func load(grid: CellGrid, file: String, knownCriteria: Set<String>? = nil) -> (Measurement?, [Diagnostic]) {
        var reader = CaseReviewReader(grid: grid, file: file, knownCriteria: knownCriteria)
        let measurement = reader.read()
        let diagnostics = reader.diagnostics.sorted()
        return (diagnostics.contains { $0.severity == .error } ? nil : measurement, diagnostics)
    }
}

/// Reads the grid of a case review, collecting every problem at its cell.
private struct CaseReviewReader {
    let grid: CellGrid
    let file: String
    let knownCriteria: Set<String>?
    var diagnostics: [Diagnostic] = []

    static let headerRow = 4
    static let firstCaseRow = 5

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        CellReference(row: row, column: column).location(in: file)
    }

    mutating func error(_ message: String, _ row: Int, _ column: Int, hint: String? = nil) {
        diagnostics.append(.error(message, at: location(row, column), hint: hint))
    }

    /// A cell's text with surrounding spaces removed, or `nil` when it is empty; a formula
    /// without a cached value is an error here.
    mutating func text(_ row: Int, _ column: Int) -> String? {
        guard let value = grid.value(row: row, column: column) else { return nil }
        if value == .formulaWithoutValue {
            error("cellens formel har ingen gemt værdi", row, column,
                  hint: "åbn filen i Excel eller LibreOffice Calc og gem den igen, så værdien bliver beregnet og gemt")
            return nil
        }
        let text = value.displayed.trimmedSpaces
        return text.isEmpty ? nil : text
    }

    mutating func read() -> Measurement? {
        checkCPR()
        let kind = readKind()
        let date = readDate()
        let criteria = readCriteria()
        let (caseCount, counts) = readCases(columns: criteria.count)

        guard let kind, let date else { return nil }
        let results = criteria.enumerated().map { index, criterion in
            CriterionResult(
                criterionID: criterion.id, opfyldt: counts[index][0], ikkeOpfyldt: counts[index][1],
                ikkeRelevant: counts[index][2], location: criterion.location
            )
        }
        return Measurement(
            kind: kind, date: date, caseCount: caseCount, results: caseCount == 0 ? [] : results, file: file,
            kindLocation: location(1, 2), dateLocation: location(2, 2)
        )
    }

    // MARK: CPR numbers

    /// Every cell of the sheet, inside the grid or not (notes, totals below it), is checked.
    mutating func checkCPR() {
        for (row, cells) in grid.rows {
            // A CPR number takes at least 11 bytes (DDMMYY-XXXX).
            for (column, value) in cells where value.displayed.utf8.count >= 11 && !CPRScanner.matches(in: value.displayed).isEmpty {
                error("cellen ligner et CPR-nummer; en offentliggjort rapport må aldrig kunne identificere et barn",
                      row, column, hint: "slet det, og skriv sagens løbenummer i stedet")
            }
        }
    }

    // MARK: Rows 1–2

    mutating func expectLabel(_ label: String, row: Int, example: String) -> Bool {
        let found = text(row, 1)
        guard found?.lowercased() == label else {
            error(found.map { "celle A\(row) skal være '\(label)', ikke '\($0)'" } ?? "celle A\(row) skal være '\(label)'",
                  row, 1, hint: "række \(row) er '\(label)' i kolonne A og \(example) i kolonne B")
            return false
        }
        return true
    }

    mutating func readKind() -> MeasurementKind? {
        let labelOK = expectLabel("type", row: 1, example: "'sagsgennemgang' eller 'statusmaaling'")
        guard let value = text(1, 2) else {
            if grid.value(row: 1, column: 2) == nil {
                error("'type' mangler", 1, 2, hint: "skriv 'sagsgennemgang' eller 'statusmaaling' i celle B1")
            }
            return nil
        }
        guard let kind = MeasurementKind(rawValue: value.lowercased()) else {
            error("'type' skal være 'sagsgennemgang' eller 'statusmaaling', ikke '\(value)'", 1, 2,
                  hint: Suggestion.hint(for: value, among: MeasurementKind.allCases.map(\.rawValue)))
            return nil
        }
        return labelOK ? kind : nil
    }

    mutating func readDate() -> ISODate? {
        let labelOK = expectLabel("dato", row: 2, example: "datoen")
        let hint = "skriv datoen som 2015-04-01 eller 01-04-2015, eller brug en datocelle"
        guard let value = grid.value(row: 2, column: 2) else {
            error("'dato' mangler", 2, 2, hint: hint)
            return nil
        }
        var date: ISODate?
        switch value {
        case .number(let literal, isDateFormatted: true):
            date = Double(literal).flatMap { SpreadsheetDate.date(serial: $0, uses1904DateSystem: grid.uses1904DateSystem) }
            if date == nil { error("'dato' er ikke en gyldig dato: \(literal)", 2, 2, hint: hint) }
        case .number(let literal, isDateFormatted: false):
            error("'dato' er tallet \(CellValue.displayedNumber(literal)), ikke en dato", 2, 2,
                  hint: "formatér cellen som dato, eller skriv datoen som 2015-04-01")
        case .isoDate(let text):
            date = ISODate(text.prefix(10))
            if date == nil { error("'dato' er ikke en gyldig dato: '\(text)'", 2, 2, hint: hint) }
        case .formulaWithoutValue:
            _ = text(2, 2)
        default:
            let written = value.displayed.trimmedSpaces
            date = SpreadsheetDate.parse(written)
            if date == nil { error("'dato' er ikke en gyldig dato: '\(written)'", 2, 2, hint: hint) }
        }
        return labelOK ? date : nil
    }

    // MARK: Row 4

    /// The criterion columns B, C, … up to the first empty header cell.
    mutating func readCriteria() -> [(id: String, location: SourceLocation)] {
        let row = Self.headerRow
        let found = text(row, 1)
        if found?.lowercased() != "sag" {
            error(found.map { "celle A\(row) skal være 'sag', ikke '\($0)'" } ?? "celle A\(row) skal være 'sag'", row, 1,
                  hint: "række 4 er 'sag' i kolonne A og et kriteriums id fra kriterier.yml i hver af de følgende kolonner")
        }
        var criteria: [(id: String, location: SourceLocation)] = []
        var firstColumn: [String: Int] = [:]
        let sortedKnown = knownCriteria?.sorted() ?? []
        var column = 2
        while let id = text(row, column) {
            if let first = firstColumn[id] {
                error("kriteriet '\(id)' står også i kolonne \(CellReference.letters(ofColumn: first))", row, column,
                      hint: "hvert kriterium har én kolonne")
            } else if let knownCriteria, !knownCriteria.contains(id) {
                var hint = Suggestion.hint(for: id, among: sortedKnown)
                if knownCriteria.isEmpty { hint = "kriteriekataloget (kriterier.yml) har ingen kriterier" }
                error("ukendt kriterium '\(id)'", row, column,
                      hint: hint ?? "række 4 har kriteriernes id fra kriterier.yml")
            }
            firstColumn[id] = firstColumn[id] ?? column
            criteria.append((id, location(row, column)))
            column += 1
        }
        if criteria.isEmpty {
            diagnostics.append(.warning("sagsgennemgangen har ingen kriterier: række 4 har intet kriterium fra kolonne B",
                                        at: location(row, 2)))
        }
        return criteria
    }

    // MARK: Rows 5 on

    /// The number of case rows, and each criterion column's (opfyldt, ikke opfyldt, ikke relevant).
    mutating func readCases(columns: Int) -> (Int, [[Int]]) {
        var counts = Array(repeating: [0, 0, 0], count: columns)
        var labels: [String: Int] = [:]
        var row = Self.firstCaseRow
        var caseCount = 0
        while (1...(columns + 1)).contains(where: { grid.value(row: row, column: $0) != nil }) {
            caseCount += 1
            if let label = text(row, 1) {
                let key = label.lowercased()
                if let first = labels[key] {
                    error("sagen '\(label)' står også i række \(first)", row, 1,
                          hint: "hver sag har én række og en betegnelse, der kun bruges én gang")
                } else {
                    labels[key] = row
                }
            } else if grid.value(row: row, column: 1) == nil {
                error("sagen mangler en betegnelse i kolonne A", row, 1, hint: "skriv sagens løbenummer, fx 1, 2, 3 …")
            }
            for index in 0..<columns {
                let column = index + 2
                guard let value = grid.value(row: row, column: column) else {
                    error("svaret mangler; hver sag vurderes på hvert kriterium", row, column,
                          hint: "skriv 'opfyldt', 'ikke opfyldt' eller 'ikke relevant'")
                    continue
                }
                guard let answer = text(row, column) else { continue }
                if value == .formulaWithoutValue { continue }
                switch answer.lowercased() {
                case "opfyldt": counts[index][0] += 1
                case "ikke opfyldt": counts[index][1] += 1
                case "ikke relevant": counts[index][2] += 1
                default:
                    error("svaret skal være 'opfyldt', 'ikke opfyldt' eller 'ikke relevant', ikke '\(answer)'", row, column)
                }
            }
            row += 1
        }
        if caseCount == 0 {
            diagnostics.append(.warning("sagsgennemgangen har endnu ingen sager: række 5 er tom",
                                        at: location(Self.firstCaseRow, 1),
                                        hint: "skriv én sag pr. række fra række 5 med et svar i hver kriteriekolonne"))
        } else if caseCount != Measurement.expectedCaseCount {
            diagnostics.append(.warning(
                "Task Forcens sagsgennemgange har \(Measurement.expectedCaseCount) sager; denne har \(caseCount)",
                at: location(Self.headerRow, 1)))
        }
        return (caseCount, counts)
    }
}
