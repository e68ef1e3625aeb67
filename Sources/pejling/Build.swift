import ArgumentParser
import PejlingKit

/// `pejling build`.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Byg siderne ud fra indholdet, og skriv dem i output-mappen.",
        discussion: """
        Skriver output/index.html og for hver kommune <slug>/index.html, <slug>/<slug>.html \
        (samlet i én fil), <slug>/indlejring.html (til indsættelse i et CMS) og filerne til \
        download. Output-mappen erstattes i ét skridt, og kun hvis pejling selv har skrevet den.

        Eksempel: pejling build --content content --output output --drafts
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("Output-mappen (standard: output).", valueName: "mappe"))
    var outputOption: String?

    /// `--output`, or its default (given here, so that the help shows no English "(default: …)").
    var output: String { outputOption ?? "output" }

    @Flag(help: "Skriv også hver kommunes rapport som tilgængelig PDF, <slug>/<slug>.pdf (kræver PDF-motoren WeasyPrint: make pdf-env).")
    var pdf = false

    func run() throws {
        var options = common.buildOptions()
        options.outputDirectory = output
        if pdf { options.pdf = true }
        let result = SiteBuilder(options: options).build()
        let summary: String
        if result.unchanged {
            summary = Summary.upToDate(municipalities: result.municipalities.count, output: output)
        } else {
            summary = Summary.built(municipalities: result.municipalities.count,
                                    rendered: result.municipalities.count - result.reusedCount,
                                    unchanged: result.reusedCount, files: result.fileCount, output: output)
        }
        try finish(result, format: common.format, success: summary)
    }
}
