/// One of the 98 Danish municipalities in the official list.
public struct RegisteredMunicipality: Sendable, Hashable {
    /// The official kommunekode, e.g. 561.
    public let code: Int
    /// The name without " Kommune", e.g. "Esbjerg".
    public let name: String
    public let region: String

    /// The name as a municipality calls itself: "Esbjerg Kommune" (Bornholm is "Bornholms Regionskommune").
    public var fullName: String {
        name == "Bornholm" ? "Bornholms Regionskommune" : "\(name) Kommune"
    }

    /// A slug for folder names: lower-case ASCII, æ→ae, ø→oe, å→aa, spaces to `-`.
    public var slug: String { Slug.make(from: name) }
}

/// Looks up municipalities by code or name.
///
/// ```swift
/// MunicipalityRegistry.byCode(561)?.name          // "Esbjerg"
/// MunicipalityRegistry.byName("høje-taastrup")     // Høje-Taastrup
/// ```
enum MunicipalityRegistry {
    private static let codeIndex: [Int: RegisteredMunicipality] =
        Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    public static func byCode(_ code: Int) -> RegisteredMunicipality? { codeIndex[code] }

    /// Matches a name case- and æøå-insensitively, with or without " Kommune", or a slug.
    public static func byName(_ name: String) -> RegisteredMunicipality? {
        let wanted = normalise(name)
        return all.first { normalise($0.name) == wanted || normalise($0.fullName) == wanted || $0.slug == wanted }
    }

    /// Whether `name` is an acceptable spelling of the municipality with `code`.
    public static func nameMatches(_ name: String, code: Int) -> Bool {
        guard let municipality = byCode(code) else { return false }
        let given = normalise(name)
        return given == normalise(municipality.name) || given == normalise(municipality.fullName)
            || given == normalise(municipality.name + " Kommune")
    }

    static func normalise(_ text: String) -> String {
        var result = Slug.make(from: text)
        if result.hasSuffix("-kommune") { result.removeLast("-kommune".count) }
        return result
    }
}
