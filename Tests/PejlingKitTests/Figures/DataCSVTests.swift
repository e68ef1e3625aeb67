import Foundation
import Testing
@testable import PejlingKit

@Suite struct DataCSVTests {
    func csvLines(_ slug: String, drafts: Bool = true) throws -> (bytes: [UInt8], lines: [String]) {
        let bytes = try #require((drafts ? DemoSite.builtWithDrafts : DemoSite.builtWithoutDrafts)["\(slug)/data.csv"])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        return (bytes, Array(lines))
    }

    /// Excel da-DK: UTF-8 with a byte-order mark, `;`, CRLF, decimal comma.
    @Test func byteOrderMarkSemicolonsAndCRLF() throws {
        let (bytes, lines) = try csvLines("egelund")
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Every line ends in CRLF: no bare LF.
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().allSatisfy { $0.hasSuffix("\r") })
        let header = try #require(lines.first)
        #expect(header.hasPrefix("Pejlemærke;Kriterium-id;Kriterium;Lovgrundlag;Analyse: dato;"))
        #expect(header.hasSuffix(";Forskel (procentpoint);p-værdi (Fishers eksakte test);Større end tilfældigheder kan forklare"))
        // A header and one row per criterion in either measurement (egelund: all 12).
        #expect(lines.count == 13)
        let columns = header.split(separator: ";", omittingEmptySubsequences: false).count
        #expect(columns == 4 + 9 + 9 + 3)
        for line in lines {
            #expect(line.split(separator: ";", omittingEmptySubsequences: false).count == columns, "\(line)")
        }
    }

    @Test func decimalCommaFigures() throws {
        let (_, lines) = try csvLines("egelund")
        let row = try #require(lines.first { $0.contains(";undersoegelse-rettidig;") })
        let fields = row.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[0] == "Faglig udredning")
        #expect(fields[3] == "barnets lov § 20, stk. 3")
        // Analyse: 2024-03-11, 20 sager, 3 / 15 / 2, 18 relevante, 16,67 % (5,84–39,22).
        #expect(Array(fields[4...12]) == ["2024-03-11", "20", "3", "15", "2", "18", "16,67", "5,84", "39,22"])
        // Pejling: 15 af 19: 78,95 % (56,67–91,49).
        #expect(Array(fields[13...21]) == ["2025-12-08", "20", "15", "4", "1", "19", "78,95", "56,67", "91,49"])
        #expect(Array(fields[22...24]) == ["62,3", "0,0002338", "ja"])
    }

    @Test func emptyCellsWhereThereIsNoFigure() throws {
        let (_, lines) = try csvLines("strandvig")
        let row = try #require(lines.first { $0.contains(";opfoelgning-anbragt-tilsyn;") })
        let fields = row.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        // Analysis 2 af 4; pejling 0 af 0: counts given, no share, no comparison.
        #expect(Array(fields[9...12]) == ["4", "50,00", "15,00", "85,00"])
        #expect(Array(fields[15...21]) == ["0", "0", "20", "0", "", "", ""])
        #expect(Array(fields[22...24]) == ["", "", ""])

        let (_, egelund) = try csvLines("egelund")
        let onlyStatus = try #require(egelund.first { $0.contains(";barnets-synspunkter;") })
        let statusFields = onlyStatus.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        #expect(statusFields[4...12].allSatisfy { $0.isEmpty })
        #expect(statusFields[19] == "50,00")
    }

    @Test func oneMeasurementHasNoComparisonColumns() throws {
        let (_, lines) = try csvLines("mosedal")
        let header = try #require(lines.first)
        #expect(!header.contains("Pejling"))
        #expect(!header.contains("Forskel"))
        let row = try #require(lines.first { $0.contains(";opfoelgning-anbragt-tilsyn;") })
        #expect(row.hasSuffix(";2026-02-02;20;1;7;12;8;12,50;2,24;47,09"))
    }

    @Test func fieldsAreQuotedWhenNeeded() {
        #expect(DataExport.field("plain text") == "plain text")
        #expect(DataExport.field("a;b") == "\"a;b\"")
        #expect(DataExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(DataExport.field("two\nlines") == "\"two\nlines\"")
        #expect(DataExport.field("two\r\nlines") == "\"two\r\nlines\"", "CR LF is one Character, but a line break")
        #expect(DataExport.field("a\"\u{301}b") == "\"a\"\"\u{301}b\"", "a quote glued to a combining mark is doubled")
        #expect(DataExport.field(" \u{301}x") == "\" \u{301}x\"", "a leading space glued to a mark still counts")
        #expect(DataExport.percent(0.125) == "12,50")
    }
}
