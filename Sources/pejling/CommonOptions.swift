import ArgumentParser
import Foundation
import PejlingKit

/// `--content` and `--templates`, for `build`, `check` and `serve`.
///
/// Defaults are written into the help text in Danish (`standard: content`) rather than left
/// to ArgumentParser, which would add an English "(default: …)" of its own: each option is
/// stored as an optional and read through a property that fills in the default.
struct FolderOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("Indholdsmappen (standard: content).", valueName: "mappe"))
    var contentOption: String?
    var content: String { contentOption ?? "content" }

    @Option(name: .customLong("templates"), help: ArgumentHelp("Skabelonmappen (standard: Templates).", valueName: "mappe"))
    var templatesOption: String?
    var templates: String { templatesOption ?? "Templates" }
}

/// Options shared by `build` and `check`.
///
/// Defaults are written into the help text in Danish (`standard: content`) rather than left
/// to ArgumentParser, which would add an English "(default: …)" of its own: each option is
/// stored as an optional and read through a property that fills in the default.
struct CommonOptions: ParsableArguments {
    @OptionGroup var folders: FolderOptions
    var content: String { folders.content }
    var templates: String { folders.templates }

    @Flag(help: "Lad advarsler tælle som fejl.")
    var strict = false

    @Option(name: .customLong("format"),
            // No full stop: ArgumentParser adds the values, "(værdier: human, github, json)".
            help: ArgumentHelp("Hvordan fejl og advarsler skrives, standard human", valueName: "format"))
    var formatOption: DiagnosticFormatter.Format?
    var format: DiagnosticFormatter.Format { formatOption ?? .human }

    @Flag(help: "Tag rapporter med, der er kladder (kladde: true); deres sider får et KLADDE-banner.")
    var drafts = false

    @Option(name: .customLong("only"),
            help: ArgumentHelp("Kun denne kommune (slug eller kommunekode); kan gentages.", valueName: "slug|kode"))
    var only: [String] = []

    @Option(name: .customLong("jobs"),
            help: ArgumentHelp("Antal tråde til indlæsning og gengivelse (standard: antallet af kerner).", valueName: "antal"))
    var jobsOption: Int?
    var jobs: Int { jobsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let jobsOption, jobsOption < 1 { throw ValidationError("--jobs skal være mindst 1, ikke \(jobsOption)") }
    }

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.strict = strict
        options.includeDrafts = drafts
        options.only = only
        options.jobs = jobs
        return options
    }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}

/// Prints the diagnostics and the summary, and turns the result into an exit status.
func finish(_ result: SiteBuilder.Result, format: DiagnosticFormatter.Format, success: String) throws {
    Console.report(result.diagnostics, format: format)
    if result.failed { throw ExitCode(1) }
    if format == .human { Console.say(success) }
}
