import Foundation
import Testing
@testable import PejlingKit

@Suite struct TrimmingTests {
    /// Scalars from every set the two trims tell apart: ASCII space and controls, NBSP, other
    /// Unicode spaces, line and paragraph separators, NEL, letters and a combining mark.
    static let pieces: [String] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}",
                                   "\u{2028}", "\u{2029}", "\u{200B}", "a", "æ", "\u{301}", "-", "maaling"]

    @Test("trimming agrees with Foundation's whitespaces and whitespacesAndNewlines")
    func agreesWithFoundation() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
            #expect(text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func examples() {
        #expect(" maaling faglig-udredning\t".trimmingSpaces() == "maaling faglig-udredning")
        #expect("\n tekst \n".trimmingSpaces() == "\n tekst \n")
        #expect("\n tekst \n".trimmingSpacesAndNewlines() == "tekst")
        #expect("\u{A0}\u{A0}".trimmingSpaces() == "")
    }
}
