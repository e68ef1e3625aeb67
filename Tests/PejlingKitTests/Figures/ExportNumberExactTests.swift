import Foundation
import Testing
@testable import PejlingKit

@Suite struct ExportNumberExactTests {
    /// The integer path must write exactly what C's printf writes, ties and all.
    @Test func exactFixedMatchesPrintf() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-9, 123456.785, 0.045, 99.95, -0.04]
        for k in 0...40 {
            for n in 1...40 where k <= n {
                let fraction = Double(k) / Double(n)
                values.append(fraction)
                values.append(100 * fraction)
                values.append(100 * (fraction - 0.5))
            }
        }
        for _ in 0..<20_000 {
            values.append(Double.random(in: -1000...1000, using: &generator))
            values.append(Double.random(in: 0...1, using: &generator))
            // Values on a fine binary grid hit exact ties.
            values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / 1024)
        }
        for value in values {
            for decimals in [0, 1, 2, 4, 5, 8, 12] {
                guard let exact = ExportNumber.exactFixed(value, decimals: decimals) else {
                    Issue.record("no integer result for \(value)")
                    continue
                }
                var expected = ExportNumber.printf("%.*f", Int32(decimals), value)
                if expected.hasPrefix("-"), expected.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
                    expected.removeFirst()
                }
                #expect(exact == expected, "\(value) with \(decimals) decimals")
            }
        }
    }

    @Test func fixedStillHandlesTheEdges() {
        #expect(ExportNumber.fixed(.nan, decimals: 1) == "null")
        #expect(ExportNumber.fixed(-0.04, decimals: 1) == "0.0")
        #expect(ExportNumber.fixed(2.5, decimals: 0) == "2")
        #expect(ExportNumber.fixed(1e300, decimals: 1) == ExportNumber.printf("%.*f", 1, 1e300))
    }
}

@Suite struct ChartWrapFastPathTests {
    /// The byte-counting wrap gives the same lines as the character-counting one.
    @Test func simpleWrapMatchesCharacterWrap() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Barnets", "egne", "synspunkter", "og", "ønsker", "fremgår", "af", "§", "50-undersøgelsen",
                     "ordsomerlængereendlinjenogsåher", "Å", "x", "\"citat\"", "<b>"]
        let separators = [" ", " ", " ", "  ", "\n", "\t"]
        for _ in 0..<2_000 {
            var text = Bool.random(using: &generator) ? " " : ""
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                text += words.randomElement(using: &generator) ?? ""
                text += separators.randomElement(using: &generator) ?? " "
            }
            let columns = Int.random(in: 5...60, using: &generator)
            let simple = Chart.wrapSimple(text, columns: columns)
            if let simple { #expect(simple == Chart.wrapByCharacters(text, columns: columns), "\(text)") }
        }
        #expect(Chart.wrapSimple("e\u{301}n to", columns: 10) == nil)
        #expect(Chart.wrapSimple("en to tre", columns: 10) == ["en to tre"])
    }
}
