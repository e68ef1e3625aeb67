import Foundation

/// Runs the built `pejling` binary (`.build/debug/pejling`, made by `swift build` before the tests).
struct PejlingBinary {
    /// The package root, found from this file's place in Tests/PejlingKitTests/EndToEnd/.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL { packageRoot.appendingPathComponent(".build/debug/pejling") }

    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs pejling with `arguments` in `directory` (the package root by default).
    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String]? = nil) throws -> Output {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BinaryMissing(path: executable.path)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a full pipe never blocks the child.
        let errData = ReadAll(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData.wait(), as: UTF8.self))
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "no pejling binary at \(path): run `swift build` before `swift test` (make test does)" }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a pipe to its end on another thread.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
