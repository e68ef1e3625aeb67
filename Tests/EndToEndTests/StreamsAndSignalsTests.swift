import Foundation
import Testing

/// Never a signal: whatever happens to standard output and standard error, and whatever
/// signal arrives, every command of the real binary ends with an exit status below 128, and
/// `serve` keeps serving when its terminal or reader goes away.
@Suite("Closed streams and signals, end to end", .serialized)
struct StreamsAndSignalsTests {
    /// What standard output and standard error are when pejling starts.
    enum Streams: String, CaseIterable, Sendable {
        /// `>&-`: descriptor 1 closed.
        case stdoutClosed
        /// `2>&-`: descriptor 2 closed.
        case stderrClosed
        /// `>&- 2>&-`.
        case bothClosed
        /// Both into a pipe whose reader is gone before pejling writes (`| true`).
        case readerGone
    }

    /// Every command, as a user runs it, with the exit status it has when all goes well.
    static let commands: [(arguments: [String], status: Int32)] = [
        (["build", "--content", "content", "--output", "output"], 0),
        (["check", "--content", "content"], 0),
        (["check", "--content", "content", "--format", "json"], 0),
        (["check", "--content", "findes-ikke"], 1),
        (["new", "561", "--content", "content"], 0),
        (["serve", "--content", "findes-ikke"], 1),
        (["--help"], 0),
        (["build", "--help"], 0),
        (["--version"], -1),
        (["bygg"], 2),
    ]

    /// A working folder with the corpus's base content and the project's templates.
    static func work(_ label: String) throws -> URL {
        try OutputTests.workFolder(label)
    }

