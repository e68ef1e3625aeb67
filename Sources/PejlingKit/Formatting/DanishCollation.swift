import Foundation

/// Danish alphabetical order, as official Danish lists use it, whatever the machine's locale.
///
/// The alphabet is a–z, then æ, ø, å. `ä` sorts as `æ`, `ö` as `ø`, `ü` as `y`, and other
/// letters with accents as their base letter (`é` as `e`). `aa` is the old spelling of `å`
/// (Aabenraa, Aalborg, Aarhus, Faaborg) and sorts as `å`, as Dansk Sprognævn's rules and
/// the Danish collation of Unicode (CLDR) do. Case, spaces and punctuation count only when
/// two names are otherwise equal, so the order is total and deterministic.
///
/// Written by hand because Foundation's locale-aware comparison follows the ICU data and
/// locale of the machine it runs on, and pejling's output must not.
///
/// ```swift
/// ["Aarhus", "Ærø", "Bakkeby", "Vordingborg", "Aabenraa"].sorted(by: DanishCollation.areInIncreasingOrder)
/// // ["Bakkeby", "Vordingborg", "Ærø", "Aabenraa", "Aarhus"]
/// ```
enum DanishCollation {
    /// The primary weights of `text`: one number per letter or digit, in Danish order;
    /// spaces and punctuation are left out.
    ///
    /// ```swift
    /// DanishCollation.primaryKey("Aa") == DanishCollation.primaryKey("Å")   // true
    /// ```
    public static func primaryKey(_ text: String) -> [UInt32] {
        let letters = Array(text.lowercased().unicodeScalars)
        var key: [UInt32] = []
        var index = 0
        while index < letters.count {
            let scalar = letters[index]
            // "aa" is å (Aabenraa, Aalborg); "aaa" is å followed by a.
            if scalar == "a", index + 1 < letters.count, letters[index + 1] == "a" {
                key.append(weightAA)
                index += 2
                continue
            }
            if let weight = weight(of: scalar) { key.append(weight) }
            index += 1
        }
        return key
    }

    /// Whether `a` comes before `b` in Danish order. Names equal by letters are ordered by
    /// their Unicode scalars, so no two different names are ever tied.
    ///
    /// ```swift
    /// DanishCollation.areInIncreasingOrder("Vordingborg", "Ærø")   // true
    /// DanishCollation.areInIncreasingOrder("Ærø", "Aabenraa")      // true
    /// ```
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let (keyA, keyB) = (primaryKey(a), primaryKey(b))
        if keyA != keyB { return keyA.lexicographicallyPrecedes(keyB) }
        return Array(a.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
    }

    /// `items` in Danish order of `name`; items with the same name keep their order.
    ///
    /// ```swift
    /// DanishCollation.sorted(municipalities, by: \.name)
    /// ```
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.enumerated()
            .map { (key: primaryKey(name($0.element)), scalars: name($0.element).unicodeScalars.map(\.value), index: $0.offset, item: $0.element) }
            .sorted { lhs, rhs in
                if lhs.key != rhs.key { return lhs.key.lexicographicallyPrecedes(rhs.key) }
                if lhs.scalars != rhs.scalars { return lhs.scalars.lexicographicallyPrecedes(rhs.scalars) }
                return lhs.index < rhs.index
            }
            .map(\.item)
    }

    // Digits 0–9 come first, then a–z, then æ, ø, å.
    private static let weightDigit0: UInt32 = 10
    private static let weightA: UInt32 = 100
    private static let weightAE: UInt32 = weightA + 26
    private static let weightOE: UInt32 = weightA + 27
    private static let weightAA: UInt32 = weightA + 28

    private static func weight(of scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "æ", "ä": return weightAE
        case "ø", "ö", "ő": return weightOE
        case "å": return weightAA
        case "ü", "ű": return weightA + 24  // y
        case "ß": return weightA + 18        // s
        default: break
        }
        if ("0"..."9").contains(scalar) { return weightDigit0 + scalar.value - 48 }
        if ("a"..."z").contains(scalar) { return weightA + scalar.value - 97 }
        // Other letters with accents: their base letter (é → e, ñ → n).
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first
        if let base, base != scalar, ("a"..."z").contains(base) { return weightA + base.value - 97 }
        // Letters of other scripts after the Danish alphabet, by code point; spaces,
        // hyphens and other punctuation are left out.
        if scalar.properties.isAlphabetic { return weightAA + 1 + scalar.value }
        return nil
    }
}
