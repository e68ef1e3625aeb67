import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// What pejling says besides diagnostics — summaries, help, `--version`, the serve error
/// page — and the messages of issue 14's point 6, on the real binary: Danish, and naming the
/// real cause.
@Suite("Messages a Danish writer can act on, end to end")
struct MessagesTests {
    static func work(_ label: String) throws -> URL { try OutputTests.workFolder(label) }

    /// Checks text that people read; the severity markers of the human format (`: error: `,
    /// `: warning: `), which SPEC.md fixes for editors and CI to find, are format, not prose.
    static func expectDanish(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let prose = text.replacingOccurrences(of: ": error: ", with: ": ").replacingOccurrences(of: ": warning: ", with: ": ")
        let english = EnglishProse.words(in: prose)
        #expect(english.isEmpty, "English in \(what): \(english)\n\(text)", sourceLocation: sourceLocation)
    }

    @Test("build and check summaries are Danish, with singular and plural right")
    func summaries() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("summaries")
        defer { try? FileManager.default.removeItem(at: work) }
        let check = try Pejling.run(["check", "--content", "content"], in: work)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "Kontrollerede 2 kommuner: ingen fejl.\n")
        let one = try Pejling.run(["build", "--content", "content", "--output", "out", "--only", "alfa"], in: work)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("Byggede 1 kommune i out/: 1 lavet på ny, 0 uændrede, "), "\(one.stdout)")
        let both = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(both.stdout.hasPrefix("Byggede 2 kommuner i out/: "), "\(both.stdout)")
        let again = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(again.stdout == "Intet er ændret: out/ er ajour (2 kommuner).\n", "\(again.stdout)")
        for run in [check, one, both, again] { Self.expectDanish(run.stdout + run.stderr, "a summary") }

        // A warning: counted in Danish under the diagnostics, and named in the summary.
        try OutputTests.write("# Fictional municipality for tests.\nnavn: Beta Kommune\neksempel: true\nkommentar: x\n",
                              to: work.appendingPathComponent("content/kommuner/beta/kommune.yml"))
        let warned = try Pejling.run(["check", "--content", "content"], in: work)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("0 fejl, 1 advarsel"), "\(warned.stderr)")
        #expect(warned.stdout == "Kontrollerede 2 kommuner: ingen fejl, men 1 advarsel.\n", "\(warned.stdout)")
        Self.expectDanish(warned.stderr, "a warning")
    }

    @Test("check --strict --only judges the selected municipalities and the site-wide files only")
    func strictOnly() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("strict-only")
        defer { try? FileManager.default.removeItem(at: work) }
        try OutputTests.write("# Fictional municipality for tests.\nnavn: Beta Kommune\neksempel: true\nkommentar: x\n",
                              to: work.appendingPathComponent("content/kommuner/beta/kommune.yml"))
        let all = try Pejling.run(["check", "--content", "content", "--strict"], in: work)
        #expect(all.status == 1, "beta's warning fails the whole check under --strict")
        let alfa = try Pejling.run(["check", "--content", "content", "--strict", "--only", "alfa"], in: work)
        #expect(alfa.status == 0, "\(alfa.stderr)")
        #expect(!alfa.stderr.contains("beta"), "\(alfa.stderr)")
        let beta = try Pejling.run(["check", "--content", "content", "--strict", "--only", "beta"], in: work)
        #expect(beta.status == 1)
        #expect(beta.stderr.contains("content/kommuner/beta/kommune.yml:4:1: warning: ukendt nøgle 'kommentar'"), "\(beta.stderr)")
        // A site-wide file is judged whatever --only selects.
        try OutputTests.write("titel: Testsite\nudgiver: Testudgiveren\nfarve: blå\n", to: work.appendingPathComponent("content/site.yml"))
        let site = try Pejling.run(["check", "--content", "content", "--strict", "--only", "alfa"], in: work)
        #expect(site.status == 1)
        #expect(site.stderr.contains("content/site.yml:3:1: warning: ukendt nøgle 'farve'"), "\(site.stderr)")
    }

    @Test("the bundled content passes check --strict")
    func bundledContentIsStrictClean() throws {
        guard Pejling.isBuilt() else { return }
        let run = try Pejling.run(["check", "--content", "content", "--templates", "Templates", "--strict"], in: Pejling.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test("--help of every command is Danish, without a doubled or English default")
    func help() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("help")
        defer { try? FileManager.default.removeItem(at: work) }
        for arguments in [["--help"], ["build", "--help"], ["check", "--help"], ["serve", "--help"], ["new", "--help"], ["help", "build"]] {
            let run = try Pejling.run(arguments, in: work)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(!run.stdout.isEmpty, "\(arguments) printed no help")
            #expect(!run.stdout.contains("(default:"), "\(arguments): \(run.stdout)")
            #expect(!run.stdout.contains(") (standard:"), "\(arguments): \(run.stdout)")
            Self.expectDanish(run.stdout, "pejling \(arguments.joined(separator: " "))")
            // ArgumentParser wraps at 80 columns: an example line longer than that would be
            // broken mid-phrase, its tail at the start of the next line.
            var inExamples = false
            for line in run.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("Eksempel") { inExamples = true; continue }
                if line.isEmpty { inExamples = false; continue }
                if inExamples { #expect(line.hasPrefix("  "), "\(arguments): an example broken mid-phrase: \(line)") }
            }
        }
        let jobs = try Pejling.run(["build", "--help"], in: work)
        #expect(jobs.stdout.contains("antallet af kerner"), "\(jobs.stdout)")
        let bad = try Pejling.run(["build", "--jobs", "0"], in: work)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--jobs skal være mindst 1"), "\(bad.stderr)")
        Self.expectDanish(bad.stderr, "a command-line error")
    }

    @Test("pejling --version prints the version")
    func version() throws {
        guard Pejling.isBuilt() else { return }
        let run = try Pejling.run(["--version"], in: Pejling.packageRoot)
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test("--content naming a file says it is a file, not that the folder is missing")
    func contentIsAFile() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("content-file")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try Pejling.run(["check", "--content", "content/site.yml"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/site.yml: error: 'content/site.yml' er en fil og ikke en mappe"), "\(run.stderr)")
        let missing = try Pejling.run(["check", "--content", "indhold"], in: work)
        #expect(missing.stderr.contains("indhold: error: indholdsmappen findes ikke"), "\(missing.stderr)")
        let new = try Pejling.run(["new", "561", "--content", "content/site.yml"], in: work)
        #expect(new.status == 1)
        #expect(new.stderr.contains("er en fil og ikke en mappe"), "\(new.stderr)")
    }

    @Test("--only naming a draft says it is a draft and that --drafts includes it")
    func onlyDraft() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("only-draft")
        defer { try? FileManager.default.removeItem(at: work) }
        let analysis = work.appendingPathComponent("content/kommuner/beta/analyse.md")
        let text = try String(contentsOf: analysis, encoding: .utf8)
        try OutputTests.write(text.replacingOccurrences(of: "\n---\n", with: "\nkladde: true\n---\n"), to: analysis)
        let run = try Pejling.run(["build", "--content", "content", "--output", "out", "--only", "beta"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.contains("--only: error: --only beta: Beta Kommune (kommuner/beta) er en kladde"), "\(run.stderr)")
        #expect(run.stderr.contains("--drafts"), "\(run.stderr)")
        Self.expectDanish(run.stderr, "the draft message")
        let drafts = try Pejling.run(["build", "--content", "content", "--output", "out", "--only", "beta", "--drafts"], in: work)
        #expect(drafts.status == 0, "\(drafts.stderr)")
        let unknown = try Pejling.run(["build", "--content", "content", "--output", "out", "--only", "gamma"], in: work)
        #expect(unknown.stderr.contains("--only gamma: indholdet har ingen kommune"), "\(unknown.stderr)")
    }

    @Test("pejling new reports its errors as every other command does, in Danish")
    func newErrors() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("new-errors")
        defer { try? FileManager.default.removeItem(at: work) }
        let unknown = try Pejling.run(["new", "Esbjærg", "--content", "content"], in: work)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("pejling new: error: 'Esbjærg' er ikke en af de 98 kommuner"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("forslag: mente du Esbjerg?"), "\(unknown.stderr)")
        let made = try Pejling.run(["new", "561", "--content", "content"], in: work)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Oprettede Esbjerg Kommune (kode 561):"), "\(made.stdout)")
        let again = try Pejling.run(["new", "561", "--content", "content"], in: work)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("pejling new: error: content/kommuner/esbjerg findes allerede"), "\(again.stderr)")
        for run in [unknown, made, again] { Self.expectDanish(run.stdout + run.stderr, "pejling new") }
    }

    /// Runs `script` (which runs pejling as `$PEJLING`) in a private mount namespace, where it
    /// may mount file systems; nil when this machine does not allow that (not root, or no
    /// `unshare`), so that the caller can say why it checked nothing.
    static func inMountNamespace(_ script: String, in work: URL) throws -> Pejling.Run? {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "--propagation", "private", "sh", "-c", script]
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        environment["PEJLING"] = Pejling.binary.path
        environment["PWD"] = work.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 97 { return nil }  // the mount was not allowed
        return Pejling.Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                           stdout: stdout, stderr: stderr, timedOut: false)
    }

    @Test("an output folder on a read-only file system says so in Danish")
    func readOnlyOutput() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("read-only")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("ro"), withIntermediateDirectories: true)
        let script = "mount -t tmpfs -o ro tmpfs ro || exit 97; \"$PEJLING\" build --content content --output ro/out"
        guard let run = try Self.inMountNamespace(script, in: work) else {
            // Without root, a folder without write permission shows the same message.
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: work.appendingPathComponent("ro").path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: work.appendingPathComponent("ro").path) }
            let plain = try Pejling.run(["build", "--content", "content", "--output", "ro/out"], in: work)
            #expect(plain.status == 1)
            #expect(plain.stderr.contains("adgang nægtet"), "\(plain.stderr)")
            #expect(!plain.stderr.contains("NSCocoaErrorDomain"), "\(plain.stderr)")
            return
        }
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("ro/out: error: pejling kan ikke skrive output til 'ro/out'"), "\(run.stderr)")
        #expect(run.stderr.contains("filsystemet er skrivebeskyttet"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Code="), "\(run.stderr)")
        Self.expectDanish(run.stderr, "the read-only message")
    }

    /// Whether the tests may mount a file system here (root, with `unshare`): where not, the
    /// mount-point test is skipped, and says so in the test report.
    static let canMount = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")

    @Test("an output folder that is a mount point says what to do", .enabled(if: canMount, "needs root and unshare to mount"))
    func mountPointOutput() throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("mount-point")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("out"), withIntermediateDirectories: true)
        let script = "mount -t tmpfs tmpfs out || exit 97; \"$PEJLING\" build --content content --output out"
        let run = try #require(try Self.inMountNamespace(script, in: work), "the mount was refused")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("out: error: pejling skriver ikke output her: 'out' er et monteringspunkt"), "\(run.stderr)")
        #expect(run.stderr.contains("--output out/site"), "\(run.stderr)")
        #expect(!run.stderr.contains("busy"), "\(run.stderr)")
        Self.expectDanish(run.stderr, "the mount-point message")
    }

    @Test("serve's error page is Danish, once")
    func serveErrorPage() async throws {
        guard Pejling.isBuilt() else { return }
        let work = try Self.work("serve-page")
        defer { try? FileManager.default.removeItem(at: work) }
        try OutputTests.write("---\ntitel: Analyse\ndato: 2026-02-30\n---\n\nCPR 010203-1234 står her.\n",
                              to: work.appendingPathComponent("content/kommuner/beta/analyse.md"))
        let logs = work.deletingLastPathComponent().appendingPathComponent("serve-\(UUID().uuidString)")
        let process = try Pejling.start(["serve", "--content", "content", "--port", "0"], in: work, outputTo: logs)
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: logs.appendingPathExtension("out"))
            try? FileManager.default.removeItem(at: logs.appendingPathExtension("err"))
        }
        var address: String?
        let deadline = Date().addingTimeInterval(30)
        while address == nil, Date() < deadline {
            let out = (try? String(contentsOf: logs.appendingPathExtension("out"), encoding: .utf8)) ?? ""
            if let range = out.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) { address = String(out[range]) }
            usleep(50_000)
        }
        let url = try #require(address.flatMap(URL.init(string:)), "serve printed no address")
        let (data, _) = try await URLSession.shared.data(from: url)
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<h1>Siden kunne ikke bygges</h1>"))
        #expect(html.contains("februar 2026 har 28 dage"), "\(html)")
        #expect(html.contains("CPR-nummer"))
        #expect(!html.contains("lang=\"en\""))
        let text = html.replacingOccurrences(of: #"<script[\s\S]*?</script>|<style[\s\S]*?</style>|<[^>]+>"#, with: " ",
                                             options: .regularExpression)
        Self.expectDanish(text, "the error page")
        let log = (try? String(contentsOf: logs.appendingPathExtension("err"), encoding: .utf8)) ?? ""
        Self.expectDanish(log, "serve's terminal")
    }
}
