import Testing
@testable import PejlingServe

@Suite struct PreviewRouteTests {
    let files: [String: [UInt8]] = [
        "index.html": [1], "egelund/index.html": [2], "egelund/data.csv": [3], "assets/pejling.css": [4],
    ]

    @Test func rootAndFoldersServeTheirIndex() {
        #expect(PreviewRoute.resolve("/", files: files) == .file("index.html"))
        #expect(PreviewRoute.resolve("/index.html", files: files) == .file("index.html"))
        #expect(PreviewRoute.resolve("/egelund/", files: files) == .file("egelund/index.html"))
        #expect(PreviewRoute.resolve("/egelund/data.csv", files: files) == .file("egelund/data.csv"))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        #expect(PreviewRoute.resolve("/egelund", files: files) == .redirect("/egelund/"))
    }

    @Test func nothingOutsideTheBuiltFiles() {
        for path in ["/../Package.swift", "/egelund/../index.html", "/%2e%2e/index.html", "//index.html",
                     "/./index.html", "/egelund/missing.html", "/mosedal/", "/assets", "relative", "/index.html%00"] {
            #expect(PreviewRoute.resolve(path, files: files) == .notFound, "\(path)")
        }
    }

    @Test func internalPaths() {
        #expect(PreviewRoute.resolve("/_pejling/events", files: files) == .events)
        #expect(PreviewRoute.resolve("/_pejling/status", files: files) == .status)
    }

    @Test func contentTypes() {
        #expect(PreviewRoute.contentType(for: "index.html") == "text/html; charset=utf-8")
        #expect(PreviewRoute.contentType(for: "assets/pejling.css") == "text/css; charset=utf-8")
        #expect(PreviewRoute.contentType(for: "a/data.json") == "application/json")
        #expect(PreviewRoute.contentType(for: "a/data.csv") == "text/csv; charset=utf-8")
        #expect(PreviewRoute.contentType(for: "a/indlejring.css") == "text/css; charset=utf-8")
        #expect(PreviewRoute.contentType(for: "a/README") == "application/octet-stream")
    }

    @Test func errorPageCoversHTMLOnly() {
        #expect(PreviewRoute.Target.file("a/index.html").showsErrorPage)
        #expect(PreviewRoute.Target.notFound.showsErrorPage)
        #expect(!PreviewRoute.Target.file("assets/pejling.css").showsErrorPage)
        #expect(!PreviewRoute.Target.file("a/data.csv").showsErrorPage)
    }
}

@Suite struct LocalNameTests {
    @Test func onlyLocalNamesAreAnswered() {
        for name in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "127.0.0.1", "127.1.2.3:9", nil, ""] {
            #expect(PreviewResponder.isLocalName(name), "\(name ?? "nil")")
        }
        for name in ["evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example:8080", "[::2]:8080",
                     "10.0.0.1:8080", "127.0.0.256", "[::1"] {
            #expect(!PreviewResponder.isLocalName(name), "\(name)")
        }
    }
}
