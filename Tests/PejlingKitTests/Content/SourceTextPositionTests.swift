import Testing
@testable import PejlingKit

/// `SourceText` is the one place that turns byte offsets into lines and columns: one offset at
/// a time, and many in one pass (the CPR scan), must agree with counting by hand.
@Suite struct SourceTextPositionTests {
    /// Line and column of every scalar boundary, counted from the scalars themselves: CR, LF and
    /// CR LF each end a line, columns count scalars from 1, a leading BOM is not counted.
    static func expected(_ scalars: [Unicode.Scalar]) -> [Int: (line: Int, column: Int)] {
        var positions: [Int: (line: Int, column: Int)] = [:]
        var offset = 0
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for (index, scalar) in scalars.enumerated() {
            if !(index == 0 && scalar == "\u{FEFF}") { positions[offset] = (line, column) }
            if scalar == "\n", previous == "\r" {
                // The LF of a CR LF: the line was counted at the CR.
            } else if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 1
            } else if !(index == 0 && scalar == "\u{FEFF}") {
                column += 1
            }
            offset += String(scalar).utf8.count
            previous = scalar
        }
        positions[offset] = (line, column)
        return positions
    }

    @Test("one offset and many in one pass agree with counting by hand, on random text")
    func randomText() {
        var random = SeededRandom(seed: 20261207)
        let alphabet: [Unicode.Scalar] = ["a", "1", " ", "-", "\n", "\r", "æ", "ø", "€", "😀", "\u{0301}"]
        for _ in 0..<300 {
            var scalars: [Unicode.Scalar] = random.chance(20) ? ["\u{FEFF}"] : []
            for _ in 0..<random.below(60) { scalars.append(alphabet[random.below(alphabet.count)]) }
            let bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
            let expected = Self.expected(scalars)
            let offsets = expected.keys.sorted()
            let many = SourceText.linesAndColumns(ofBytes: offsets, in: bytes)
            for (index, offset) in offsets.enumerated() {
                let want = expected[offset]!
                #expect(many[index] == want, "offset \(offset) in \(bytes)")
                let one = SourceText.lineAndColumn(ofByte: offset, in: bytes)
                #expect(one == want, "offset \(offset) in \(bytes)")
            }
        }
    }
}
