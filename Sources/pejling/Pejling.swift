import ArgumentParser
import Foundation
import PejlingKit

/// `pejling`: builds the Task Force's report pages from content/ and Templates/.
@main
struct Pejling: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pejling",
        abstract: "Build accessible report pages for the Task Force's analysis and status reports.",
        discussion: """
        Examples:
          pejling build                      render content/ into output/
          pejling build --drafts --only 561  include drafts, only kommunekode 561
          pejling check --format github      validate everything, print GitHub annotations
          pejling serve                      preview with drafts at http://127.0.0.1:8080/
          pejling new 561                    start the folder for Esbjerg Kommune
        """,
        subcommands: [Build.self, Check.self, Serve.self, New.self]
    )

    /// Exit status as the contract says: 0 success, 1 content or template errors, 2 a bad command line.
    static func main() async {
        // A reader that goes away (`pejling check | head`), a closed descriptor or a signal
        // must not end pejling by a signal or a trap (StandardStreams, Interruption).
        StandardStreams.prepare()
        if CommandLine.arguments.dropFirst().first == "serve" {
            // Ctrl-C is how a preview ends: cleanly, also before the server listens.
            Interruption.install(message: "Stoppet.\n", exitStatus: 0)
        } else {
            Interruption.install(message: "Afbrudt, før arbejdet var færdigt.\n")
        }
        do {
            var command = try parseAsRoot()
            if command is Pejling {
                // No subcommand: a bad command line, not a request for help.
                StandardError.write(helpMessage() + "\n")
                Foundation.exit(2)
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
