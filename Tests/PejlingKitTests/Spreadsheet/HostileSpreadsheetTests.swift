import Foundation
import Testing
import ZIPFoundation
@testable import PejlingKit

/// A minimal xlsx around a sheet's `<sheetData>` content, for tests.
enum XLSXTestFile {
    static func workbook(sheet: String) -> [UInt8] {
        workbook(sheetData: Data(sheet.utf8))
    }

    static func workbook(sheetData: Data, compression: CompressionMethod = .deflate) -> [UInt8] {
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            ("_rels/.rels", Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8)),
            ("xl/workbook.xml", Data(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", Data(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8)
                + sheetData + Data("</sheetData></worksheet>".utf8)),
        ]
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { return [] }
        for (path, data) in parts {
            try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }
}

/// Hostile files are refused with a clear error within their limits (SpreadsheetLimits):
/// each test below finishes in well under a second on a release build.
@Suite struct HostileSpreadsheetTests {
    func elapsed(_ work: () -> Void) -> Duration {
        ContinuousClock().measure(work)
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        // 80 MiB of spaces packed into 80 KB.
        let bytes = try SpreadsheetFixtures.bytes("hostile-zip-bomb.xlsx")
        var diagnostics: [Diagnostic] = []
        let time = elapsed { diagnostics = XLSXReader.read(bytes: bytes, file: "bombe.xlsx").1 }
        #expect(diagnostics.map(\.message) == [XLSXReader.unpackedTooLargeMessage])
        #expect(diagnostics.first?.location == SourceLocation(file: "bombe.xlsx"))
        #expect(time < .seconds(5))
    }

    @Test func aZipBombThatLiesAboutItsSizeIsStoppedWhileUnpacking() throws {
        // The same bomb with its declared sizes set to 1 byte in the local and central headers:
        // the count of unpacked bytes stops it, not the header.
        var bytes = try SpreadsheetFixtures.bytes("hostile-zip-bomb.xlsx")
        let limit = SpreadsheetLimits.maximumUnpackedBytes
        patchDeclaredSizes(&bytes, above: UInt32(limit / 2))
        var diagnostics: [Diagnostic] = []
        let time = elapsed { diagnostics = XLSXReader.read(bytes: bytes, file: "bombe.xlsx").1 }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(time < .seconds(10))
    }

