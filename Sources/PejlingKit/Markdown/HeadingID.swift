import Foundation

/// Heading ids: made from a heading's text, unique within a page.
///
/// The text is written in lower case; æ, ø and å become ae, oe and aa (as in Danish
/// addresses); other letters lose their accents (é → e, ü → u); every run of anything that
/// is not a letter or a digit becomes one `-`, and none starts or ends the id. A heading
/// without letters or digits gets `afsnit`. Written by hand: no library here makes ids
/// the way Danish readers expect (æ → ae rather than dropped).
///
/// ```swift
/// HeadingID.base("Bilag 2: Datagrundlag og metode")  // "bilag-2-datagrundlag-og-metode"
/// HeadingID.base("Børn og unge på Ærø")              // "boern-og-unge-paa-aeroe"
/// var ids = HeadingID.Allocator(taken: ["status"])
/// ids.unique("status")                               // "status-2"
/// ```
enum HeadingID {
    /// The letters written as two (checked before accents go, since å would lose its ring).
    static let spelledOut: [Unicode.Scalar: String] = [
        "æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "œ": "oe", "þ": "th", "ð": "d", "ł": "l", "đ": "d", "ħ": "h",
    ]

    /// The id a heading's text gives before it is made unique.
    public static func base(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        func add(_ piece: String) {
            if pendingDash, !result.isEmpty { result += "-" }
            pendingDash = false
            result += piece
        }
        for scalar in text.lowercased().unicodeScalars {
            // ASCII, most of any heading, needs no decomposition (Foundation's is slow).
            if scalar.isASCII {
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    if pendingDash, !result.isEmpty { result += "-" }
                    pendingDash = false
                    result.unicodeScalars.append(scalar)
                } else {
                    pendingDash = true
                }
                continue
            }
            if let spelled = spelledOut[scalar] {
                add(spelled)
                continue
            }
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                case .decimalNumber:
                    add(String(part))
                default:
                    if part.properties.isAlphabetic { add(String(part).lowercased()) } else { pendingDash = true }
                }
            }
        }
        return result.isEmpty ? "afsnit" : result
    }

    /// Hands out ids that are unique on one page: the second `sammenfatning` is
    /// `sammenfatning-2`, the third `sammenfatning-3`.
    public struct Allocator: Sendable {
        public private(set) var taken: Set<String>

        /// `taken`: the page's own ids, which no heading may take.
        public init(taken: Set<String> = []) {
            self.taken = taken
        }

        public mutating func unique(_ base: String) -> String {
            var candidate = base
            var number = 2
            while taken.contains(candidate) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            taken.insert(candidate)
            return candidate
        }
    }
}
