import Testing
@testable import PejlingKit

@Suite("CPR numbers")
struct CPRScannerTests {
    @Test("finds CPR numbers with a dash or a space", arguments: [
        "010203-1234", "010203 1234", "311299-0000", "290200-1234", "Barn: 150615-4321.",
    ])
    func finds(text: String) {
        #expect(CPRScanner.matches(in: text).count == 1)
    }

    @Test("ignores numbers that are not CPR numbers", arguments: [
        "320101-1234", "011301-1234", "300201-1234", "290201-1234", "2015-1234", "0102031234", "1010203-1234", "010203-12345",
        "sag 010203-123", "barnets lov § 20, stk. 3",
    ])
    func ignores(text: String) {
        #expect(CPRScanner.matches(in: text).isEmpty)
    }

    @Test("reports the line and column")
    func position() {
        let matches = CPRScanner.matches(in: "første linje\nBarnet 010203-1234 er …")
        #expect(matches == [CPRScanner.Match(line: 2, column: 8)])
    }

    @Test("counts columns in Unicode scalars and accepts a no-break space or hyphen")
    func multibyte() {
        #expect(CPRScanner.matches(in: "æøå 010203\u{00A0}1234") == [CPRScanner.Match(line: 1, column: 5)])
        #expect(CPRScanner.matches(in: "Søn: 010203\u{2011}1234") == [CPRScanner.Match(line: 1, column: 6)])
    }
}
