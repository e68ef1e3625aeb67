import Foundation
import Testing

/// `pejling build --pdf` through the binary, with the engine missing (the real engine is
/// tested by `make pdf-tests`): exit 1, a Danish message saying how to install it, and the
/// output left as it was; without `--pdf` the engine is never needed.
@Suite("build --pdf", .serialized)
struct PDFCommandTests {
    /// Runs the binary with `PEJLING_PDF_PYTHON` naming an interpreter that does not exist.
    func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Pejling.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PEJLING_PDF_PYTHON"] = directory.appendingPathComponent("ingen-python").path
        environment["PWD"] = directory.path
        process.environment = environment
        let errors = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    @Test("--pdf without the engine: exit 1, how to install it, the output untouched")
    func missingEngine() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Scratch.folder("pdf")
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["content", "Templates"] {
            try FileManager.default.copyItem(at: Pejling.packageRoot.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
        let plain = try run(["build", "--output", "ud"], in: work)
        #expect(plain.status == 0, "a build without --pdf never needs the engine: \(plain.stderr)")
        let before = Scratch.snapshot(work.appendingPathComponent("ud"))
        let result = try run(["build", "--output", "ud", "--pdf"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr.contains("PDF'erne kan ikke laves: PDF-motoren WeasyPrint"), "\(result.stderr)")
        #expect(result.stderr.contains("make pdf-env"), "says how to install it: \(result.stderr)")
        #expect(Scratch.snapshot(work.appendingPathComponent("ud")) == before)
    }
}
