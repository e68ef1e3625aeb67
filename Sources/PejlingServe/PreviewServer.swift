import Foundation
import Hummingbird
import Logging
import NIOCore
import PejlingKit
import ServiceLifecycle

/// `pejling serve`: builds the site with drafts into memory, serves it, and refreshes open
/// pages within a second of a saved change. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
///
/// ```swift
/// var options = ServeOptions()
/// options.port = 8080
/// try await PreviewServer(options: options).run()   // until Ctrl-C
/// ```
public struct PreviewServer: Sendable {
    public let options: ServeOptions
    public let state: PreviewState
    public let hub: ReloadHub
    /// Where the server's messages go (the terminal).
    public var log: @Sendable (String) -> Void
    /// Called with the address once the server listens.
    public var onListening: @Sendable (String, Int) async -> Void

    public init(options: ServeOptions, state: PreviewState = PreviewState(), hub: ReloadHub = ReloadHub(),
                log: @escaping @Sendable (String) -> Void = { Console.note($0) },
                onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) {
        self.options = options
        self.state = state
        self.hub = hub
        self.log = log
        self.onListening = onListening
    }

    /// A failure to start that the user can do something about.
    public enum ServeError: Error, CustomStringConvertible, Equatable {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                return "port \(port) på \(host) er allerede i brug (kører der en anden pejling serve?); "
                    + "stop den, eller vælg en anden port med --port \(port == 65535 ? 8081 : port + 1)"
            case .cannotListen(let host, let port, let reason):
                return "pejling kan ikke lytte på \(host):\(port): \(reason)"
            }
        }
    }

    /// The rebuilder that keeps this server's state current.
    public func rebuilder() -> PreviewRebuilder {
        let log = self.log
        let contentDirectory = options.contentDirectory
        return PreviewRebuilder(options: options, state: state, hub: hub) { report in
            log(Self.describe(report, content: contentDirectory))
        }
    }

    /// The Hummingbird application, without the rebuilder (tests drive builds themselves).
    public func application(services: [any Service] = []) -> some ApplicationProtocol {
        var logger = Logger(label: "pejling-serve")
        logger.logLevel = .critical
        let onListening = self.onListening
        let host = options.host
        return Application(
            responder: PreviewResponder(state: state, hub: hub, localNamesOnly: Self.isLoopback(host),
                                        pdfOptions: options.buildOptions),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port),
                                                    serverName: "pejling-serve"),
            services: services,
            onServerRunning: { channel in
                await onListening(host, channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
    }

    /// Builds once, then serves and watches until Ctrl-C. Throws ``ServeError`` when the address
    /// cannot be used.
    public func run() async throws {
        var rebuilder = self.rebuilder()
        rebuilder.startingScan = rebuilder.watcher.scan()
        await rebuilder.buildNow(changes: nil)
        let app = application(services: [rebuilder])
        do {
            try await app.runService()
        } catch {
            hub.close()
            throw Self.explain(error, host: options.host, port: options.port)
        }
    }

    /// Whether `host` is a loopback address, reachable only from this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Turns a bind failure into a message the user can act on.
    static func explain(_ error: any Error, host: String, port: Int) -> any Error {
        if let io = error as? IOError {
            if io.errnoCode == EADDRINUSE { return ServeError.portInUse(host: host, port: port) }
            return ServeError.cannotListen(host: host, port: port, reason: SystemError.describe(io.errnoCode))
        }
        let text = String(describing: error)
        if text.contains("Address already in use") { return ServeError.portInUse(host: host, port: port) }
        if text.contains("bind") || text.contains("Cannot assign requested address") {
            return ServeError.cannotListen(host: host, port: port, reason: text.contains("Cannot assign requested address")
                                           ? "adressen hører ikke til denne maskine" : "adressen kan ikke bruges (\(text))")
        }
        return error
    }

    /// The terminal's summary of one build.
    static func describe(_ report: PreviewRebuilder.BuildReport, content: String) -> String {
        var lines: [String] = []
        let time = Summary.seconds(report.seconds)
        let trigger = report.changedFiles.isEmpty ? "" : Summary.files(report.changedFiles) + " ændret; "
        if !report.diagnostics.isEmpty, report.diagnosticsChanged {
            lines.append(DiagnosticFormatter(format: .human).report(report.diagnostics).trimmingCharacters(in: .newlines))
        }
        if report.failed {
            let same = report.diagnosticsChanged ? "" : " (de samme fejl som før)"
            let sentence = "\(trigger)siderne kunne ikke bygges (\(time))\(same): browseren viser fejlene, indtil de er rettet."
            lines.append(sentence.prefix(1).uppercased() + sentence.dropFirst())
        } else {
            let scope = report.partial ? "byggede igen" : "byggede"
            let effect = report.changedFiles.isEmpty ? "" : (report.visibleChange ? ", siderne er opdateret" : ", ingen synlig ændring")
            var counts = ""
            if !report.diagnosticsChanged, report.diagnostics.warningCount > 0 {
                counts = " (\(Summary.count(report.diagnostics.warningCount, "advarsel", "advarsler")) som før)"
            }
            let sentence = "\(trigger)\(scope) \(Summary.count(report.municipalities, "kommune", "kommuner")) på \(time)\(effect)\(counts)."
            lines.append(sentence.prefix(1).uppercased() + sentence.dropFirst())
        }
        return lines.joined(separator: "\n")
    }
}
