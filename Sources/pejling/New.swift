import ArgumentParser
import Foundation
import PejlingKit

/// `pejling new`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Opret mappen til en rigtig kommunes forløb med rapporter som kladder.",
        discussion: """
        Skriver content/kommuner/<slug>/ med kommune.yml, analyse.md og status.md som kladder, der \
        følger Task Forcens rapportskabelon, og en tom sagsgennemgang (maalinger/sagsgennemgang.xlsx) \
        med webstedets kriterier fra kriterier.yml som kolonner. Kommunen er en af de 98, angivet \
        med kommunekode eller navn (store eller små bogstaver; æ, ø, å eller ae, oe, aa). En mappe, \
        der findes, ændres aldrig.

        Eksempler:
          pejling new 561
          pejling new "Høje-Taastrup"
          pejling new hoeje-taastrup --content content
        """
    )

    @Argument(help: ArgumentHelp("Kommunekoden eller navnet.", valueName: "kode|navn"))
    var municipality: String

    @Option(name: .customLong("content"), help: ArgumentHelp("Indholdsmappen (standard: content).", valueName: "mappe"))
    var contentOption: String?
    var content: String { contentOption ?? "content" }

    /// Where `new`'s errors point: the command line, as `--only`'s do.
    static let location = SourceLocation(file: "pejling new")

    func run() throws {
        let found: RegisteredMunicipality
        switch MunicipalityLookup.find(municipality) {
        case .found(let match):
            found = match
        case .notFound(let suggestions):
            Console.error("'\(municipality)' er ikke en af de 98 kommuner (med kommunekode eller navn)", at: Self.location,
                          hint: suggestions.isEmpty ? nil : "mente du \(Suggestion.list(suggestions))?")
            throw ExitCode(1)
        case .ambiguous(let matches):
            let names = Suggestion.list(matches.map { "\($0.name) (\($0.code))" }, conjunction: "og")
            Console.error("'\(municipality)' passer på \(names)", at: Self.location, hint: "angiv kommunekoden")
            throw ExitCode(1)
        }
        // The content folder first: its criteria make the case review's columns.
        if let problem = MunicipalityScaffold.contentFolderProblem(content) {
            Console.error(problem, at: Self.location)
            throw ExitCode(1)
        }
        guard let criteria = siteCriteria() else { throw ExitCode(1) }
        let scaffold = MunicipalityScaffold(municipality: found, date: Self.today(), criteria: criteria)
        let folderExists = SafePath.exists(DisplayPath.join(content, scaffold.folder))
        if !folderExists, let other = folderUsing(code: found.code) {
            Console.error("kode \(found.code) (\(found.fullName)) bruges allerede af "
                          + DisplayPath.relative(DisplayPath.join(content, "kommuner/" + other)),
                          at: Self.location)
            throw ExitCode(1)
        }
        let written: [String]
        do {
            written = try scaffold.write(contentDirectory: content)
        } catch {
            Console.error("\(error)", at: Self.location)
            throw ExitCode(1)
        }
        var lines = ["Oprettede \(found.fullName) (kode \(found.code)):"]
        lines += written.map { "  \($0)" }
        lines.append("Begge rapporter er kladder (kladde: true), og datoerne er pladsholdere.")
        lines.append("Se siden, mens du skriver: pejling serve --content \(content)")
        Console.say(lines.joined(separator: "\n"))
    }

    /// The site's criteria, the case review's columns; `nil` (with the problems printed) when
    /// kriterier.yml cannot be read.
    func siteCriteria() -> [Criterion]? {
        let path = DisplayPath.join(content, "kriterier.yml")
        var diagnostics = Diagnostics()
        switch SourceText.read(path: path, displayPath: DisplayPath.relative(path)) {
        case .success(let source):
            if let catalogue = CriteriaCatalogue.load(source, diagnostics: &diagnostics), diagnostics.errorCount == 0 {
                return catalogue.criteria
            }
        case .failure(let problem):
            diagnostics.append(problem)
        }
        Console.report(diagnostics)
        Console.error("pejling new skal bruge webstedets kriterier (kriterier.yml) til sagsgennemgangens kolonner",
                      at: Self.location)
        return nil
    }

    /// The folder of another municipality with this code, if any.
    func folderUsing(code: Int) -> String? {
        ContentLoader(directory: content, jobs: 1).municipalityFolder(withCode: code)
    }

    /// Today's date in the local calendar.
    static func today() -> ISODate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return ISODate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? ISODate(year: 2026, month: 1, day: 1)!
    }
}
