import ArgumentParser
import Foundation
import PejlingKit

/// `pejling new`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the folder for a real municipality's course, with draft reports.",
        discussion: """
        Writes content/kommuner/<slug>/ with kommune.yml, a draft analyse.md and status.md that follow
        the Task Force's report structure, and an empty case review (maalinger/sagsgennemgang.xlsx) with
        the site's criteria from kriterier.yml as columns.
        The municipality is one of the 98, by kommunekode or name (any case; æ, ø, å or ae, oe, aa).
        An existing folder is never changed.

        Examples:
          pejling new 561
          pejling new "Høje-Taastrup"
          pejling new hoeje-taastrup --content content
        """
    )

    @Argument(help: ArgumentHelp("The kommunekode or name.", valueName: "KODE|NAVN"))
    var municipality: String

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        let found: RegisteredMunicipality
        switch MunicipalityLookup.find(municipality) {
        case .found(let match):
            found = match
        case .notFound(let suggestions):
            var message = "error: '\(municipality)' is not one of the 98 municipalities (by kommunekode or name)"
            if !suggestions.isEmpty { message += "; did you mean \(suggestions.joined(separator: ", "))?" }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(1)
        case .ambiguous(let matches):
            let names = matches.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("error: '\(municipality)' matches \(names); give the kommunekode\n".utf8))
            throw ExitCode(1)
        }
        guard let criteria = siteCriteria() else { throw ExitCode(1) }
        let scaffold = MunicipalityScaffold(municipality: found, date: Self.today(), criteria: criteria)
        let folderExists = SafePath.exists(DisplayPath.join(content, scaffold.folder))
        if !folderExists, let other = folderUsing(code: found.code) {
            FileHandle.standardError.write(Data(
                "error: kode \(found.code) (\(found.fullName)) is already used by \(DisplayPath.relative(DisplayPath.join(content, "kommuner/" + other)))\n".utf8))
            throw ExitCode(1)
        }
        let written: [String]
        do {
            written = try scaffold.write(contentDirectory: content)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print("Created \(found.fullName) (kode \(found.code)):")
        for path in written { print("  \(path)") }
        print("""
        Both reports are drafts (kladde: true), and the dates are placeholders.
        Preview while you write: pejling serve --content \(content)
        """)
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
        FileHandle.standardError.write(Data(DiagnosticFormatter(format: .human).report(diagnostics).utf8))
        FileHandle.standardError.write(Data("error: pejling new skal bruge webstedets kriterier (kriterier.yml) til sagsgennemgangens kolonner\n".utf8))
        return nil
    }

    /// The folder of another municipality with this code, if any.
    func folderUsing(code: Int) -> String? {
        let (loaded, _) = ContentLoader(directory: content, jobs: 1).load()
        return loaded?.municipalities.first { $0.code == code && !$0.isExample }?.slug
    }

    /// Today's date in the local calendar.
    static func today() -> ISODate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return ISODate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? ISODate(year: 2026, month: 1, day: 1)!
    }
}
