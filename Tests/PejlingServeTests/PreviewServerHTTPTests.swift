import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PejlingKit
import Testing
@testable import PejlingServe

/// The server at the HTTP level: what it serves, how, and how it tells open pages.
@Suite(.serialized) struct PreviewServerHTTPTests {
    /// The served page without the reload script (which ends with the only `})();` on a page).
    func withoutScript(_ body: ByteBuffer) -> [UInt8] {
        let text = String(buffer: body)
        guard let start = text.range(of: "<script data-pejling-reload"),
              let end = text.range(of: "})();\n</script>\n", range: start.upperBound..<text.endIndex) else {
            return Array(text.utf8)
        }
        return Array((text[..<start.lowerBound] + text[end.upperBound...]).utf8)
    }

    @Test func servesTheBytesTheBuildWritesPlusTheScript() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = await buildState(fixture)
        let built = fixture.builtFiles()
        #expect(built.count > 10)
        let server = PreviewServer(options: fixture.options, state: state, hub: ReloadHub())
        try await server.application().test(.router) { client in
            for (path, bytes) in built {
                try await client.execute(uri: "/" + path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType] == PreviewRoute.contentType(for: path))
                    #expect(response.headers[.cacheControl] == "no-store")
                    if path.hasSuffix(".html") {
                        let text = String(buffer: response.body)
                        #expect(text.contains("<script data-pejling-reload"), "\(path)")
                        #expect(withoutScript(response.body) == bytes, "\(path)")
                    } else {
                        #expect(Array(buffer: response.body) == bytes, "\(path)")
                    }
                }
            }
        }
        // The built files themselves never carry the script.
        for (path, bytes) in built where path.hasSuffix(".html") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("<script"), "\(path)")
        }
    }

    @Test func pathsMapToIndexPagesRedirectsAnd404() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = await buildState(fixture)
        let built = fixture.builtFiles()
        let server = PreviewServer(options: fixture.options, state: state, hub: ReloadHub())
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(withoutScript(response.body) == built["index.html"])
            }
            try await client.execute(uri: "/egelund/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(withoutScript(response.body) == built["egelund/index.html"])
            }
            try await client.execute(uri: "/egelund/?x=1", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/egelund", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/egelund/")
            }
            for path in ["/nope/", "/../Package.swift", "/%2e%2e/content/site.yml", "/egelund/../../Package.swift"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(String(buffer: response.body).contains("Siden findes ikke"))
                }
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
            try await client.execute(uri: "/assets/pejling.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/_pejling/status", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body).contains("\"failed\":false"))
            }
        }
    }

    @Test func draftsAreIncluded() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        try fixture.replace("dato: 2024-04-22\n", with: "dato: 2024-04-22\nkladde: true\n", in: "kommuner/egelund/analyse.md")
        let state = await buildState(fixture)
        let server = PreviewServer(options: fixture.options, state: state, hub: ReloadHub())
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/egelund/", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(text.contains("KLADDE"))
                #expect(text.contains("<meta name=\"robots\" content=\"noindex\">"))
            }
        }
    }

    @Test func aBuildErrorReplacesEveryHTMLPageUntilFixed() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = PreviewState(instance: "t")
        let hub = ReloadHub()
        let rebuilder = PreviewRebuilder(options: fixture.options, state: state, hub: hub, report: { _ in })
        await rebuilder.buildNow(changes: nil)
        let good = fixture.builtFiles()
        let original = try fixture.read("kommuner/egelund/maalinger/2024-sagsgennemgang.json")
        try fixture.replace("\"undersoegelse-rettidig\"", with: "\"undersoegelse-<retidig>\"",
                            in: "kommuner/egelund/maalinger/2024-sagsgennemgang.json")
        let failed = await rebuilder.buildNow(changes: nil)
        #expect(failed.failed)
        let server = PreviewServer(options: fixture.options, state: state, hub: hub)
        try await server.application().test(.router) { client in
            for path in ["/", "/egelund/", "/mosedal/", "/egelund/indlejring.html", "/missing/"] {
                try await client.execute(uri: path, method: .get) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .internalServerError, "\(path)")
                    #expect(text.contains("Siden kunne ikke bygges"), "\(path)")
                    #expect(text.contains("2024-sagsgennemgang.json:"), "\(path)")
                    #expect(text.contains("ukendt kriterium &#39;undersoegelse-&lt;retidig&gt;&#39;"), "\(path)")
                    #expect(text.contains("&quot;kriterium&quot;: &quot;undersoegelse-&lt;retidig&gt;&quot;"), "\(path)")
                    #expect(text.contains("<script data-pejling-reload"), "\(path)")
                }
            }
            // The stylesheet and downloads stay those of the last good build.
            try await client.execute(uri: "/assets/pejling.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(buffer: response.body) == good["assets/pejling.css"])
            }
        }
        try fixture.write("kommuner/egelund/maalinger/2024-sagsgennemgang.json", original)
        let fixed = await rebuilder.buildNow(changes: nil)
        #expect(!fixed.failed)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/egelund/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(withoutScript(response.body) == good["egelund/index.html"])
            }
        }
    }

    @Test func aPartialRebuildServesWhatAFullBuildWould() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = PreviewState(instance: "t")
        let rebuilder = PreviewRebuilder(options: fixture.options, state: state, hub: ReloadHub(), report: { _ in })
        await rebuilder.buildNow(changes: nil)
        let watcher = rebuilder.watcher
        let before = watcher.scan()
        try fixture.replace("# Sammenfatning", with: "# Sammenfatning\n\nEn ny sætning.", in: "kommuner/mosedal/analyse.md")
        try fixture.replace("dato: 2025-01-20", with: "dato: 2025-01-21", in: "kommuner/bakkeby/analyse.md")
        let changes = watcher.changes(from: before, to: watcher.scan())
        #expect(changes.municipalities == ["mosedal", "bakkeby"])
        let report = await rebuilder.buildNow(changes: changes)
        #expect(report.partial)
        #expect(state.snapshot.files == fixture.builtFiles())
        #expect(report.diagnostics.sorted == SiteBuilder(options: fixture.options.buildOptions).check().diagnostics.sorted)
    }

    /// Both ways of noticing a save: the system's notice (inotify) and looking at the folders.
    @Test(arguments: [true, false])
    func eventsTellAnOpenPageWhenItChanges(notified: Bool) async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = PreviewState(instance: "t")
        let hub = ReloadHub()
        var options = fixture.options
        options.usesChangeNotifications = notified
        var server = PreviewServer(options: options, state: state, hub: hub)
        server.log = { _ in }
        let rebuilder = server.rebuilder()
        await rebuilder.buildNow(changes: nil)
        try await server.application(services: [rebuilder]).test(.live) { client in
            let port = try #require(client.port)
            let egelund = try StreamingConnection(port: port, path: "/_pejling/events?path=%2Fegelund%2F")
            let mosedal = try StreamingConnection(port: port, path: "/_pejling/events?path=/mosedal/")
            defer { egelund.close(); mosedal.close() }
            #expect(await egelund.wait { $0.contains("event: build") })
            #expect(await mosedal.wait { $0.contains("event: build") })
            #expect(egelund.text.contains("Content-Type: text/event-stream"))
            let first = egelund.buildEvents
            #expect(first.count == 1)

            // A save in egelund's folder: egelund's page gets a new version, mosedal's does not.
            try fixture.replace("# Sammenfatning", with: "# Sammenfatning\n\nRettet tekst.", in: "kommuner/egelund/analyse.md")
            #expect(await egelund.wait { _ in egelund.buildEvents.count == 2 })
            try await Task.sleep(for: .milliseconds(300))
            #expect(mosedal.buildEvents.count == 1)
            #expect(egelund.buildEvents[1] != first[0])

            // Breaking the file: both pages now show the error page.
            try fixture.write("kommuner/egelund/analyse.md", "---\ntitel: x\n---\nno date\n")
            #expect(await mosedal.wait { _ in mosedal.buildEvents.count == 2 })
            #expect(await egelund.wait { _ in egelund.buildEvents.count == 3 })
            try await client.execute(uri: "/mosedal/", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(String(buffer: response.body).contains("analyse.md"))
            }
            #expect(hub.subscriberCount == 2)
        }
    }

    @Test func foreignHostNamesAreRefused() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        let state = await buildState(fixture)
        let server = PreviewServer(options: fixture.options, state: state, hub: ReloadHub())
        try await server.application().test(.live) { client in
            let port = try #require(client.port)
            let foreign = try StreamingConnection(port: port, path: "/egelund/", host: "drafts.evil.example:\(port)")
            let local = try StreamingConnection(port: port, path: "/egelund/", host: "localhost:\(port)")
            defer { foreign.close(); local.close() }
            #expect(await foreign.wait { $0.contains("\r\n\r\n") })
            #expect(foreign.text.hasPrefix("HTTP/1.1 403"))
            #expect(!foreign.text.contains("Egelund"))
            #expect(await local.wait { $0.contains("</html>") })
            #expect(local.text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func aTakenPortIsReportedClearly() async throws {
        let fixture = try ServeFixture()
        defer { fixture.remove() }
        // Hold a port the way another server would.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(holder, raw, length) == 0, listen(holder, 1) == 0, getsockname(holder, raw, &length) == 0 else {
                    throw FixtureError(description: "cannot hold a port")
                }
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        var options = fixture.options
        options.port = port
        let server = PreviewServer(options: options, log: { _ in })
        await #expect(throws: PreviewServer.ServeError.portInUse(host: "127.0.0.1", port: port)) {
            try await server.run()
        }
    }
}
