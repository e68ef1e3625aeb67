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

    /// Text as it is (no newline added) on standard error: ArgumentParser's help and usage.
    public static func write(_ text: String) {
        write(text, to: 2)
    }

    /// Makes the standard streams safe to write to, first thing in `main`: ignores SIGPIPE (a
    /// write to a closed pipe then fails with EPIPE instead of killing pejling) and opens
    /// /dev/null on any of descriptors 0, 1 and 2 that is closed (`pejling build >&-`), so that
    /// no file pejling opens later becomes its standard output and receives its messages.
    /// Foundation's `FileHandle.write(_:)` stops the process with a trap when a write fails
    /// (`pejling serve 2>&1 | head -3` did), which is why everything is written here instead.
    public static func prepareStreams() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
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
