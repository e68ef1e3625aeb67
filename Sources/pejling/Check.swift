import ArgumentParser
import PejlingKit

/// `pejling check`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kontrollér indhold og skabeloner: alt, hvad build gør, undtagen at skrive.",
        discussion: """
        Alle fejl og advarsler skrives på én gang, hver med fil, linje og kolonne. Med --only \
        kontrolleres kun de valgte kommuner (og de fælles filer site.yml og kriterier.yml).

        Eksempel: pejling check --format github --strict
        """
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let result = SiteBuilder(options: common.buildOptions()).check()
        try finish(result, format: common.format,
                   success: Summary.checked(municipalities: result.municipalities.count,
                                            warnings: result.diagnostics.sorted.count { $0.severity == .warning }))
    }
}
