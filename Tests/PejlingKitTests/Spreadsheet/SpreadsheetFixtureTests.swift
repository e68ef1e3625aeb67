import Foundation
import Testing
@testable import PejlingKit

/// The committed case reviews made by LibreOffice Calc, openpyxl and as CSV
/// (scripts/make-spreadsheet-fixtures.sh) count to exactly the figures of the JSON file each
/// was made from.
enum SpreadsheetFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    /// The demo catalogue's criterion ids.
    static var knownCriteria: Set<String> {
        get throws {
            var diagnostics = Diagnostics()
            let source = try SourceText.read(path: packageRoot + "/content/kriterier.yml", displayPath: "kriterier.yml").get()
            return try #require(CriteriaCatalogue.load(source, diagnostics: &diagnostics)).criterionIDs
        }
    }

    static func json(_ name: String) throws -> PejlingKit.Measurement {
        let (measurement, diagnostics) = PejlingKit.Measurement.load(bytes: try bytes(name), file: name)
        #expect(!diagnostics.contains { $0.severity == .error })
        return try #require(measurement)
    }

    static func spreadsheet(_ name: String) -> (PejlingKit.Measurement?, [Diagnostic]) {
        let format = SpreadsheetFormat(path: name)!
        guard let data = try? bytes(name) else { return (nil, []) }
        return PejlingKit.Measurement.load(spreadsheet: data, format: format, file: "maalinger/" + name,
                                           knownCriteria: try? knownCriteria)
    }

    /// What the pages and exports are made of: kind, date, case count and each criterion's counts.
    static func figures(_ measurement: PejlingKit.Measurement) -> String {
        var text = "\(measurement.kind.rawValue) \(measurement.date) \(measurement.caseCount)\n"
        for result in measurement.results {
            text += "\(result.criterionID) \(result.opfyldt) \(result.ikkeOpfyldt) \(result.ikkeRelevant)\n"
        }
        return text
    }
}

@Suite struct SpreadsheetFixtureTests {
    @Test(arguments: [
        ("libreoffice-formulas-strandvig-2024.xlsx", "strandvig-2024.json"),
        ("libreoffice-from-csv-strandvig-2025.xlsx", "strandvig-2025.json"),
        ("openpyxl-strandvig-2025.xlsx", "strandvig-2025.json"),
        ("openpyxl-1904-egelund-2024.xlsx", "egelund-2024.json"),
        ("windows-1252-crlf.csv", "egelund-2024.json"),
        ("utf8-bom-semicolon.csv", "strandvig-2024.json"),
        ("utf8-comma-quoted.csv", "strandvig-2025.json"),
    ])
    func countsToTheFiguresOfTheJSON(spreadsheet: String, json: String) throws {
        let expected = try SpreadsheetFixtures.json(json)
        let (measurement, diagnostics) = SpreadsheetFixtures.spreadsheet(spreadsheet)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let loaded = try #require(measurement)
        #expect(SpreadsheetFixtures.figures(loaded) == SpreadsheetFixtures.figures(expected))
        #expect(loaded.file == "maalinger/" + spreadsheet)
        #expect(loaded.kindLocation.cell == "B1")
        #expect(loaded.dateLocation.cell == "B2")
        // Each criterion's place is its header cell in row 4.
        #expect(loaded.results.enumerated().allSatisfy { $0.element.location.cell == CellReference(row: 4, column: $0.offset + 2).name })
    }

    @Test func aReviewOf18CasesWarnsAtItsHeaderAsTheJSONDoes() throws {
        // The fixture's 20 cases less the last two.
        var lines = String(decoding: try SpreadsheetFixtures.bytes("utf8-bom-semicolon.csv"), as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { lines.removeLast() }
        #expect(lines.count == 4 + 20)
        let shorter = Array((lines.dropLast(2).joined(separator: "\r\n") + "\r\n").utf8)
        let (_, diagnostics) = PejlingKit.Measurement.load(spreadsheet: shorter, format: .csv, file: "maalinger/18.csv",
                                                           knownCriteria: try SpreadsheetFixtures.knownCriteria)
        #expect(diagnostics.map(\.location.description) == ["maalinger/18.csv:A4"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message == "Task Forcens sagsgennemgange har 20 sager; denne har 18")
    }

    @Test func theFirstSheetInTabOrderCountsNotSheet1() throws {
        // The fixture stores the grid as sheet2.xml and a "Vejledning" sheet as sheet1.xml.
        let (grid, _) = XLSXReader.read(bytes: try SpreadsheetFixtures.bytes("openpyxl-strandvig-2025.xlsx"), file: "x.xlsx")
        #expect(grid?.value(row: 1, column: 2) == .text("statusmaaling"))
    }

    @Test func cellsAreReadAsEachToolStoresThem() throws {
        // LibreOffice from a CSV: case numbers as number cells, the date as a date-formatted serial.
        let (fromCSV, _) = XLSXReader.read(bytes: try SpreadsheetFixtures.bytes("libreoffice-from-csv-strandvig-2025.xlsx"), file: "x.xlsx")
        #expect(fromCSV?.value(row: 5, column: 1) == .number("1", isDateFormatted: false))
        #expect(fromCSV?.value(row: 2, column: 2) == .number("45889", isDateFormatted: true))
        // LibreOffice's formulas: the cached string (t="str").
        let (formulas, _) = XLSXReader.read(bytes: try SpreadsheetFixtures.bytes("libreoffice-formulas-strandvig-2024.xlsx"), file: "x.xlsx")
        #expect(Set(Measurement.spreadsheetAnswers).contains(formulas?.value(row: 5, column: 2)?.displayed ?? ""))
        // openpyxl in the 1904 date system: 2024-03-11 is day 43900 from 1904-01-01.
        let (old, _) = XLSXReader.read(bytes: try SpreadsheetFixtures.bytes("openpyxl-1904-egelund-2024.xlsx"), file: "x.xlsx")
        #expect(old?.uses1904DateSystem == true)
        #expect(old?.value(row: 2, column: 2) == .number("43900", isDateFormatted: true))
        // Windows-1252: the note's Æ and en dash.
        let (csv, _) = CSVReader.read(bytes: try SpreadsheetFixtures.bytes("windows-1252-crlf.csv"), file: "x.csv")
        #expect(csv?.value(row: 5, column: 14) == .text("Ændret afgørelse – se journal"))
        // RFC 4180: a quoted field with a quote, a comma and a line break.
        let (quoted, _) = CSVReader.read(bytes: try SpreadsheetFixtures.bytes("utf8-comma-quoted.csv"), file: "x.csv")
        #expect(quoted?.value(row: 9, column: 15) == .text("To linjer:\nførste, anden"))
        #expect(quoted?.value(row: 6, column: 15) == .text("Rådgiver skiftet, \"midlertidigt\""))
    }

    @Test func theDemoMunicipalityStrandvigKeepsItsCaseReviewsAsXLSX() throws {
        let folder = SpreadsheetFixtures.packageRoot + "/content/kommuner/strandvig/maalinger/"
        for (name, json) in [("2024-sagsgennemgang.xlsx", "strandvig-2024.json"), ("2025-statusmaaling.xlsx", "strandvig-2025.json")] {
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + name)))
            let (measurement, _) = Measurement.load(spreadsheet: data, format: .xlsx, file: name,
                                                    knownCriteria: try SpreadsheetFixtures.knownCriteria)
            let loaded = try #require(measurement)
            #expect(SpreadsheetFixtures.figures(loaded) == SpreadsheetFixtures.figures(try SpreadsheetFixtures.json(json)))
        }
    }
}
