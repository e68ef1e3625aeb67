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
        // A reader that goes away (`pejling check | head`) must not kill pejling with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
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

/// Writes to standard error with plain `write(2)`: a closed stream ends the writing, never
/// the process.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(2, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
