import Foundation
import Testing
@testable import PejlingKit

/// The PDF stage with stand-in engines (small shell scripts that speak the engine's
/// protocol): a missing engine, one that hangs, fails, crashes or is the wrong version, and
/// one that answers, for the incremental builds. The real engine is tested on the demo
/// content by `make pdf-tests` (Tests/pdf/check_pdfs.py).
@Suite("PDF engine faults", .serialized)
struct PDFEngineTests {
    /// Writes an executable stand-in engine; `body` runs after it has said it is ready.
    func engine(in folder: URL, version: String = PDFEngine.requiredVersion, body: String,
                timeout: Duration = .seconds(20)) throws -> PDFEngine {
        let path = folder.appendingPathComponent("engine-\(UUID().uuidString).sh").path
        let script = "#!/bin/sh\nprintf 'ready \(version.utf8.count)\\n\(version)'\n\(body)\n"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return PDFEngine(python: path, timeout: timeout)
    }

    /// Answers every request with a small fixed "PDF", and counts requests in `log`.
    func answeringEngine(in folder: URL, log: URL) throws -> PDFEngine {
        try engine(in: folder, body: """
            while read -r kind size; do
              head -c "$size" >/dev/null
              echo x >> '\(log.path)'
              printf 'ok 9\\n%%PDF-fake'
            done
            """)
    }

    func snapshot(_ output: String) throws -> [String: Data] { SiteFixture.snapshot(output) }

