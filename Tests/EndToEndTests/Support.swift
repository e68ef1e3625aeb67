import Foundation
import Testing

/// Runs the built `pejling` binary, as a user or CI would, and prepares folders for it.
///
/// The binary is `.build/debug/pejling` under the package root (found from this file's
/// path); `make test` runs `swift build` before `swift test`, so it is always fresh there.
enum Pejling {
    /// The package root: three levels above this file (`Tests/EndToEndTests/Support.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary = packageRoot.appendingPathComponent(".build/debug/pejling")

    /// What one run printed and how it ended.
    struct Run: Sendable {
        var status: Int32
        /// Whether the process ended by a signal (a crash) rather than by exiting.
        var signalled: Bool
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Whether the binary exists; records an issue that says how to build it when not.
    static func isBuilt(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if FileManager.default.isExecutableFile(atPath: binary.path) { return true }
        Issue.record("\(binary.path) is missing: run `swift build` before `swift test` (make test does)",
                     sourceLocation: sourceLocation)
        return false
    }

    /// Starts the binary in `directory` with `arguments`; output goes to files in `directory`'s parent.
    static func start(_ arguments: [String], in directory: URL, outputTo logs: URL) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PWD"] = directory.path
        process.environment = environment
        FileManager.default.createFile(atPath: logs.appendingPathExtension("out").path, contents: nil)
        FileManager.default.createFile(atPath: logs.appendingPathExtension("err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: logs.appendingPathExtension("out"))
        process.standardError = try FileHandle(forWritingTo: logs.appendingPathExtension("err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the binary to its end (or `timeout` seconds, after which it is killed).
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> Run {
        let logs = directory.deletingLastPathComponent()
            .appendingPathComponent("log-\(UUID().uuidString)")
        let process = try start(arguments, in: directory, outputTo: logs)
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        let stdout = (try? String(contentsOf: logs.appendingPathExtension("out"), encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: logs.appendingPathExtension("err"), encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: logs.appendingPathExtension("out"))
        try? FileManager.default.removeItem(at: logs.appendingPathExtension("err"))
        return Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                   stdout: stdout, stderr: stderr, timedOut: timedOut)
    }
}

/// Temporary folders and file trees for the tests.
enum Scratch {
    /// A new empty folder under the system's temporary folder.
    static func folder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pejling-e2e-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies every file below `source` into `destination`, replacing files that exist
    /// and keeping the rest (an overlay). Names in `skipping` at the top level are left out.
    static func overlay(_ source: URL, onto destination: URL, skipping: Set<String> = []) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: source.path).sorted() where !skipping.contains(name) {
            let from = source.appendingPathComponent(name)
            let to = destination.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try manager.createDirectory(at: to, withIntermediateDirectories: true)
                try overlay(from, onto: to)
            } else {
                if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
                try manager.copyItem(at: from, to: to)
            }
        }
    }

    /// Every regular file below `root`, by path relative to it, with its bytes.
    static func snapshot(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                files[relative] = data
            }
        }
        return files
    }
}
