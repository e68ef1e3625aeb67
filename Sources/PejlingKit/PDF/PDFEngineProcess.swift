import Foundation

/// One running engine: a Python process running ``PDFEngineDriver/script``, which renders
/// one print document after another, so WeasyPrint's start-up (about a second) is paid once
/// per worker rather than once per municipality.
///
/// The protocol on its standard input and output is a header line and that many bytes:
/// the engine says `ready <version>` (or `missing <reason>`); pejling sends
/// `render <n>` and the HTML; the engine answers `ok <n>` and the PDF, or `error <n>` and a
/// message. Every read and write waits at most until the document's deadline, so a hanging
/// engine is stopped rather than waited for.
///
/// The process owns both pipes; ``stop()`` closes them and reaps the process.
final class PDFEngineProcess: @unchecked Sendable {
    private let process: Process
    private let toEngine: Int32
    private let fromEngine: Int32
    private var buffer: [UInt8] = []
    private var stopped = false
    let engine: PDFEngine

    private init(process: Process, toEngine: Int32, fromEngine: Int32, engine: PDFEngine) {
        self.process = process
        self.toEngine = toEngine
        self.fromEngine = fromEngine
        self.engine = engine
    }

    deinit { stop() }

    /// Starts the engine and waits for it to say that it is ready.
    static func start(_ engine: PDFEngine) -> Result<PDFEngineProcess, PDFEngineError> {
        // An engine that dies while pejling writes to it must be an error, not SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        guard let executable = resolve(engine.python) else {
            return .failure(.missing("fandt ikke \(engine.python)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-u", "-c", PDFEngineDriver.script]
        var environment = ProcessInfo.processInfo.environment
        // The same bytes on every machine and run: no clock in embedded fonts, a fixed hash
        // seed, no locale or time zone of the user's.
        environment["SOURCE_DATE_EPOCH"] = "0"
        environment["PYTHONHASHSEED"] = "0"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TZ"] = "UTC"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(.missing("kunne ikke starte \(engine.python): \(error.localizedDescription)"))
        }
        // Our ends only; the child's ends are closed here so that EOF is seen when it exits.
        let toEngine = dup(input.fileHandleForWriting.fileDescriptor)
        let fromEngine = dup(output.fileHandleForReading.fileDescriptor)
        try? input.fileHandleForWriting.close()
        try? input.fileHandleForReading.close()
        try? output.fileHandleForWriting.close()
        try? output.fileHandleForReading.close()
        let running = PDFEngineProcess(process: process, toEngine: toEngine, fromEngine: fromEngine, engine: engine)
        guard toEngine >= 0, fromEngine >= 0 else {
            running.kill()
            return .failure(.crashed("kunne ikke åbne forbindelsen til motoren"))
        }
        _ = fcntl(toEngine, F_SETFL, fcntl(toEngine, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fromEngine, F_SETFL, fcntl(fromEngine, F_GETFL) | O_NONBLOCK)
        _ = fcntl(toEngine, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromEngine, F_SETFD, FD_CLOEXEC)

        let deadline = ContinuousClock.now + engine.timeout
        switch running.receive(deadline: deadline) {
        case .success(("ready", let payload)):
            let version = String(decoding: payload, as: UTF8.self)
            guard version == PDFEngine.requiredVersion else {
                running.stop()
                return .failure(.wrongVersion(version))
            }
            return .success(running)
        case .success(("missing", let payload)):
            running.stop()
            return .failure(.missing(String(decoding: payload, as: UTF8.self)))
        case .success((let kind, _)):
            running.kill()
            return .failure(.missing("\(engine.python) svarede '\(kind)' i stedet for at melde sig klar"))
        case .failure(.crashed):
            running.kill()
            return .failure(.missing("\(engine.python) stoppede, før den meldte sig klar"))
        case .failure(let error):
            running.kill()
            return .failure(error)
        }
    }

    /// Renders one HTML document to PDF. After a failure other than `.failed`, the process
    /// is stopped and must not be used again.
    func render(_ html: [UInt8]) -> Result<[UInt8], PDFEngineError> {
        guard !stopped else { return .failure(.crashed("motoren er stoppet")) }
        let deadline = ContinuousClock.now + engine.timeout
        if let error = send(Array("render \(html.count)\n".utf8) + html, deadline: deadline) {
            kill()
            return .failure(error)
        }
        switch receive(deadline: deadline) {
        case .success(("ok", let pdf)):
            return .success(pdf)
        case .success(("error", let message)):
            return .failure(.failed(String(decoding: message, as: UTF8.self)))
        case .success((let kind, _)):
            kill()
            return .failure(.crashed("uventet svar '\(kind)'"))
        case .failure(let error):
            kill()
            return .failure(error)
        }
    }

    /// Closes the engine's input, so that it ends, and reaps it; kills it if it does not end
    /// within two seconds.
    func stop() {
        guard !stopped else { return }
        stopped = true
        close(toEngine)
        let deadline = ContinuousClock.now + .seconds(2)
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        close(fromEngine)
    }

    /// Stops the engine at once (it hangs or broke the protocol).
    func kill() {
        guard !stopped else { return }
        stopped = true
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        close(toEngine)
        process.waitUntilExit()
        close(fromEngine)
    }

    // MARK: - Pipes

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// Writes all of `bytes`, or says why not.
    private func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) -> PDFEngineError? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(toEngine, base + offset, bytes.count - offset)
            }
            if written > 0 { offset += written; continue }
            if written < 0, errno != EAGAIN, errno != EINTR {
                return .crashed("kunne ikke skrive til motoren: \(String(cString: strerror(errno)))")
            }
            var descriptor = pollfd(fd: toEngine, events: Int16(POLLOUT), revents: 0)
            let wait = Self.milliseconds(until: deadline)
            if wait == 0 { return .timedOut(engine.timeout) }
            if poll(&descriptor, 1, wait) == 0, ContinuousClock.now >= deadline { return .timedOut(engine.timeout) }
        }
        return nil
    }

    /// Reads more bytes into the buffer; false at end of file.
    private func fill(deadline: ContinuousClock.Instant) -> Result<Bool, PDFEngineError> {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fromEngine, base, raw.count)
            }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return .success(true)
            }
            if count == 0 { return .success(false) }
            if errno != EAGAIN, errno != EINTR {
                return .failure(.crashed("kunne ikke læse fra motoren: \(String(cString: strerror(errno)))"))
            }
            var descriptor = pollfd(fd: fromEngine, events: Int16(POLLIN), revents: 0)
            let wait = Self.milliseconds(until: deadline)
            if wait == 0 { return .failure(.timedOut(engine.timeout)) }
            _ = poll(&descriptor, 1, wait)
        }
    }

    /// Reads one message: a header line `<kind> <byte count>` and that many bytes.
    private func receive(deadline: ContinuousClock.Instant) -> Result<(String, [UInt8]), PDFEngineError> {
        var newline = buffer.firstIndex(of: 0x0A)
        while newline == nil {
            guard buffer.count < 4096 else { return .failure(.crashed("svaret er ikke motorens protokol")) }
            switch fill(deadline: deadline) {
            case .failure(let error): return .failure(error)
            case .success(false): return .failure(.crashed(exitDescription()))
            case .success(true): newline = buffer.firstIndex(of: 0x0A)
            }
        }
        guard let newline else { return .failure(.crashed("intet svar")) }
        let header = String(decoding: buffer[..<newline], as: UTF8.self).split(separator: " ")
        buffer.removeSubrange(...newline)
        guard header.count == 2, let size = Int(header[1]), size >= 0 else {
            return .failure(.crashed("svaret er ikke motorens protokol"))
        }
        while buffer.count < size {
            switch fill(deadline: deadline) {
            case .failure(let error): return .failure(error)
            case .success(false): return .failure(.crashed(exitDescription()))
            case .success(true): continue
            }
        }
        let payload = Array(buffer[..<size])
        buffer.removeSubrange(..<size)
        return .success((String(header[0]), payload))
    }

    private func exitDescription() -> String {
        let deadline = ContinuousClock.now + .seconds(1)
        while process.isRunning, ContinuousClock.now < deadline { usleep(5_000) }
        guard !process.isRunning else { return "den lukkede forbindelsen" }
        return process.terminationReason == .uncaughtSignal
            ? "den blev stoppet af signal \(process.terminationStatus)"
            : "den sluttede med status \(process.terminationStatus)"
    }

    /// A program name without a slash is looked up in PATH, as a shell would.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? program : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(program)") {
            return "\(folder)/\(program)"
        }
        return nil
    }
}
