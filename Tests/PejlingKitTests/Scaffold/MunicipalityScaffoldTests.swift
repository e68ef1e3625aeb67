import Foundation
import Testing
@testable import PejlingKit

@Suite struct MunicipalityLookupTests {
    func name(_ query: String) -> String? {
        if case .found(let municipality) = MunicipalityLookup.find(query) { return municipality.name }
        return nil
    }

    @Test func byCodeOrAnySpellingOfTheName() {
        #expect(name("561") == "Esbjerg")
        #expect(name(" 101 ") == "København")
        #expect(name("esbjerg") == "Esbjerg")
        #expect(name("ESBJERG KOMMUNE") == "Esbjerg")
        #expect(name("Høje-Taastrup") == "Høje-Taastrup")
        #expect(name("hoeje-taastrup") == "Høje-Taastrup")
        #expect(name("HOJE TAASTRUP") == "Høje-Taastrup")
        #expect(name("ÆRØ") == "Ærø")
        #expect(name("aeroe") == "Ærø")
        #expect(name("Aro") == "Ærø")
        #expect(name("lyngby-taarbaek") == "Lyngby-Taarbæk")
        #expect(name("Bornholms Regionskommune") == "Bornholm")
        #expect(name("københavn") == "København")
        #expect(name("kobenhavn") == "København")
    }

    @Test func everyMunicipalityFindsItselfByCodeNameAndSlug() {
        for municipality in MunicipalityRegistry.all {
            #expect(MunicipalityLookup.find(String(municipality.code)) == .found(municipality))
            #expect(MunicipalityLookup.find(municipality.name) == .found(municipality))
            #expect(MunicipalityLookup.find(municipality.fullName) == .found(municipality))
            #expect(MunicipalityLookup.find(municipality.slug) == .found(municipality))
            #expect(MunicipalityLookup.find(municipality.name.uppercased()) == .found(municipality))
        }
    }

    @Test func unknownNamesGetSuggestions() {
        #expect(MunicipalityLookup.find("Esbjærg") == .notFound(suggestions: ["Esbjerg"]))
        #expect(MunicipalityLookup.find("999") == .notFound(suggestions: []))
        #expect(MunicipalityLookup.find("Egelund") == .notFound(suggestions: []))
        #expect(MunicipalityLookup.find("") == .notFound(suggestions: []))
    }
}

@Suite struct MunicipalityScaffoldTests {
    /// A content folder with the demo's site.yml and kriterier.yml and no municipalities.
    final class EmptyContent {
        let root: URL
        var content: String { root.appendingPathComponent("content").path }
        init() throws {
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            root = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-new-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: root.path + "/content/kommuner", withIntermediateDirectories: true)
            for name in ["site.yml", "kriterier.yml"] {
                try FileManager.default.copyItem(atPath: package.path + "/content/" + name, toPath: content + "/" + name)
            }
            try FileManager.default.copyItem(atPath: package.path + "/Templates", toPath: root.path + "/Templates")
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        /// The criteria of the copied kriterier.yml.
        func criteria() throws -> [Criterion] {
            var diagnostics = Diagnostics()
            let source = try SourceText.read(path: content + "/kriterier.yml", displayPath: "kriterier.yml").get()
            return try #require(CriteriaCatalogue.load(source, diagnostics: &diagnostics)).criteria
        }

        func check(drafts: Bool) -> SiteBuilder.Result {
            var options = BuildOptions()
            options.contentDirectory = content
            options.templatesDirectory = root.path + "/Templates"
            options.includeDrafts = drafts
            return SiteBuilder(options: options).check()
        }
    }

    let date = ISODate(year: 2026, month: 3, day: 2)!

    @Test func writesTheFourFilesAndPassesCheck() throws {
        let site = try EmptyContent()
        let esbjerg = try #require(MunicipalityRegistry.byCode(561))
        let written = try MunicipalityScaffold(municipality: esbjerg, date: date, criteria: try site.criteria())
            .write(contentDirectory: site.content)
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["kommune.yml", "analyse.md", "status.md", "sagsgennemgang.xlsx"])
        for path in written { #expect(FileManager.default.fileExists(atPath: path)) }
        for drafts in [false, true] {
            let result = site.check(drafts: drafts)
            #expect(!result.failed, "\(result.diagnostics.sorted)")
            #expect(result.diagnostics.errorCount == 0)
            // The only warning: the case review has no cases yet.
            #expect(result.diagnostics.sorted.map(\.message).allSatisfy { $0 == "sagsgennemgangen har endnu ingen sager: række 5 er tom" })
            #expect(result.diagnostics.sorted.map(\.location.description).allSatisfy { $0.hasSuffix("kommuner/esbjerg/maalinger/sagsgennemgang.xlsx:A5") })
        }
        #expect(site.check(drafts: true).municipalities == ["esbjerg"])
        // Both reports are drafts: a build without --drafts has nothing for Esbjerg yet.
        #expect(site.check(drafts: false).municipalities.isEmpty)
        // Nothing was left behind beside the folder.
        #expect(SafePath.listing(site.content + "/kommuner") == ["esbjerg"])
    }

