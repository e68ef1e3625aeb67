import Foundation
import Testing

/// Every case in `Tests/Corpus/`: a broken (or tricky) input and what pejling must say about it.
///
/// A case is a folder laid over a copy of `Tests/Corpus/_base` (a minimal valid content
/// tree) and the project's `Templates/`, in a fresh working folder. Its `expected` file says
/// what to change further and what must come out:
///
/// ```text
/// # what the case is about
/// delete: content/kommuner/beta/analyse.md          remove a file of the base tree
/// link: content/kommuner/beta/a.json -> ../../x      make a symbolic link
/// fifo: content/kommuner/beta/analyse.md             make a named pipe
/// args: check --content content --format json --strict   (this is the default, without --strict)
/// exit: 1
/// content/kommuner/beta/analyse.md:3:7: error: must be a date     one diagnostic: location,
///                                                               severity, part of the message
/// stderr: Unknown option                                         standard error contains this
/// page-has: Synlig tekst          after a successful `build`, some page contains this
/// page-lacks: javascript:         …and no page contains this (case ignored)
/// ```
///
/// Every expected diagnostic must be printed, each by a diagnostic of its own, and every
/// error printed must be expected: a case fails on a missing message and on a new error.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    let name: String
    var testDescription: String { name }

    static let root = Pejling.packageRoot.appendingPathComponent("Tests/Corpus")

    static var all: [CorpusCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted().map(CorpusCase.init)
    }

    var folder: URL { Self.root.appendingPathComponent(name) }
}

/// One line of `expected` that names a diagnostic.
struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
    var location: String
    var severity: String
    var message: String
    var description: String { "\(location): \(severity): \(message)" }

    /// `path[:line[:column]]: error|warning: message part`.
    init?(_ line: String) {
        for severity in ["error", "warning"] {
            if let range = line.range(of: ": \(severity): ") {
                location = String(line[..<range.lowerBound])
                self.severity = severity
                message = String(line[range.upperBound...])
                return
            }
        }
        return nil
    }

    func matches(_ diagnostic: PrintedDiagnostic) -> Bool {
        diagnostic.location == location && diagnostic.severity == severity && diagnostic.message.contains(message)
    }
}

/// One diagnostic as `--format json` printed it.
struct PrintedDiagnostic: Sendable, CustomStringConvertible {
    var file: String
    var line: Int?
    var column: Int?
    var severity: String
    var message: String
    var hint: String?

    var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    var description: String { "\(location): \(severity): \(message)" }

    /// Parses the JSON lines of standard error; a line that is not a diagnostic object is returned apart.
    static func parse(_ stderr: String) -> (diagnostics: [PrintedDiagnostic], other: [String]) {
        var diagnostics: [PrintedDiagnostic] = []
        var other: [String] = []
        for line in stderr.split(separator: "\n") where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = object["file"] as? String, let severity = object["severity"] as? String,
                  let message = object["message"] as? String else {
                other.append(String(line))
                continue
            }
            diagnostics.append(PrintedDiagnostic(file: file, line: object["line"] as? Int, column: object["column"] as? Int,
                                                 severity: severity, message: message, hint: object["hint"] as? String))
        }
        return (diagnostics, other)
    }
}

/// The `expected` file of a case.
struct CaseSpecification {
    var arguments = ["check", "--content", "content", "--format", "json"]
    var exitStatus: Int32 = 0
    var deletions: [String] = []
    var links: [(path: String, target: String)] = []
    var pipes: [String] = []
    var diagnostics: [ExpectedDiagnostic] = []
    var stderrParts: [String] = []
    var pageHas: [String] = []
    var pageLacks: [String] = []
    var problems: [String] = []

    init(_ text: String) {
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func value(_ key: String) -> String? {
                line.hasPrefix(key + ":") ? line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) : nil
            }
            if let args = value("args") {
                arguments = args.split(separator: " ").map(String.init)
            } else if let status = value("exit") {
                exitStatus = Int32(status) ?? -1
            } else if let path = value("delete") {
                deletions.append(path)
            } else if let link = value("link") {
                let parts = link.components(separatedBy: " -> ")
                if parts.count == 2 { links.append((parts[0], parts[1])) } else { problems.append("bad link: \(line)") }
            } else if let path = value("fifo") {
                pipes.append(path)
            } else if let part = value("stderr") {
                stderrParts.append(part)
            } else if let part = value("page-has") {
                pageHas.append(part)
            } else if let part = value("page-lacks") {
                pageLacks.append(part)
            } else if let diagnostic = ExpectedDiagnostic(line) {
                diagnostics.append(diagnostic)
            } else {
                problems.append("unreadable line: \(line)")
            }
        }
    }
}

