import Foundation
import Testing
@testable import PejlingKit

/// Every diagnostic of a case review kept as a spreadsheet, each at its cell.
@Suite struct SpreadsheetDiagnosticTests {
    static let known: Set<String> = ["underretning-vurderet", "undersoegelse-rettidig", "plan-foreligger"]

    /// A CSV case review: `rows` after the usual rows 1–4 (`header` in row 4).
    static func csv(type: String = "sagsgennemgang", date: String = "2015-04-01",
                    header: String = "sag;underretning-vurderet;undersoegelse-rettidig", rows: [String]) -> [UInt8] {
        Array((["type;\(type)", "dato;\(date)", "", header] + rows).joined(separator: "\r\n").utf8) + [0x0D, 0x0A]
    }

    static func load(_ bytes: [UInt8], format: SpreadsheetFormat = .csv) -> (PejlingKit.Measurement?, [Diagnostic]) {
        PejlingKit.Measurement.load(spreadsheet: bytes, format: format,
                                    file: format == .csv ? "maalinger/2015.csv" : "maalinger/2015.xlsx", knownCriteria: known)
    }

    /// `cell: error: message` for each error.
    static func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.location.cell ?? "-"): \($0.message)" }
    }

    static let goodRows = ["1;opfyldt;ikke opfyldt", "2;ikke relevant;Opfyldt"]

    @Test func aWellFormedReviewCountsEachColumn() throws {
        let (measurement, diagnostics) = Self.load(Self.csv(rows: Self.goodRows + ["3; IKKE OPFYLDT ;ikke relevant"]))
        #expect(Self.errors(diagnostics).isEmpty)
        let loaded = try #require(measurement)
        #expect(loaded.caseCount == 3)
        #expect(loaded.results.map { [$0.opfyldt, $0.ikkeOpfyldt, $0.ikkeRelevant] } == [[1, 1, 1], [1, 1, 1]])
        // 3 cases, not 20: a warning at the header, as the JSON gives one at antal_sager.
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func anAnswerThatIsNotOneOfTheThree() {
        let (measurement, diagnostics) = Self.load(Self.csv(rows: ["1;opfyldt;ja", "2;opfyldt;opfyldt"]))
        #expect(measurement == nil)
        #expect(Self.errors(diagnostics) == ["C5: svaret skal være 'opfyldt', 'ikke opfyldt' eller 'ikke relevant', ikke 'ja'"])
        #expect(diagnostics.first { $0.severity == .error }?.location == SourceLocation(file: "maalinger/2015.csv", line: 5, column: 3, cell: "C5"))
    }

    @Test func anEmptyAnswer() {
        let (_, diagnostics) = Self.load(Self.csv(rows: ["1;opfyldt;", "2;  ;opfyldt"]))
        #expect(Self.errors(diagnostics) == ["C5: svaret mangler; hver sag vurderes på hvert kriterium",
                                             "B6: svaret mangler; hver sag vurderes på hvert kriterium"])
    }

    @Test func aDuplicateCaseLabelIgnoringCaseAndSpaces() {
        let (_, diagnostics) = Self.load(Self.csv(rows: ["Sag 1;opfyldt;opfyldt", " sag 1 ;opfyldt;opfyldt"]))
        #expect(Self.errors(diagnostics) == ["A6: sagen 'sag 1' står også i række 5"])
    }

    @Test func aMissingCaseLabel() {
        let (_, diagnostics) = Self.load(Self.csv(rows: ["1;opfyldt;opfyldt", ";opfyldt;opfyldt"]))
        #expect(Self.errors(diagnostics) == ["A6: sagen mangler en betegnelse i kolonne A"])
    }

    @Test func anUnknownCriterionColumnWithAHint() {
        let (_, diagnostics) = Self.load(Self.csv(header: "sag;underretning-vurderet;undersoegelse-retidig", rows: Self.goodRows))
        #expect(Self.errors(diagnostics) == ["C4: ukendt kriterium 'undersoegelse-retidig'"])
        #expect(diagnostics.first { $0.severity == .error }?.hint == "mente du 'undersoegelse-rettidig'?")
    }

    @Test func aRepeatedCriterionColumn() {
        let (_, diagnostics) = Self.load(Self.csv(header: "sag;plan-foreligger;plan-foreligger",
                                                  rows: Self.goodRows))
        #expect(Self.errors(diagnostics) == ["C4: kriteriet 'plan-foreligger' står også i kolonne B"])
    }

    @Test func theGridEndsAtTheFirstEmptyHeaderCellAndTheFirstEmptyRow() throws {
        // Notes after an empty header cell, and totals after an empty row, are not read.
        let (measurement, diagnostics) = Self.load(Self.csv(
            header: "sag;underretning-vurderet;undersoegelse-rettidig;;Noter",
            rows: ["1;opfyldt;ikke opfyldt;;ring tilbage", "2;opfyldt;opfyldt", ";;", "I alt;2;1"]))
        #expect(Self.errors(diagnostics).isEmpty)
        let loaded = try #require(measurement)
        #expect(loaded.caseCount == 2)
        #expect(loaded.results.map(\.criterionID) == ["underretning-vurderet", "undersoegelse-rettidig"])
    }

    @Test func aWrongType() {
        let (_, diagnostics) = Self.load(Self.csv(type: "sagsgennemgangen", rows: Self.goodRows))
        #expect(Self.errors(diagnostics) == ["B1: 'type' skal være 'sagsgennemgang' eller 'statusmaaling', ikke 'sagsgennemgangen'"])
        #expect(diagnostics.first { $0.severity == .error }?.hint == "mente du 'sagsgennemgang'?")
    }

    @Test func wrongLabelsInColumnA() {
        let bytes = Array("typ;sagsgennemgang\r\ndato;2015-04-01\r\n\r\nsager;plan-foreligger\r\n1;opfyldt\r\n".utf8)
        let (_, diagnostics) = Self.load(bytes)
        #expect(Self.errors(diagnostics) == ["A1: celle A1 skal være 'type', ikke 'typ'", "A4: celle A4 skal være 'sag', ikke 'sager'"])
    }

    @Test(arguments: [
        ("2015-02-30", "B2: 'dato' er ikke en gyldig dato: '2015-02-30'"),
        ("1. april 2015", "B2: 'dato' er ikke en gyldig dato: '1. april 2015'"),
        ("", "B2: 'dato' mangler"),
    ])
    func aDateThatIsNoDate(date: String, expected: String) {
        let (_, diagnostics) = Self.load(Self.csv(date: date, rows: Self.goodRows))
        #expect(Self.errors(diagnostics) == [expected])
    }

    @Test(arguments: ["2015-04-01", "01-04-2015", "1-4-2015"])
    func datesAsTextInBothForms(date: String) {
        let (measurement, _) = Self.load(Self.csv(date: date, rows: Self.goodRows))
        #expect(measurement?.date == ISODate("2015-04-01"))
    }

    @Test func aCPRNumberInAnyCellEvenOutsideTheGrid() {
        let (_, diagnostics) = Self.load(Self.csv(
            header: "sag;underretning-vurderet;undersoegelse-rettidig;;Noter",
            rows: ["010203-1234;opfyldt;opfyldt", "2;opfyldt;opfyldt;;barnet 010203 1234", "", "3110991234 ikke"]))
        #expect(Self.errors(diagnostics) == [
            "A5: cellen ligner et CPR-nummer; en offentliggjort rapport må aldrig kunne identificere et barn",
            "E6: cellen ligner et CPR-nummer; en offentliggjort rapport må aldrig kunne identificere et barn",
        ])
    }

    @Test func bytesThatAreNeitherUTF8NorWindows1252() {
        var bytes = Self.csv(rows: ["1;opfyldt;opfyldt", "2;opfyldt;opfyldt;;"])
        // An undefined Windows-1252 byte (0x81) in a note at E6, and a valid one (0xE6, æ) elsewhere.
        bytes.removeLast(2)
        bytes += [0x6E, 0x6F, 0x74, 0x81, 0x0D, 0x0A, 0x33, 0x3B, 0xE6, 0x0D, 0x0A]
        let (_, diagnostics) = Self.load(bytes)
        #expect(Self.errors(diagnostics).contains("E6: cellen har byten 0x81, som hverken er UTF-8 eller Windows-1252"))
    }

    @Test func anUnclosedQuote() {
        let (_, diagnostics) = Self.load(Self.csv(rows: ["1;opfyldt;opfyldt", "2;\"opfyldt;opfyldt"]))
        #expect(Self.errors(diagnostics).first == "B6: anførselstegnet, der begynder feltet, lukkes aldrig; resten af filen blev læst som én celle")
    }

    @Test func anEmptyReviewIsAWarningNotAnError() throws {
        let (measurement, diagnostics) = Self.load(Self.csv(rows: []))
        #expect(Self.errors(diagnostics).isEmpty)
        #expect(diagnostics.map { "\($0.location.cell ?? "-"): \($0.message)" } == ["A5: sagsgennemgangen har endnu ingen sager: række 5 er tom"])
        #expect(try #require(measurement).results.isEmpty)
    }

    @Test func aFormulaWithoutACachedValue() throws {
        let (measurement, diagnostics) = SpreadsheetFixtures.spreadsheet("openpyxl-formula-without-value.xlsx")
        #expect(measurement == nil)
        #expect(Self.errors(diagnostics) == ["D7: cellens formel har ingen gemt værdi"])
        #expect(diagnostics.first { $0.severity == .error }?.location.description == "maalinger/openpyxl-formula-without-value.xlsx:D7")
    }

    @Test func aFileThatIsNotAnXLSX() throws {
        let (_, diagnostics) = SpreadsheetFixtures.spreadsheet("not-a-workbook.xlsx")
        #expect(diagnostics.map(\.message) == ["filen er ikke en xlsx-projektmappe (ikke en zip-fil)"])
        #expect(diagnostics.first?.location == SourceLocation(file: "maalinger/not-a-workbook.xlsx"))
        let (_, legacy) = Self.load([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], format: .xlsx)
        #expect(legacy.first?.message.contains("det gamle xls-format") == true)
    }

    @Test func theCellIsNamedInEveryFormat() {
        let (_, diagnostics) = Self.load(Self.csv(rows: ["1;opfyldt;ja"]))
        let error = diagnostics.first { $0.severity == .error }!
        let formatter = { (format: DiagnosticFormatter.Format) in
            DiagnosticFormatter(format: format, sourceLine: { _, _ in "should not be shown" }).format(error)
        }
        #expect(formatter(.human).hasPrefix("maalinger/2015.csv:C5: error: svaret skal være"))
        #expect(!formatter(.human).contains("should not be shown"))
        #expect(formatter(.github).hasPrefix("::error file=maalinger/2015.csv,line=5,col=3::"))
        #expect(formatter(.json).hasPrefix(#"{"severity":"error","file":"maalinger/2015.csv","line":5,"column":3,"#))
    }

    @Test func cellReferences() {
        #expect(CellReference(row: 7, column: 3).name == "C7")
        #expect(CellReference(name: "AA10") == CellReference(row: 10, column: 27))
        #expect(CellReference(name: "XFD1")?.column == 16_384)
        #expect(CellReference(name: "XFE1") == nil)
        #expect(CellReference(name: "A0") == nil)
        #expect(CellReference(name: "1A") == nil)
        #expect(CellReference.letters(ofColumn: 702) == "ZZ")
        #expect(CellReference.letters(ofColumn: 703) == "AAA")
    }

    @Test func serialDatesInBothSystems() {
        #expect(SpreadsheetDate.date(serial: 42095, uses1904DateSystem: false) == ISODate("2015-04-01"))
        #expect(SpreadsheetDate.date(serial: 42095.75, uses1904DateSystem: false) == ISODate("2015-04-01"))
        #expect(SpreadsheetDate.date(serial: 40633, uses1904DateSystem: true) == ISODate("2015-04-01"))
        #expect(SpreadsheetDate.date(serial: 1, uses1904DateSystem: false) == ISODate("1900-01-01"))
        #expect(SpreadsheetDate.date(serial: 59, uses1904DateSystem: false) == ISODate("1900-02-28"))
        #expect(SpreadsheetDate.date(serial: 60, uses1904DateSystem: false) == nil)   // Lotus's 29 February 1900
        #expect(SpreadsheetDate.date(serial: 61, uses1904DateSystem: false) == ISODate("1900-03-01"))
        #expect(SpreadsheetDate.date(serial: 0, uses1904DateSystem: true) == ISODate("1904-01-01"))
    }

    @Test func dateFormatsBuiltInAndCustom() {
        #expect(XLSXStyles.isDateFormat(id: 14, code: nil))
        #expect(XLSXStyles.isDateFormat(id: 22, code: nil))
        #expect(!XLSXStyles.isDateFormat(id: 0, code: nil))
        #expect(!XLSXStyles.isDateFormat(id: 2, code: nil))
        #expect(XLSXStyles.isDateFormat(id: 164, code: "dd-mm-yyyy"))
        #expect(XLSXStyles.isDateFormat(id: 165, code: "[$-406]d. mmmm yyyy;@"))
        #expect(XLSXStyles.isDateFormat(id: 166, code: #"yyyy\-mm\-dd"#))
        #expect(!XLSXStyles.isDateFormat(id: 164, code: "General"))
        #expect(!XLSXStyles.isDateFormat(id: 167, code: "0.00"))
        #expect(!XLSXStyles.isDateFormat(id: 168, code: "h:mm:ss"))
        #expect(!XLSXStyles.isDateFormat(id: 169, code: #""dag "0"#))
    }

    @Test func aNumberInTheDateCellWithoutADateFormat() {
        // B2 holds 42095 as a plain number: the reviewer sees 42095, not a date.
        let sheet = #"<row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c><c r="B1" t="inlineStr"><is><t>sagsgennemgang</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>dato</t></is></c><c r="B2"><v>42095</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>sag</t></is></c><c r="B4" t="inlineStr"><is><t>plan-foreligger</t></is></c></row><row r="5"><c r="A5"><v>1</v></c><c r="B5" t="inlineStr"><is><t>opfyldt</t></is></c></row>"#
        let (_, diagnostics) = Self.load(XLSXTestFile.workbook(sheet: sheet), format: .xlsx)
        #expect(Self.errors(diagnostics) == ["B2: 'dato' er tallet 42095, ikke en dato"])
    }
}
