import Foundation
import Testing
@testable import PejlingKit

/// The external tools that the round trip uses when they are installed: openpyxl (PyPI) in
/// `$PEJLING_PYTHON`, the browser tests' `.venv`, or `python3`; LibreOffice's `soffice`.
/// `make spreadsheet-tests` installs openpyxl and sets PEJLING_REQUIRE_OPENPYXL=1, so there
/// the round trip fails instead of being skipped when openpyxl is missing.
enum SpreadsheetTools {
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 180) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// A Python that can import openpyxl, if any.
    static let openpyxlPython: String? = {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["PEJLING_PYTHON"] { candidates.append(configured) }
        candidates.append(SpreadsheetFixtures.packageRoot + "/.venv/bin/python")
        if let python = which("python3") { candidates.append(python) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) && run($0, ["-c", "import openpyxl"])?.status == 0 }
    }()

    static let requireOpenpyxl = ProcessInfo.processInfo.environment["PEJLING_REQUIRE_OPENPYXL"] == "1"
    static let soffice: String? = which("soffice")
}

@Suite struct CaseReviewWorkbookTests {
    static func criteria() throws -> [Criterion] {
        var diagnostics = Diagnostics()
        let source = try SourceText.read(path: SpreadsheetFixtures.packageRoot + "/content/kriterier.yml", displayPath: "kriterier.yml").get()
        return try #require(CriteriaCatalogue.load(source, diagnostics: &diagnostics)).criteria
    }

    static let date = ISODate("2026-03-02")!

    @Test func theEmptyWorkbookReadsAsAnEmptyReviewOfTheSiteCriteria() throws {
        let criteria = try Self.criteria()
        let bytes = try CaseReviewWorkbook(kind: .sagsgennemgang, date: Self.date, criteria: criteria).xlsx()
        let (grid, problems) = XLSXReader.read(bytes: bytes, file: "m.xlsx")
        #expect(problems.isEmpty)
        let sheet = try #require(grid)
        #expect(sheet.value(row: 1, column: 2) == .text("sagsgennemgang"))
        #expect(sheet.value(row: 2, column: 2) == .number("46083", isDateFormatted: true))
        #expect(sheet.value(row: 4, column: 1) == .text("sag"))
        #expect((0..<criteria.count).map { sheet.value(row: 4, column: $0 + 2) } == criteria.map { .text($0.id) })
        // Row 3: the criterion's text (and its legal basis) for the reviewer.
        let first = criteria[0]
        #expect(sheet.value(row: 3, column: 2) == .text(first.text + (first.legalBasis.map { " (\($0))" } ?? "")))
        let (measurement, diagnostics) = Measurement.load(spreadsheet: bytes, format: .xlsx, file: "m.xlsx",
                                                          knownCriteria: Set(criteria.map(\.id)))
        #expect(measurement?.date == Self.date)
        #expect(diagnostics.map(\.message) == ["sagsgennemgangen har endnu ingen sager: række 5 er tom"])
    }

    @Test func theSameInputGivesTheSameBytesAndTextIsEscaped() throws {
        let criterion = Criterion(id: "a", bearingID: "b", text: "Barn & familie <\"tal\">", legalBasis: nil,
                                  location: SourceLocation(file: "k.yml"))
        let workbook = CaseReviewWorkbook(kind: .statusmaaling, date: Self.date, criteria: [criterion])
        #expect(try workbook.xlsx() == workbook.xlsx())
        let (grid, _) = XLSXReader.read(bytes: try workbook.xlsx(), file: "m.xlsx")
        #expect(grid?.value(row: 3, column: 2) == .text("Barn & familie <\"tal\">"))
        #expect(grid?.value(row: 1, column: 2) == .text("statusmaaling"))
        #expect(workbook.sheet.contains(#"<dataValidation type="list""#))
        #expect(workbook.sheet.contains(#"sqref="B5:B104""#))
        #expect(workbook.sheet.contains("<formula1>\"opfyldt,ikke opfyldt,ikke relevant\"</formula1>"))
    }

    /// The answer that the round trip fills in for case `row` (5…24) on criterion column `column` (2…).
    static func answer(row: Int, column: Int) -> String {
        Measurement.spreadsheetAnswers[(row * row + column) % 3]
    }

    /// `new`'s workbook opened in openpyxl: the list of answers is on the answer cells; 20 cases
    /// filled in there and saved; then (when LibreOffice is installed) opened and saved again by
    /// LibreOffice Calc. pejling reads back exactly the answers written.
    @Test(.enabled(if: SpreadsheetTools.openpyxlPython != nil || SpreadsheetTools.requireOpenpyxl))
    func newWorkbookFilledInOpenpyxlAndLibreOfficeReadsBack() throws {
        let python = try #require(SpreadsheetTools.openpyxlPython, "openpyxl is required (PEJLING_REQUIRE_OPENPYXL=1)")
        let criteria = try Self.criteria()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("tom.xlsx").path
        let filled = folder.appendingPathComponent("udfyldt.xlsx").path
        try Data(try CaseReviewWorkbook(kind: .sagsgennemgang, date: Self.date, criteria: criteria).xlsx())
            .write(to: URL(fileURLWithPath: empty))

        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.worksheets[0]
        assert ws["A4"].value == "sag" and ws["B1"].value == "sagsgennemgang", "header"
        assert ws["B2"].is_date and ws["B2"].value.date().isoformat() == "2026-03-02", ws["B2"].value
        ids = [c.value for c in ws[4][1:]]
        validations = ws.data_validations.dataValidation
        assert len(validations) == 1 and validations[0].type == "list", validations
        assert validations[0].formula1 == '"opfyldt,ikke opfyldt,ikke relevant"', validations[0].formula1
        assert "B5" in validations[0].sqref and f"{openpyxl.utils.get_column_letter(len(ids) + 1)}24" in validations[0].sqref
        answers = ["opfyldt", "ikke opfyldt", "ikke relevant"]
        for row in range(5, 25):
            ws.cell(row=row, column=1, value=row - 4)
            for column in range(2, len(ids) + 2):
                ws.cell(row=row, column=column, value=answers[(row * row + column) % 3])
        wb.save(sys.argv[2])
        print(len(ids))
        """
        let result = try #require(SpreadsheetTools.run(python, ["-c", script, empty, filled]))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(criteria.count))

        var files = [filled]
        if let soffice = SpreadsheetTools.soffice {
            let out = folder.appendingPathComponent("libreoffice")
            let profile = folder.appendingPathComponent("profil")
            let converted = SpreadsheetTools.run(soffice, [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--calc",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.path, filled,
            ])
            #expect(converted?.status == 0, "\(converted?.output ?? "")")
            files.append(out.appendingPathComponent("udfyldt.xlsx").path)
        }
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let (measurement, diagnostics) = Measurement.load(spreadsheet: bytes, format: .xlsx, file: file,
                                                              knownCriteria: Set(criteria.map(\.id)))
            #expect(diagnostics.isEmpty, "\(file): \(diagnostics)")
            let loaded = try #require(measurement, "\(file)")
            #expect(loaded.caseCount == 20)
            #expect(loaded.date == Self.date)
            for (index, result) in loaded.results.enumerated() {
                let column = index + 2
                let written = (5...24).map { Self.answer(row: $0, column: column) }
                #expect(result.criterionID == criteria[index].id)
                #expect([result.opfyldt, result.ikkeOpfyldt, result.ikkeRelevant]
                        == Measurement.spreadsheetAnswers.map { answer in written.count { $0 == answer } })
            }
        }
    }
}
