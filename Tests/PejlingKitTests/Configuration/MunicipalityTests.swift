import Testing
@testable import PejlingKit

@Suite("Municipalities and the official list")
struct MunicipalityTests {
    @Test("the embedded list has the 98 municipalities with unique codes and slugs")
    func registry() {
        #expect(MunicipalityRegistry.all.count == 98)
        #expect(Set(MunicipalityRegistry.all.map(\.code)).count == 98)
        #expect(Set(MunicipalityRegistry.all.map(\.slug)).count == 98)
        #expect(MunicipalityRegistry.byCode(561)?.name == "Esbjerg")
        #expect(MunicipalityRegistry.byCode(101)?.name == "København")
        #expect(MunicipalityRegistry.byCode(999) == nil)
    }

    @Test("names match case- and æøå-insensitively, with or without Kommune", arguments: [
        ("høje-taastrup", 169), ("Høje-Taastrup Kommune", 169), ("HOEJE TAASTRUP", 169), ("ærø", 492),
        ("Aeroe Kommune", 492), ("københavn", 101), ("Bornholms Regionskommune", 400),
    ])
    func byName(name: String, code: Int) {
        #expect(MunicipalityRegistry.byName(name)?.code == code)
    }

    private func parse(_ text: String) -> (Municipality?, Diagnostics) {
        var diagnostics = Diagnostics()
        let municipality = Municipality.parse(SourceText(file: "kommune.yml", text: text, bytes: []), slug: "x", diagnostics: &diagnostics)
        return (municipality, diagnostics)
    }

    @Test("a real municipality with code and name passes", arguments: [
        "kode: 561\nnavn: Esbjerg Kommune\n", "kode: 561\nnavn: Esbjerg\n", "kode: 400\nnavn: Bornholms Regionskommune\n",
    ])
    func valid(text: String) {
        let (municipality, diagnostics) = parse(text)
        #expect(municipality != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test("a code outside the 98 is an error at the code, with a hint")
    func unknownCode() {
        let (_, diagnostics) = parse("kode: 562\nnavn: Esbjerg Kommune\n")
        #expect(diagnostics.items.map(\.message) == ["kode 562 er ikke en af de 98 kommunekoder"])
        #expect(diagnostics.items.first?.hint == "Esbjerg Kommune har kode 561")
        #expect(diagnostics.items.first?.location.line == 1)
    }

    @Test("a name that does not match the code is an error at the name")
    func mismatch() {
        let (_, diagnostics) = parse("kode: 561\nnavn: Vejle Kommune\n")
        #expect(diagnostics.items.first?.message == "navn 'Vejle Kommune' passer ikke til kode 561, som er Esbjerg Kommune")
        #expect(diagnostics.items.first?.location == SourceLocation(file: "kommune.yml", line: 2, column: 7))
    }

    @Test("a real municipality needs a code")
    func missingCode() {
        let (_, diagnostics) = parse("navn: Esbjerg Kommune\n")
        #expect(diagnostics.items.map(\.message) == ["nøglen 'kode' mangler; den skal være der"])
    }

    @Test("example data is not checked against the list")
    func example() {
        let (municipality, diagnostics) = parse("navn: Egelund Kommune\neksempel: true\n")
        #expect(diagnostics.isEmpty)
        #expect(municipality?.isExample == true)
        #expect(municipality?.code == nil)
    }

    @Test("slugs", arguments: [("Høje-Taastrup", "hoeje-taastrup"), ("Ærø", "aeroe"), ("Lyngby-Taarbæk", "lyngby-taarbaek"), ("Aabenraa", "aabenraa")])
    func slugs(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
        #expect(Identifier.isValid(slug))
    }

    @Test("identifiers allow only a–z, 0–9 and -", arguments: ["Esbjerg", "høje", "a_b", "a b", "", "../x"])
    func invalidIdentifiers(text: String) {
        #expect(!Identifier.isValid(text))
    }
}