    /// Sets every declared uncompressed size above `threshold` (in the zip's local and central
    /// headers, and a zip64 extra field) to 1.
    func patchDeclaredSizes(_ bytes: inout [UInt8], above threshold: UInt32) {
        func u32(_ i: Int) -> UInt32 { UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24 }
        func set(_ i: Int, _ value: UInt32) { for k in 0..<4 { bytes[i + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 30 < bytes.count {
            let signature = u32(i)
            if signature == 0x0403_4B50, u32(i + 22) > threshold, u32(i + 22) != 0xFFFF_FFFF { set(i + 22, 1) }
            if signature == 0x0201_4B50, i + 28 < bytes.count, u32(i + 24) > threshold, u32(i + 24) != 0xFFFF_FFFF { set(i + 24, 1) }
            i += 1
        }
    }

    @Test func entityExpansionIsRefused() throws {
        let bytes = try SpreadsheetFixtures.bytes("hostile-entity-expansion.xlsx")
        var diagnostics: [Diagnostic] = []
        let time = elapsed { diagnostics = XLSXReader.read(bytes: bytes, file: "latter.xlsx").1 }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("delen xl/sharedStrings.xml i xlsx-filen erklærer en dokumenttype med entiteter") == true)
        #expect(time < .seconds(2))
    }

    @Test func aSheetOfAMillionRowsStopsAtTheLimit() {
        var rows = Data()
        rows.reserveCapacity(40 * 1_000_000)
        for row in 1...1_000_000 {
            rows.append(contentsOf: Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c></row>".utf8))
        }
        let bytes = XLSXTestFile.workbook(sheetData: rows)
        #expect(bytes.count < SpreadsheetLimits.maximumFileBytes)
        var diagnostics: [Diagnostic] = []
        let time = elapsed { diagnostics = XLSXReader.read(bytes: bytes, file: "millionen.xlsx").1 }
        #expect(diagnostics.map(\.message) == ["regnearket har mere end 10.000 rækker (celle A10001); en sagsgennemgang har én række pr. sag"])
        #expect(time < .seconds(10))
    }

    @Test func aCSVOfMoreThan10000RowsStopsAtTheLimit() {
        var text = "type;sagsgennemgang\r\ndato;2015-04-01\r\n\r\nsag;plan-foreligger\r\n"
        for row in 1...1_000_000 { text += "\(row);opfyldt\r\n" }
        let bytes = Array(text.utf8)
        var result: (CellGrid?, [Diagnostic]) = (nil, [])
        let time = elapsed { result = CSVReader.read(bytes: bytes, file: "millionen.csv") }
        #expect(result.0 == nil)
        #expect(result.1.map(\.message) == ["filen har mere end 10.000 rækker; en sagsgennemgang har én række pr. sag"])
        #expect(time < .seconds(10))
    }

    @Test func exactly10000RowsAreRead() {
        var text = "type;sagsgennemgang\ndato;2015-04-01\n\nsag;plan-foreligger\n"
        for row in 1...(SpreadsheetLimits.maximumRows - 4) { text += "\(row);opfyldt\n" }
        let (measurement, diagnostics) = PejlingKit.Measurement.load(spreadsheet: Array(text.utf8), format: .csv, file: "x.csv")
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(measurement?.caseCount == SpreadsheetLimits.maximumRows - 4)
    }

    @Test func aFileOver16MiBIsRefusedUnread() throws {
        let big = [UInt8](repeating: 0x20, count: SpreadsheetLimits.maximumFileBytes + 1)
        #expect(CSVReader.read(bytes: big, file: "stor.csv").1.first?.message.hasPrefix("filen er større end 16 MiB") == true)
        #expect(XLSXReader.read(bytes: big, file: "stor.xlsx").1.first?.message.hasPrefix("filen er større end 16 MiB") == true)
    }
}

/// Damaged workbooks and CSV files never crash pejling: each gives a grid or an error.
@Suite struct DamagedSpreadsheetTests {
    /// ZIPFoundation trusts a zip directory's sizes; ``ZIPStructure`` checks them first (a
    /// compressed size past the end of the file stopped the process before it did).
    @Test(arguments: ["libreoffice-from-csv-strandvig-2025.xlsx", "openpyxl-strandvig-2025.xlsx"])
    func everyTruncationAndByteFlipOfAWorkbookIsReadOrRefused(fixture: String) throws {
        let original = try SpreadsheetFixtures.bytes(fixture)
        var random = SeededRandom(seed: 15)
        var refused = 0
        for round in 0..<300 {
            var bytes = original
            if round % 3 == 0 {
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            } else {
                for _ in 0..<(1 + round % 4) {
                    let index = Int(random.next() % UInt64(bytes.count))
                    bytes[index] = UInt8(truncatingIfNeeded: random.next())
                }
            }
            let (grid, diagnostics) = XLSXReader.read(bytes: bytes, file: "x.xlsx")
            if grid == nil {
                refused += 1
                #expect(diagnostics.contains { $0.severity == .error })
            }
        }
        // Most damage is found (a CRC or a header); some flips land in unread bytes.
        #expect(refused > 100)
    }

    @Test func randomBytesAsCSVGiveAGridOrErrors() {
        var random = SeededRandom(seed: 16)
        for _ in 0..<200 {
            let count = Int(random.next() % 400)
            let alphabet: [UInt8] = Array(";,\"\r\n aoæ".utf8) + [0x81, 0xE6, 0x9D, 0xC3]
            let bytes = (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let (measurement, diagnostics) = PejlingKit.Measurement.load(spreadsheet: bytes, format: .csv, file: "x.csv")
            #expect(measurement != nil || diagnostics.contains { $0.severity == .error })
        }
    }
}
