import ArgumentParser
import Foundation
import PejlingKit

/// `pejling`: builds the Task Force's report pages from content/ and Templates/.
@main
struct Pejling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pejling",
        abstract: "Build accessible report pages for the Task Force's analysis and status reports.",
        discussion: """
        Examples:
          pejling build                      render content/ into output/
          pejling build --drafts --only 561  include drafts, only kommunekode 561
          pejling check --format github      validate everything, print GitHub annotations
        """,
        subcommands: [Build.self, Check.self]
    )

    /// Exit status as the contract says: 0 success, 1 content or template errors, 2 a bad command line.
    static func main() {
        do {
            var command = try parseAsRoot()
            if command is Pejling {
                // No subcommand: a bad command line, not a request for help.
                FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
                Foundation.exit(2)
            }
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
