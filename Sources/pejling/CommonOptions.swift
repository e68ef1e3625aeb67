import ArgumentParser
import Foundation
import PejlingKit

/// Options shared by `build` and `check`.
struct CommonOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The templates folder.")
    var templates = "Templates"

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "How diagnostics are printed: human, github or json.")
    var format: DiagnosticFormatter.Format = .human

    @Flag(help: "Include draft reports (kladde: true); their pages carry a KLADDE banner.")
    var drafts = false

    @Option(name: .customLong("only"), help: ArgumentHelp("Only this municipality (slug or kommunekode); repeatable.", valueName: "SLUG|KODE"))
    var only: [String] = []

    @Option(help: "Threads for loading and rendering (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
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

/// Prints the diagnostics to standard error and turns the result into an exit status.
func finish(_ result: SiteBuilder.Result, format: DiagnosticFormatter.Format, success: String) throws {
    let report = DiagnosticFormatter(format: format).report(result.diagnostics)
    if !report.isEmpty { StandardError.write(report) }
    if result.failed { throw ExitCode(1) }
    if format == .human { print(success) }
}