    func requests(_ log: URL) -> Int {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func slugs(_ options: BuildOptions) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: options.contentDirectory + "/kommuner").filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("--pdf without the engine fails with a message saying how to install it, once")
    func missingEngine() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        options.pdf = true
        options.pdfEngine = PDFEngine(python: folder.appendingPathComponent("no-such-python").path)
        let result = SiteBuilder(options: options).build()
        #expect(result.failed)
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 1, "reported once, not once per municipality")
        #expect(errors.first?.message.contains("PDF-motor") == true)
        #expect(errors.first?.hint?.contains("make pdf-env") == true)
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory), "nothing is written")
    }

    @Test("a build without --pdf never needs the engine")
    func withoutPDF() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        options.pdfEngine = PDFEngine(python: folder.appendingPathComponent("no-such-python").path)
        let result = SiteBuilder(options: options).build()
        #expect(!result.failed)
        let files = try snapshot(options.outputDirectory)
        #expect(!files.keys.contains { $0.hasSuffix(".pdf") })
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains(".pdf\"") }, "no page links a PDF")
    }

    @Test("the wrong WeasyPrint version is refused, naming both versions")
    func wrongVersion() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        options.pdf = true
        options.pdfEngine = try engine(in: folder, version: "57.2", body: "cat >/dev/null")
        let result = SiteBuilder(options: options).build()
        #expect(result.failed)
        let message = result.diagnostics.sorted.first { $0.severity == .error }?.message ?? ""
        #expect(message.contains("57.2") && message.contains(PDFEngine.requiredVersion))
    }

    @Test("a hanging engine is stopped after the timeout, with an error naming the municipality, and the output is left as it was")
    func hangingEngine() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!SiteBuilder(options: options).build().failed)
        let before = try snapshot(options.outputDirectory)
        options.pdf = true
        options.pdfEngine = try engine(in: folder, body: "exec sleep 600", timeout: .seconds(1))
        let start = ContinuousClock.now
        let result = SiteBuilder(options: options).build()
        #expect(ContinuousClock.now - start < .seconds(30), "the timeout ends the wait")
        #expect(result.failed)
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(error.message.contains("inden for 1 sekunder"), "\(error.message)")
            #expect(error.message.contains("Kommune"), "names the municipality: \(error.message)")
            #expect(error.location.file.contains("kommuner/"), "at the municipality's folder")
        }
        #expect(try snapshot(options.outputDirectory) == before)
    }

    @Test("an engine that cannot render a document fails the build for that municipality; the output is untouched")
    func failingEngine() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!SiteBuilder(options: options).build().failed)
        let before = try snapshot(options.outputDirectory)
        options.pdf = true
        options.pdfEngine = try engine(in: folder, body: """
            while read -r kind size; do head -c "$size" >/dev/null; printf 'error 4\\nboom'; done
            """)
        let result = SiteBuilder(options: options).build()
        #expect(result.failed)
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == (try slugs(options)).count, "one error per municipality")
        #expect(errors.allSatisfy { $0.message.contains("boom") && $0.message.contains("kunne ikke laves") })
        #expect(try snapshot(options.outputDirectory) == before)
    }

    @Test("an engine that dies mid-document is reported as stopped, not waited for")
    func crashingEngine() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        options.pdf = true
        options.pdfEngine = try engine(in: folder, body: "read -r kind size; exit 7")
        let result = SiteBuilder(options: options).build()
        #expect(result.failed)
        let message = result.diagnostics.sorted.first { $0.severity == .error }?.message ?? ""
        #expect(message.contains("stoppede uventet"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory))
    }

    @Test("PDFs are written per municipality, not again when nothing changed, and only for a changed municipality")
    func incremental() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("requests.log")
        options.pdf = true
        options.pdfEngine = try answeringEngine(in: folder, log: log)
        let slugs = try slugs(options)
        let first = SiteBuilder(options: options).build()
        #expect(!first.failed, "\(first.diagnostics.sorted)")
        let files = try snapshot(options.outputDirectory)
        for slug in slugs {
            #expect(files["\(slug)/\(slug).pdf"] == Data("%PDF-fake".utf8))
            let page = String(decoding: files["\(slug)/index.html"] ?? Data(), as: UTF8.self)
            #expect(page.contains("<a href=\"\(slug).pdf\">"), "the page's downloads link the PDF")
        }
        #expect(requests(log) == slugs.count)

        let second = SiteBuilder(options: options).build()
        #expect(second.unchanged)
        #expect(requests(log) == slugs.count, "a no-change rebuild renders no PDF")

        let changed = try #require(slugs.first)
        let report = options.contentDirectory + "/kommuner/\(changed)/analyse.md"
        let text = try String(contentsOfFile: report, encoding: .utf8)
        try (text + "\nEn ny sætning.\n").write(toFile: report, atomically: true, encoding: .utf8)
        let third = SiteBuilder(options: options).build()
        #expect(!third.failed)
        #expect(requests(log) == slugs.count + 1, "only the changed municipality's PDF is rendered")
        #expect(try snapshot(options.outputDirectory)["\(changed)/\(changed).pdf"] == Data("%PDF-fake".utf8))
    }

    @Test("pdf: true in site.yml does what --pdf does")
    func siteSetting() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("requests.log")
        options.pdfEngine = try answeringEngine(in: folder, log: log)
        let site = options.contentDirectory + "/site.yml"
        try (try String(contentsOfFile: site, encoding: .utf8) + "\npdf: true\n").write(toFile: site, atomically: true, encoding: .utf8)
        let result = SiteBuilder(options: options).build()
        #expect(!result.failed, "\(result.diagnostics.sorted)")
        let slugs = try slugs(options)
        #expect(requests(log) == slugs.count)
        #expect(try snapshot(options.outputDirectory).keys.filter { $0.hasSuffix(".pdf") }.count == slugs.count)
    }

    @Test("the print document: cover, contents linking every report heading once escaped, Eksempel, the print stylesheet")
    func printDocument() throws {
        var (folder, options) = try SiteFixture.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = options.contentDirectory + "/kommuner/egelund/analyse.md"
        var text = try String(contentsOfFile: report, encoding: .utf8)
        text = text.replacingOccurrences(of: "titel: Analyse af sagsbehandlingen", with: "titel: Analyse & vurdering af sagsbehandlingen")
        text = text.replacingOccurrences(of: "# Faglig udredning", with: "# Faglig udredning & *vurdering*")
        try text.write(toFile: report, atomically: true, encoding: .utf8)
        // An engine that answers each document with the document itself.
        options.pdfEngine = try engine(in: folder, body: """
            while read -r kind size; do
              head -c "$size" > "$0.$$.html"; printf 'ok %s\n' "$size"; cat "$0.$$.html"
            done
            """)
        options.pdf = true
        options.only = ["egelund"]
        let sink = MemorySink()
        let result = SiteBuilder(options: options).render(into: sink)
        #expect(!result.failed, "\(result.diagnostics.sorted)")
        let html = String(decoding: try #require(sink.files["egelund/egelund.pdf"]), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
        #expect(html.contains("<title>Egelund Kommune – "))
        #expect(html.contains("<section class=\"forside\">"))
        #expect(html.contains("Analyserapport: Analyse &amp; vurdering af sagsbehandlingen"), "a report title escaped once")
        #expect(!html.contains("&amp;amp;"))
        #expect(html.contains("size: A4"), "the print stylesheet is inline")
        #expect(html.contains("banner-eksempel"), "the example says so")
        // Every entry of the contents links a heading that is in the document.
        let entries = html.components(separatedBy: "<a href=\"#").dropFirst().compactMap { $0.split(separator: "\"").first }
        #expect(entries.count > 5)
        for id in entries {
            #expect(html.contains("id=\"\(id)\""), "contents entry #\(id) has its heading")
        }
        #expect(html.contains(">Faglig udredning &amp; vurdering</a>"), "a heading's text, tags removed, escaped once")
    }

    @Test("the contents get an id for every report heading that has none")
    func headingIDs() {
        let (html, headings) = PrintDocument.numberHeadings(
            "<h2>Metode</h2><p>x</p><h3 id=\"egen\">Data &amp; tal</h3><h4>Ikke med</h4><h2 class=\"bilag\">Bilag <em>1</em></h2>",
            prefix: "a-")
        #expect(html == "<h2 id=\"a-1\">Metode</h2><p>x</p><h3 id=\"egen\">Data &amp; tal</h3><h4>Ikke med</h4><h2 id=\"a-2\" class=\"bilag\">Bilag <em>1</em></h2>")
        #expect(headings == [
            .init(id: "a-1", text: "Metode", level: 2),
            .init(id: "egen", text: "Data &amp; tal", level: 3),
            .init(id: "a-2", text: "Bilag 1", level: 2),
        ])
    }
}
