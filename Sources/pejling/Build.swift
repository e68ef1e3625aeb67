import ArgumentParser
import PejlingKit

/// `pejling build`.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the content into the output folder.",
        discussion: """
        Writes output/index.html, and for every municipality <slug>/index.html, <slug>/<slug>.html
        (self-contained), <slug>/indlejring.html (CMS fragment) and the downloads. The output is
        replaced atomically, and only if it was written by pejling.

        Example: pejling build --content content --output output --drafts
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The output folder.")
    var output = "output"

    @Flag(help: "Skriv også hver kommunes rapport som tilgængelig PDF, <slug>/<slug>.pdf (kræver PDF-motoren WeasyPrint: make pdf-env).")
    var pdf = false

    func run() throws {
        var options = common.buildOptions()
        options.outputDirectory = output
        if pdf { options.pdf = true }
        let result = SiteBuilder(options: options).build()
        let summary: String
        if result.unchanged {
            summary = "Nothing changed: \(output)/ is up to date (\(result.municipalities.count) municipalities)."
        } else {
            let rendered = result.municipalities.count - result.reusedCount
            summary = "Built \(result.municipalities.count) municipalities into \(output)/: "
                + "\(rendered) rendered, \(result.reusedCount) unchanged, \(result.fileCount) files written."
        }
        try finish(result, format: common.format, success: summary)
    }
}
