import ArgumentParser
import Foundation
import PejlingKit
#if Serve
import PejlingServe
#endif

/// `pejling serve`. Without the `Serve` trait (the binary `make site` builds) the command is
/// there but says that this binary has no server, and how to get one.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Se siderne med kladder i en browser; åbne sider opdateres, når du gemmer.",
        discussion: """
        Bygger content/ med kladder (kladde: true) i hukommelsen og viser siderne. Når du gemmer \
        en fil i content/ eller Templates/, bygges det, der er ændret, og hver åben side viser \
        ændringen inden for et sekund, uden at du skal genindlæse den. Så længe indholdet har \
        fejl, viser browseren dem (fil, linje, kolonne og selve linjen), indtil filen er rettet. \
        Ctrl-C stopper serveren. Siderne er de samme bytes, som pejling build --drafts skriver, \
        plus et lille script til genindlæsning, som kun forhåndsvisningen tilføjer.

        Eksempler:
          pejling serve
          pejling serve --port 8081
          pejling serve --content ../rapporter/content \\
                        --templates ../rapporter/Templates
        """
    )

    @OptionGroup var folders: FolderOptions
    var content: String { folders.content }
    var templates: String { folders.templates }

    @Option(name: .customLong("port"), help: ArgumentHelp("Porten, der lyttes på (standard: 8080).", valueName: "port"))
    var portOption: Int?
    var port: Int { portOption ?? 8080 }

    @Option(name: .customLong("host"),
            help: ArgumentHelp("Adressen, der lyttes på (standard: 127.0.0.1, så siderne kun kan ses fra denne maskine).",
                               valueName: "adresse"))
    var hostOption: String?
    var host: String { hostOption ?? "127.0.0.1" }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port skal være mellem 0 og 65535, ikke \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host må ikke være tom") }
    }

    func run() async throws {
        #if Serve
        try await serve()
        #else
        Console.error("denne pejling er bygget uden serve (make site bygger kun det, der skal til for at bygge siden)",
                      at: SourceLocation(file: "pejling serve"),
                      hint: "byg den fulde pejling med make build, og kør .build/debug/pejling serve")
        throw ExitCode(1)
        #endif
    }

    #if Serve
    private func serve() async throws {
        for (flag, folder) in [("--content", content), ("--templates", templates)] where !SafePath.isDirectory(folder) {
            let what = flag == "--content" ? "indholdsmappen" : "skabelonmappen"
            Console.error(SafePath.exists(folder) ? "\(folder) er en fil og ikke en mappe; \(flag) skal angive \(what)"
                                                  : "\(what) \(folder) findes ikke",
                          at: SourceLocation(file: flag))
            throw ExitCode(1)
        }
        var options = ServeOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.port = port
        options.host = host
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let (content, host) = (content, host)
        let server = PreviewServer(options: options, log: { Console.note($0) }) { _, actualPort in
            // The server stops cleanly on Ctrl-C and SIGTERM from now on.
            Interruption.handOver()
            // Unbuffered, so that a script waiting for this line sees it at once.
            Console.say("Viser \(content)/ med kladder på http://\(shownHost):\(actualPort)/ (Ctrl-C stopper)")
            if !["127.0.0.1", "localhost", "::1"].contains(host) {
                Console.warning("--host \(host) gør kladderne synlige fra andre maskiner", at: SourceLocation(file: "--host"))
            }
        }
        do {
            try await server.run()
        } catch let error as PreviewServer.ServeError {
            Console.error("\(error)", at: SourceLocation(file: "--port"))
            throw ExitCode(1)
        } catch {
            Console.error("forhåndsvisningen stoppede: \(SystemError.describe(error))", at: SourceLocation(file: "pejling serve"))
            throw ExitCode(1)
        }
        Console.say("Stoppet.")
    }
    #endif
}
