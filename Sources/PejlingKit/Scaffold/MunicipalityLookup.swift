import Foundation

/// Finds one of the 98 municipalities from what a user types: a kommunekode (`561`) or a name
/// in any case, with or without " Kommune", with æ, ø, å written as they are, as ae/oe/aa, or
/// as plain a/o (`Høje-Taastrup`, `hoeje taastrup`, `HOJE-TAASTRUP`).
///
/// ```swift
/// MunicipalityLookup.find("561")           // .found(Esbjerg)
/// MunicipalityLookup.find("lyngby-taarbæk") // .found(Lyngby-Taarbæk)
/// MunicipalityLookup.find("Esbjærg")        // .notFound(suggestions: ["Esbjerg"])
/// ```
public enum MunicipalityLookup {
    public enum Result: Sendable, Hashable {
        case found(RegisteredMunicipality)
        /// Nothing matched; the closest names, if any are close.
        case notFound(suggestions: [String])
        /// A loose spelling matched more than one municipality.
        case ambiguous([RegisteredMunicipality])
    }

    public static func find(_ query: String) -> Result {
        let trimmed = query.trimmingSpaces()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), let code = Int(trimmed) {
            if let municipality = MunicipalityRegistry.byCode(code) { return .found(municipality) }
            return .notFound(suggestions: [])
        }
        if let municipality = MunicipalityRegistry.byName(trimmed) { return .found(municipality) }
        let wanted = loose(trimmed)
        let matches = MunicipalityRegistry.all.filter { loose($0.name) == wanted }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches) }
        let names = MunicipalityRegistry.all.map(\.name)
        let close = Suggestion.closeMatches(for: MunicipalityRegistry.normalise(trimmed),
                                             among: MunicipalityRegistry.all.map(\.slug))
        return .notFound(suggestions: close.compactMap { slug in names.first { Slug.make(from: $0) == slug } })
    }

    /// A spelling that forgives æ/ae/a, ø/oe/o and å/aa/a.
    static func loose(_ text: String) -> String {
        var slug = MunicipalityRegistry.normalise(text)
        for (long, short) in [("ae", "a"), ("oe", "o"), ("aa", "a")] {
            slug = slug.replacingOccurrences(of: long, with: short)
        }
        return slug
    }
}
