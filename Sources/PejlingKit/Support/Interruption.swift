import Dispatch
import Foundation

/// How pejling ends when it is interrupted: never by the signal itself, always with an exit
/// status the contract knows.
///
/// - SIGINT (Ctrl-C) and SIGTERM: the message on standard error, then exit status 1. A
///   build interrupted half-way leaves the output folder as it was or as the finished build
///   (the swap is atomic); its staging folder is removed by the next build.
/// - SIGHUP (the terminal closed): ignored, so that a build finishes and `serve` keeps
///   serving; its messages then go nowhere.
/// - `serve` hands SIGINT and SIGTERM over to its server once it runs, which stops cleanly
///   (exit status 0).
///
/// Dispatch takes a signal only once the signal is ignored, and registers its handler a
/// moment later: a signal in that moment, at start-up, is lost rather than fatal.
///
/// ```swift
/// Interruption.install(message: "Afbrudt.\n")
/// // … serve: once the server handles the signals itself
/// Interruption.handOver()
/// ```
public enum Interruption {
    /// The exit status of an interrupted command: a content problem's, as the contract has
    /// no other for a run that did not finish.
    public static let exitStatus: Int32 = 1

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var handedOver = false
        var message = ""
        var status = Interruption.exitStatus
        var sources: [any DispatchSourceSignal] = []
    }

    private static let state = State()
    private static let queue = DispatchQueue(label: "pejling.interruption")

    /// Takes over SIGINT, SIGTERM and SIGHUP for the rest of the process; called again, it
    /// only changes the message and the exit status.
    public static func install(message: String, exitStatus: Int32 = Interruption.exitStatus) {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.message = message
        state.status = exitStatus
        guard state.sources.isEmpty else { return }
        signal(SIGHUP, SIG_IGN)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            // A queue of its own (serial queues may start a thread when the pool is busy): a
            // build that keeps every worker thread busy must not keep the signal waiting.
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                state.lock.lock()
                let (handedOver, message, status) = (state.handedOver, state.message, state.status)
                state.lock.unlock()
                guard !handedOver else { return }
                Console.write(message)
                _exit(status)
            }
            source.resume()
            state.sources.append(source)
        }
    }

    /// From now on SIGINT and SIGTERM are left to whoever else listens (serve's server).
    public static func handOver() {
        state.lock.lock()
        state.handedOver = true
        state.lock.unlock()
    }
}