    @Test func theFilesFollowTheReportStructure() throws {
        let scaffold = MunicipalityScaffold(municipality: try #require(MunicipalityRegistry.byCode(169)), date: date)
        let files = Dictionary(uniqueKeysWithValues: try scaffold.files().map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let yml = try #require(files["kommune.yml"])
        #expect(yml.contains("kode: 169\n"))
        #expect(yml.contains("navn: Høje-Taastrup Kommune\n"))
        #expect(yml.contains("eksempel: false\n"))
        let analysis = try #require(files["analyse.md"])
        #expect(analysis.hasPrefix("---\n"))
        #expect(analysis.contains("\nkladde: true\n"))
        #expect(analysis.contains("\ndato: 2026-03-02\n"))
        #expect(analysis.contains("\nmaaling: maalinger/sagsgennemgang.xlsx\n"))
        let analysisHeadings = analysis.split(separator: "\n").filter { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        #expect(analysisHeadings == ["Sammenfatning", "Overordnet styring og faglig ledelse", "Faglig udredning",
                                     "Valg af indsats og opfølgning", "Inddragelse af barn og familie",
                                     "Bilag 1: Sagsgennemgangen", "Bilag 2: Datagrundlag og metode"])
        let status = try #require(files["status.md"])
        #expect(status.contains("\nkladde: true\n"))
        #expect(status.contains("\ndato: 2028-03-02\n"))
        let statusHeadings = status.split(separator: "\n").filter { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        #expect(statusHeadings == ["Indledning", "Task Forcens vurdering", "Statusmåling", "Kommunens bemærkninger"])
        let workbook = try #require(try scaffold.files().first { $0.path == "maalinger/sagsgennemgang.xlsx" }?.bytes)
        let (loaded, _) = Measurement.load(spreadsheet: workbook, format: .xlsx, file: "m.xlsx")
        #expect(loaded?.kind == .sagsgennemgang)
        #expect(loaded?.date == date)
        #expect(loaded?.caseCount == 0)
        #expect(loaded?.results.isEmpty == true)
    }

    @Test func theStatusDateIsLaterEvenOnALeapDay() {
        let leap = ISODate(year: 2028, month: 2, day: 29)!
        let scaffold = MunicipalityScaffold(municipality: MunicipalityRegistry.all[0], date: leap)
        #expect(scaffold.statusDate == ISODate(year: 2030, month: 2, day: 28))
        #expect(scaffold.statusDate > leap)
    }

    @Test func refusesAFolderThatExists() throws {
        let site = try EmptyContent()
        let esbjerg = try #require(MunicipalityRegistry.byCode(561))
        try FileManager.default.createDirectory(atPath: site.content + "/kommuner/esbjerg", withIntermediateDirectories: true)
        try "mine".write(toFile: site.content + "/kommuner/esbjerg/noter.txt", atomically: true, encoding: .utf8)
        #expect(throws: MunicipalityScaffold.Refusal.self) {
            try MunicipalityScaffold(municipality: esbjerg, date: date).write(contentDirectory: site.content)
        }
        #expect(SafePath.listing(site.content + "/kommuner/esbjerg") == ["noter.txt"])
        #expect(SafePath.listing(site.content + "/kommuner") == ["esbjerg"])
    }

    @Test func everyOneOfThe98PassesCheckTogether() throws {
        let site = try EmptyContent()
        for municipality in MunicipalityRegistry.all {
            try MunicipalityScaffold(municipality: municipality, date: date).write(contentDirectory: site.content)
        }
        let result = site.check(drafts: true)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.sorted.filter { $0.severity == .error }.prefix(3))")
        #expect(result.municipalities.count == 98)
    }
}
