import ArgumentParser
import PejlingKit

/// `pejling check`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content and templates: everything build does except writing.",
        discussion: "Example: pejling check --format github --strict"
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let result = SiteBuilder(options: common.buildOptions()).check()
        try finish(result, format: common.format,
                   success: "Checked \(result.municipalities.count) municipalities: no errors.")
    }
}