    /// The status of a finished process as a shell shows it: 128 + n for a signal.
    static func shellStatus(_ process: Process) -> Int32 {
        process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Starts the binary with `streams`; the streams left open go to `log`.
    static func start(_ arguments: [String], in work: URL, streams: Streams, log: URL) throws -> Process {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.currentDirectoryURL = work
        process.standardInput = FileHandle.nullDevice
        var reader: Int32 = -1
        switch streams {
        case .readerGone:
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw CocoaError(.fileWriteUnknown) }
            close(ends[0])
            reader = ends[1]
            let handle = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
            process.executableURL = Pejling.binary
            process.arguments = arguments
            process.standardOutput = handle
            process.standardError = handle
        default:
            // The shell closes the descriptors, then becomes pejling (exec), as `pejling … >&-` does.
            let redirect = ["stdoutClosed": ">&-", "stderrClosed": "2>&-", "bothClosed": ">&- 2>&-"][streams.rawValue] ?? ""
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirect)", Pejling.binary.path] + arguments
            process.standardOutput = logHandle
            process.standardError = logHandle
        }
        try process.run()
        if reader >= 0 { close(reader) }
        try? logHandle.close()
        return process
    }

    /// Waits for the process to end, killing it after `timeout` seconds.
    @discardableResult
    static func wait(_ process: Process, timeout: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return false
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        return true
    }

    @Test("every command ends with its exit status when its output is closed or its reader gone",
          arguments: Streams.allCases)
    func closedStreams(_ streams: Streams) throws {
        guard Pejling.isBuilt() else { return }
        for command in Self.commands {
            let work = try Self.work("streams-\(streams.rawValue)")
            defer { try? FileManager.default.removeItem(at: work) }
            let log = work.appendingPathComponent("log.txt")
            let process = try Self.start(command.arguments, in: work, streams: streams, log: log)
            #expect(Self.wait(process), "\(command.arguments) did not finish")
            let status = Self.shellStatus(process)
            let printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(status < 128, "\(command.arguments) with \(streams): ended by signal \(status - 128)\n\(printed)")
            if command.status >= 0 {
                #expect(status == command.status, "\(command.arguments) with \(streams): exit \(status)\n\(printed)")
            }
            if command.arguments.contains("--output") {
                #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("output/alfa/index.html").path))
            }
            if command.arguments.first == "new" {
                #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("content/kommuner/esbjerg/kommune.yml").path))
            }
            // No file opened later took the closed descriptor's place and received pejling's messages.
            if streams != .readerGone, let manifest = try? String(contentsOf: work.appendingPathComponent("output/.pejling-manifest.json"),
                                                                   encoding: .utf8) {
                #expect(manifest.hasPrefix("{"), "the manifest holds something else: \(manifest.prefix(200))")
            }
        }
    }

    @Test("a reader that goes away after the first bytes of a long report ends nothing but the writing",
          arguments: [["check", "--content", "content"], ["check", "--content", "content", "--format", "github"],
                      ["build", "--content", "content", "--output", "output"]])
    func readerGoesAwayEarly(_ arguments: [String]) throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("early")
        defer { try? FileManager.default.removeItem(at: work) }
        // 3,000 warnings (raw HTML): far more than a pipe holds, so pejling is still writing when the reader goes.
        let tags = (0..<3_000).map { "Linje \($0)<br>" }.joined(separator: "\n")
        try OutputTests.write("---\ntitel: Analyse\ndato: 2025-02-01\n---\n\n\(tags)\n",
                              to: work.appendingPathComponent("content/kommuner/beta/analyse.md"))
        let pipe = Pipe()
        let process = Process()
        process.executableURL = Pejling.binary
        process.arguments = arguments
        process.currentDirectoryURL = work
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe.fileHandleForWriting
        process.standardError = pipe.fileHandleForWriting
        try process.run()
        try pipe.fileHandleForWriting.close()
        // `| head -c 100`: read a little, then go.
        let first = pipe.fileHandleForReading.readData(ofLength: 100)
        try pipe.fileHandleForReading.close()
        #expect(!first.isEmpty)
        #expect(Self.wait(process))
        #expect(Self.shellStatus(process) == 0, "\(arguments): exit \(Self.shellStatus(process))")
    }

    // MARK: - serve

    /// A free TCP port on 127.0.0.1.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The HTTP status of GET `path`, or nil when nothing answers.
    static func httpStatus(port: Int, path: String = "/") -> Int? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 12 else { return nil }
        let line = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// Waits until the server answers on `port` (or the process ends, or 120 s pass).
    static func waitUntilServing(_ process: Process, port: Int) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            if httpStatus(port: port) != nil { return true }
            usleep(50_000)
        }
        return false
    }

    /// `pejling serve 2>&1 | head -3`: once the reader has gone, a save makes serve write
    /// its build summary into the closed pipe. It used to die with SIGILL (exit 132) there.
    @Test("serve keeps serving when the reader of its output goes away, and stops cleanly on SIGTERM")
    func serveOutlivesItsReader() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("serve-reader")
        defer { try? FileManager.default.removeItem(at: work) }
        let port = Self.freePort()
        let pipe = Pipe()
        let process = Process()
        process.executableURL = Pejling.binary
        process.arguments = ["serve", "--content", "content", "--port", "\(port)"]
        process.currentDirectoryURL = work
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe.fileHandleForWriting
        process.standardError = pipe.fileHandleForWriting
        try process.run()
        try pipe.fileHandleForWriting.close()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Read until the address line (at most a few chunks, so that another wording cannot
        // make the test wait for ever), then go away like `head -3`.
        var seen = Data()
        for _ in 0..<8 where !String(decoding: seen, as: UTF8.self).contains("http://") && process.isRunning {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        try pipe.fileHandleForReading.close()
        #expect(Self.waitUntilServing(process, port: port), "serve did not answer:\n\(String(decoding: seen, as: UTF8.self))")

        // A broken save, then the fix: both builds are reported into the closed pipe.
        let analysis = work.appendingPathComponent("content/kommuner/alfa/analyse.md")
        let original = try String(contentsOf: analysis, encoding: .utf8)
        try OutputTests.write(original.replacingOccurrences(of: "dato: 2024-06-01", with: "dato: 2024-02-30"), to: analysis)
        Thread.sleep(forTimeInterval: 1.5)
        try OutputTests.write(original + "\nEn ny linje.\n", to: analysis)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "serve ended (status \(Self.shellStatus(process))) when it wrote into the closed pipe")
        #expect(Self.httpStatus(port: port, path: "/alfa/") == 200)

        kill(process.processIdentifier, SIGTERM)
        #expect(Self.wait(process, timeout: 15))
        #expect(Self.shellStatus(process) == 0)
    }

    @Test("serve with its output closed, through a hang-up, serves and stops cleanly",
          arguments: [Streams.bothClosed, Streams.readerGone])
    func serveWithoutTerminal(_ streams: Streams) throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("serve-closed")
        defer { try? FileManager.default.removeItem(at: work) }
        let port = Self.freePort()
        let process = try Self.start(["serve", "--content", "content", "--port", "\(port)"], in: work, streams: streams,
                                     log: work.appendingPathComponent("log.txt"))
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(Self.waitUntilServing(process, port: port))
        // The terminal goes away (SIGHUP): serve keeps serving.
        kill(process.processIdentifier, SIGHUP)
        let analysis = work.appendingPathComponent("content/kommuner/alfa/analyse.md")
        try OutputTests.write(try String(contentsOf: analysis, encoding: .utf8) + "\nEn ny linje.\n", to: analysis)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "serve ended with \(Self.shellStatus(process))")
        #expect(Self.httpStatus(port: port, path: "/alfa/") == 200)
        kill(process.processIdentifier, SIGINT)
        #expect(Self.wait(process, timeout: 15))
        #expect(Self.shellStatus(process) == 0)
    }

    // MARK: - signals

    #if os(Linux)
    /// Whether the process catches `signal` (from /proc): pejling's handler is in place. (It
    /// ignores the signal a moment before, until the handler is registered.)
    static func handles(_ signal: Int32, pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        for line in status.split(separator: "\n") where line.hasPrefix("SigCgt:") {
            let mask = UInt64(line.split(separator: "\t").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "", radix: 16) ?? 0
            if mask & (1 << UInt64(signal - 1)) != 0 { return true }
        }
        return false
    }

    /// Starts `arguments` and waits until pejling's own code runs (it catches SIGINT): a
    /// signal before that reaches the Swift runtime's start-up, which no program controls.
    static func startAndWaitForHandlers(_ arguments: [String], in work: URL) throws -> Process {
        let process = try Pejling.start(arguments, in: work, outputTo: work.appendingPathComponent("log"))
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, !handles(SIGINT, pid: process.processIdentifier), Date() < deadline { usleep(1_000) }
        return process
    }

    @Test("build, check and new interrupted at any moment end with an exit status, and the output is whole",
          arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) throws {
        guard Pejling.isBuilt() else { return }
        let commands = [["build", "--content", "content", "--output", "output"], ["check", "--content", "content"],
                        ["new", "561", "--content", "content"]]
        for arguments in commands {
            for delay in [0, 50_000] as [UInt32] {
                let work = try Self.work("signal")
                defer { try? FileManager.default.removeItem(at: work) }
                try LargeContent.generate(municipalities: 20, in: work.appendingPathComponent("content"))
                let process = try Self.startAndWaitForHandlers(arguments, in: work)
                usleep(delay)
                kill(process.processIdentifier, signal)
                #expect(Self.wait(process), "\(arguments) did not end after signal \(signal)")
                let status = Self.shellStatus(process)
                #expect(status == 0 || status == 1, "\(arguments), signal \(signal) after \(delay) µs: status \(status)")
                let output = work.appendingPathComponent("output")
                if FileManager.default.fileExists(atPath: output.path) {
                    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".pejling-manifest.json").path),
                            "an interrupted build left a partial output folder")
                }
            }
        }
    }

    @Test("serve stops cleanly on SIGINT or SIGTERM during its first build and after", arguments: [SIGINT, SIGTERM])
    func serveInterrupted(_ signal: Int32) throws {
        guard Pejling.isBuilt() else { return }
        for waitForServer in [false, true] {
            let work = try Self.work("serve-signal")
            defer { try? FileManager.default.removeItem(at: work) }
            try LargeContent.generate(municipalities: 40, in: work.appendingPathComponent("content"))
            let port = Self.freePort()
            let process = try Self.startAndWaitForHandlers(["serve", "--content", "content", "--port", "\(port)"], in: work)
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            if waitForServer { #expect(Self.waitUntilServing(process, port: port)) }
            kill(process.processIdentifier, signal)
            // A signal in the instant between ignoring it and Dispatch taking it over is lost
            // (Interruption says so), and a loaded machine can widen that instant: like a user
            // pressing Ctrl-C again, send it once more if serve is still there after 5 s.
            let again = Date().addingTimeInterval(5)
            while process.isRunning, Date() < again { usleep(5_000) }
            if process.isRunning { kill(process.processIdentifier, signal) }
            #expect(Self.wait(process, timeout: 15))
            #expect(Self.shellStatus(process) == 0, "serve, signal \(signal), serving: \(waitForServer)")
        }
    }
    #endif
}
