#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Standard output and standard error that never end the process: a closed descriptor, a
/// reader that went away (`pejling serve 2>&1 | head -3`) or a full disk ends the writing,
/// not pejling.
///
/// Foundation's `FileHandle.write(_:)` stops the process with a trap (SIGILL) when the write
/// fails, so every message goes through here instead, with plain `write(2)`.
///
/// ```swift
/// StandardStreams.prepare()            // first thing in main
/// StandardError.write("fejl: …\n")
/// ```
public enum StandardStreams {
    /// Ignores SIGPIPE (a write to a closed pipe then fails with EPIPE instead of killing
    /// pejling) and opens /dev/null on any of descriptors 0, 1 and 2 that is closed
    /// (`pejling build >&-`), so that no file pejling opens later becomes its standard
    /// output and receives its messages.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// Writes all of `text` to `descriptor`, or as much as it takes; never fails.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Standard error (see ``StandardStreams``).
public enum StandardError {
    public static func write(_ text: String) {
        StandardStreams.write(text, to: 2)
    }
}

/// Standard output (see ``StandardStreams``). Unbuffered, so that a script waiting for a
/// line sees it at once.
public enum StandardOutput {
    public static func write(_ text: String) {
        StandardStreams.write(text, to: 1)
    }
}
