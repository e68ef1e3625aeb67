import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PejlingKit
import Testing
@testable import PejlingServe

/// `serve` offers `/<slug>/<slug>.pdf`, rendered when it is asked for (here by a stand-in
/// engine that speaks the engine's protocol; the real one is tested by `make pdf-tests`).
@Suite(.serialized) struct PreviewPDFTests {
    /// Options whose engine is a shell script running `body` after it has said it is ready.
    func options(_ fixture: ServeFixture, body: String) throws -> BuildOptions {
        let script = fixture.root.appendingPathComponent("engine.sh").path
        let version = PDFEngine.requiredVersion
        try "#!/bin/sh\nprintf 'ready \(version.utf8.count)\\n\(version)'\n\(body)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        var options = fixture.options.buildOptions
        options.pdfEngine = PDFEngine(python: script, timeout: .seconds(20))
        return options
    }

    @Test func aMunicipalitysPDFIsRenderedOnRequest() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = await buildState(fixture)
        #expect(!state.snapshot.files.keys.contains { $0.hasSuffix(".pdf") }, "a preview build renders no PDF by itself")
        let pdfOptions = try options(fixture, body: """
            while read -r kind size; do head -c "$size" >/dev/null; printf 'ok 9\\n%%PDF-fake'; done
            """)
        let app = Application(responder: PreviewResponder(state: state, hub: ReloadHub(), pdfOptions: pdfOptions))
        try await app.test(.router) { client in
            try await client.execute(uri: "/egelund/egelund.pdf", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body) == "%PDF-fake")
            }
            try await client.execute(uri: "/egelund/mosedal.pdf", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/ingen/ingen.pdf", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func anEngineFailureShowsTheErrorPage() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = await buildState(fixture)
        let pdfOptions = try options(fixture, body: """
            while read -r kind size; do head -c "$size" >/dev/null; printf 'error 4\\nboom'; done
            """)
        let app = Application(responder: PreviewResponder(state: state, hub: ReloadHub(), pdfOptions: pdfOptions))
        try await app.test(.router) { client in
            try await client.execute(uri: "/egelund/egelund.pdf", method: .get) { response in
                #expect(response.status == .internalServerError)
                let text = String(buffer: response.body)
                #expect(text.contains("boom") && text.contains("Egelund"), "\(text)")
            }
        }
    }
}