@Suite("Broken inputs, end to end (Tests/Corpus)")
struct CorpusTests {
    @Test("the corpus has at least 30 cases, each with an expected file")
    func corpusIsComplete() {
        let cases = CorpusCase.all
        #expect(cases.count >= 30)
        for corpusCase in cases {
            #expect(FileManager.default.fileExists(atPath: corpusCase.folder.appendingPathComponent("expected").path),
                    "\(corpusCase.name) has no expected file")
        }
    }

    @Test("pejling reports what the case expects", arguments: CorpusCase.all)
    func corpusCase(_ corpusCase: CorpusCase) throws {
        guard Pejling.isBuilt() else { return }
        let specificationText = try String(contentsOf: corpusCase.folder.appendingPathComponent("expected"), encoding: .utf8)
        let specification = CaseSpecification(specificationText)
        #expect(specification.problems.isEmpty, "\(specification.problems)")

        let scratch = try Scratch.folder(corpusCase.name)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let work = scratch.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Scratch.overlay(CorpusCase.root.appendingPathComponent("_base"), onto: work)
        let templates = work.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Scratch.overlay(Pejling.packageRoot.appendingPathComponent("Templates"), onto: templates)
        try Scratch.overlay(corpusCase.folder, onto: work, skipping: ["expected"])
        for path in specification.deletions {
            try FileManager.default.removeItem(at: work.appendingPathComponent(path))
        }
        for link in specification.links {
            let url = work.appendingPathComponent(link.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: link.target)
        }

        for path in specification.pipes {
            #expect(mkfifo(work.appendingPathComponent(path).path, 0o644) == 0)
        }

        let run = try Pejling.run(specification.arguments, in: work, timeout: 30)
        #expect(!run.timedOut, "pejling did not finish")
        #expect(!run.signalled, "pejling crashed with signal \(run.status)")
        #expect(run.status == specification.exitStatus, "exit status; standard error:\n\(run.stderr)")
        for part in specification.stderrParts {
            #expect(run.stderr.contains(part), "standard error lacks '\(part)':\n\(run.stderr)")
        }

        let (printed, other) = PrintedDiagnostic.parse(run.stderr)
        if specification.arguments.contains("json") {
            #expect(other.isEmpty, "standard error holds lines that are not JSON diagnostics: \(other)")
        }
        let englishElsewhere = EnglishProse.words(in: other.joined(separator: "\n"))
        #expect(englishElsewhere.isEmpty, "English on standard error: \(englishElsewhere) in\n\(run.stderr)")
        if ProcessInfo.processInfo.environment["PEJLING_UPDATE_CORPUS"] == "1" {
            try updateExpected(corpusCase, text: specificationText, printed: printed)
        }
        var unmatched = printed
        for expected in specification.diagnostics {
            if let index = unmatched.firstIndex(where: expected.matches) {
                unmatched.remove(at: index)
            } else {
                Issue.record("missing diagnostic \(expected)\nprinted:\n\(printed.map(\.description).joined(separator: "\n"))")
            }
        }
        for diagnostic in unmatched where diagnostic.severity == "error" {
            Issue.record("unexpected diagnostic \(diagnostic)")
        }
        for diagnostic in printed {
            // Every message a person reads is Danish (quoted content and identifiers aside).
            let english = EnglishProse.words(in: diagnostic.message + " " + (diagnostic.hint ?? ""))
            #expect(english.isEmpty, "English in a message: \(english) in \(diagnostic) (forslag: \(diagnostic.hint ?? "–"))")
            #expect(!diagnostic.file.hasPrefix("/"), "an absolute path: \(diagnostic)")
            #expect(diagnostic.line.map { $0 >= 1 } ?? true, "a line below 1: \(diagnostic)")
            #expect(diagnostic.column.map { $0 >= 1 } ?? true, "a column below 1: \(diagnostic)")
        }

        if !specification.pageHas.isEmpty || !specification.pageLacks.isEmpty {
            try checkPages(in: work, specification: specification)
        }
    }

    /// With `PEJLING_UPDATE_CORPUS=1`: each expected diagnostic line takes the whole message
    /// printed at its location and severity (in order), so that a reworded message is
    /// updated in one deliberate step; review the `git diff` of the `expected` files after.
    func updateExpected(_ corpusCase: CorpusCase, text: String, printed: [PrintedDiagnostic]) throws {
        var unused = printed
        var lines: [String] = []
        for line in text.components(separatedBy: "\n") {
            if let expected = ExpectedDiagnostic(line.trimmingCharacters(in: .whitespaces)),
               let index = unused.firstIndex(where: { $0.location == expected.location && $0.severity == expected.severity }) {
                lines.append(unused.remove(at: index).description)
            } else {
                lines.append(line)
            }
        }
        try lines.joined(separator: "\n").write(to: corpusCase.folder.appendingPathComponent("expected"), atomically: true, encoding: .utf8)
    }

    /// Builds the case and searches every page written.
    func checkPages(in work: URL, specification: CaseSpecification) throws {
        let build = try Pejling.run(["build", "--content", "content", "--output", "out"], in: work)
        #expect(build.status == 0, "build failed:\n\(build.stderr)")
        let pages = Scratch.snapshot(work.appendingPathComponent("out")).filter { $0.key.hasSuffix(".html") }
        #expect(!pages.isEmpty, "the build wrote no page")
        let texts = pages.mapValues { String(decoding: $0, as: UTF8.self) }
        for part in specification.pageHas {
            #expect(texts.values.contains { $0.contains(part) }, "no page contains '\(part)'")
        }
        for part in specification.pageLacks {
            for (path, text) in texts.sorted(by: { $0.key < $1.key }) where text.lowercased().contains(part.lowercased()) {
                Issue.record("\(path) contains '\(part)'")
            }
        }
    }
}
