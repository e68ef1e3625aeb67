import ArgumentParser
import Foundation
import PejlingKit

/// `pejling`: builds the Task Force's report pages from content/ and Templates/.
@main
struct Pejling: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pejling",
        abstract: "Byg tilgængelige sider til Task Forcens analyse- og statusrapporter.",
        discussion: """
        Eksempler:
          pejling build                      byg content/ i output/
          pejling build --drafts --only 561  med kladder, kun kommunekode 561
          pejling check --format github      kontrollér alt, skriv GitHub-annoteringer
          pejling serve                      se siderne med kladder i en browser
          pejling new 561                    opret mappen til Esbjerg Kommune
        """,
        version: PejlingVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, New.self]
    )

    /// Exit status as the contract says: 0 success, 1 content or template errors, 2 a bad command line.
    static func main() async {
        // A reader that goes away (`pejling check | head`), a closed descriptor or a signal
        // must not end pejling by a signal or a trap (Console, Interruption).
        Console.prepareStreams()
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
                Console.write(ArgumentMessages.danish(helpMessage()) + "\n")
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
                Console.write(ArgumentMessages.danish(fullMessage(for: error)) + "\n")
                Foundation.exit(2)
            }
            // --help and --version: ArgumentParser's frame around the help, in Danish.
            let message = fullMessage(for: error)
            if code == .success, !message.isEmpty {
                Console.say(ArgumentMessages.danish(message))
                Foundation.exit(0)
            }
            if !(error is ExitCode) {
                // Anything else a command throws: a Danish line, where ArgumentParser writes "Error:".
                Console.error("pejling stoppede: \(SystemError.describe(error))", at: SourceLocation(file: "pejling"))
                Foundation.exit(code == .success ? 1 : code.rawValue)
            }
            exit(withError: error)
        }
    }
}
