import Foundation
import Testing

/// The three diagnostic formats as the binary prints them.
@Suite("Diagnostic formats, end to end")
struct FormatTests {
    /// A working folder whose status report has a wrong date in its front matter.
    static func brokenWork() throws -> URL {
        let work = try OutputTests.workFolder("format")
        try OutputTests.write("""
            ---
            titel: Status
            dato: 2026-02-31
            ---

            Tekst.
            """, to: work.appendingPathComponent("content/kommuner/alfa/status.md"))
        return work
    }

    @Test("human: path:line:col: error: message, the source line, and a caret under the column")
    func human() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.brokenWork()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try Pejling.run(["check", "--content", "content"], in: work)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "content/kommuner/alfa/status.md:3:7: error: 'dato' er 2026-02-31, en dato, der ikke findes: februar 2026 har 28 dage")
        #expect(lines.count > 2 && lines[1] == "    dato: 2026-02-31")
        #expect(lines.count > 2 && lines[2] == "          ^")
        #expect(run.stderr.contains("1 fejl, 0 advarsler"))
        #expect(run.stdout.isEmpty)
    }

    @Test("github: an annotation with file, line and column")
    func github() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.brokenWork()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try Pejling.run(["check", "--content", "content", "--format", "github"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr == "::error file=content/kommuner/alfa/status.md,line=3,col=7::'dato' er 2026-02-31, en dato, der ikke findes: februar 2026 har 28 dage (forslag: skriv en dato, der findes, fx 2026-02-28 for den sidste dag i februar; rapportens tekst kontrolleres færdigt, når dette er rettet)\n")
    }

    @Test("paths are relative to the current directory however --content is written")
    func relativePaths() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.brokenWork()
        defer { try? FileManager.default.removeItem(at: work) }
        let absolute = work.appendingPathComponent("content").path
        for content in ["./content/", absolute, absolute + "/"] {
            let run = try Pejling.run(["check", "--content", content, "--format", "json"], in: work)
            #expect(run.stderr.contains(#""file":"content/kommuner/alfa/status.md","line":3,"column":7"#),
                    "--content \(content): \(run.stderr)")
        }
    }

    @Test("thousands of diagnostics in one file print in linear time, and a closed pipe ends pejling quietly")
    func manyDiagnostics() throws {
        guard Pejling.isBuilt() else { return }
        let work = try OutputTests.workFolder("many")
        defer { try? FileManager.default.removeItem(at: work) }
        let lines = (0..<20_000).map { "Barn 0102\(10 + $0 % 90)-\(1000 + $0 % 9000)" }.joined(separator: "\n")
        try OutputTests.write("---\ntitel: Analyse\ndato: 2025-02-01\n---\n\n\(lines)\n",
                              to: work.appendingPathComponent("content/kommuner/beta/analyse.md"))
        let run = try Pejling.run(["check", "--content", "content"], in: work, timeout: 60)
        #expect(!run.timedOut, "the human format took over a minute for 20,000 diagnostics")
        #expect(run.status == 1)
        #expect(run.stderr.contains("20000 fejl, 0 advarsler"))

        // `pejling check 2>&1 | head -1`: the reader goes away; pejling must not die of SIGPIPE.
        let status = try Self.statusThroughClosedPipe(in: work)
        #expect(status == 1, "pejling ended with \(status) when its reader went away")
    }

    /// Runs `check` with standard error going to a pipe whose reader closes it at once.
    static func statusThroughClosedPipe(in work: URL) throws -> Int32 {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = Pejling.binary
        process.arguments = ["check", "--content", "content"]
        process.currentDirectoryURL = work
        process.standardOutput = FileHandle.nullDevice
        process.standardError = pipe.fileHandleForWriting
        try process.run()
        try pipe.fileHandleForWriting.close()
        try pipe.fileHandleForReading.close()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
