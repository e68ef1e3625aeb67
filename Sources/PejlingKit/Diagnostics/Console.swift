import Foundation

/// The one place that writes what pejling says to a person: diagnostics (formatted by
/// ``DiagnosticFormatter``) and other messages to standard error, summaries to standard
/// output. Every command and `serve` write through it.
///
/// Writes use plain `write(2)`: a closed or broken stream ends the writing, never the
/// process (pejling ignores SIGPIPE), and nothing is buffered, so a script waiting for a
/// line sees it at once.
///
/// ```swift
/// Console.report(result.diagnostics, format: .human)     // every diagnostic and the count
/// Console.error("--port skal være mellem 0 og 65535", at: SourceLocation(file: "--port"))
/// Console.say("Byggede 1 kommune i output/: …")
/// ```
public enum Console {
    /// Prints every diagnostic, sorted, in `format`, to standard error.
    public static func report(_ diagnostics: Diagnostics, format: DiagnosticFormatter.Format = .human) {
        let text = DiagnosticFormatter(format: format).report(diagnostics)
        if !text.isEmpty { write(text, to: 2) }
    }

    /// Prints one error, formatted as every diagnostic is.
    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil,
                             format: DiagnosticFormatter.Format = .human) {
        write(DiagnosticFormatter(format: format).format(.error(message, at: location, hint: hint)) + "\n", to: 2)
    }

    /// Prints one warning, formatted as every diagnostic is.
    public static func warning(_ message: String, at location: SourceLocation, hint: String? = nil,
                               format: DiagnosticFormatter.Format = .human) {
        write(DiagnosticFormatter(format: format).format(.warning(message, at: location, hint: hint)) + "\n", to: 2)
    }

    /// A line for the person at the terminal (a summary, an address), on standard output.
    public static func say(_ line: String) {
        write(line + "\n", to: 1)
    }

    /// A line of running commentary (`serve`'s rebuilds), on standard error.
    public static func note(_ line: String) {
        write(line + "\n", to: 2)
    }

    /// Writes all of `text` to a file descriptor, giving up quietly when it is closed.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
