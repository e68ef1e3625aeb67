import ArgumentParser
import Foundation
import PejlingKit
import PejlingServe

/// `pejling serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site with drafts in a browser; open pages refresh when you save.",
        discussion: """
        Builds content/ with drafts (kladde: true) into memory and serves it. Saving a file in
        content/ or Templates/ rebuilds what changed, and every open page shows the change within
        a second, without reloading by hand. While the content has errors, the browser shows them
        (file, line, column and the line itself) until the file is fixed. Ctrl-C stops the server.
        The pages served are the bytes `pejling build --drafts` writes, plus a small reload script
        that only the preview adds.

        Examples:
          pejling serve
          pejling serve --port 8081
          pejling serve --content ../rapporter/content --templates ../rapporter/Templates
        """
    )

    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The templates folder.")
    var templates = "Templates"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The address to listen on; the default keeps the preview on this machine.")
    var host = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        for (flag, folder) in [("--content", content), ("--templates", templates)] where !SafePath.isDirectory(folder) {
            StandardError.write("error: \(flag) \(folder): folder not found\n")
            throw ExitCode(1)
        }
        var options = ServeOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.port = port
        options.host = host
        let stderr: @Sendable (String) -> Void = { StandardError.write($0 + "\n") }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let server = PreviewServer(options: options, log: stderr) { _, actualPort in
            // The server stops cleanly on Ctrl-C and SIGTERM from now on.
            Interruption.handOver()
            // Unbuffered, so that a script waiting for this line sees it at once.
            StandardOutput.write("Serving \(content)/ with drafts at http://\(shownHost):\(actualPort)/ (Ctrl-C stops)\n")
            if !["127.0.0.1", "localhost", "::1"].contains(host) {
                stderr("warning: --host \(host) makes the drafts reachable from other machines")
            }
        }
        do {
            try await server.run()
        } catch let error as PreviewServer.ServeError {
            stderr("error: \(error)")
            throw ExitCode(1)
        }
        print("Stopped.")
    }
}
