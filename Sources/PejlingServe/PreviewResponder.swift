import Hummingbird
import PejlingKit
import ServiceLifecycle

/// Answers every request of the preview from the current snapshot: the built files (HTML with
/// the live-reload script added), the error page while the build fails, a 404 page, and the
/// event stream that open pages listen on.
///
/// ```swift
/// let app = Application(responder: PreviewResponder(state: state, hub: hub))
/// ```
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let state: PreviewState
    public let hub: ReloadHub
    /// Answer only requests that name the server by a local name (`localhost`, `127.0.0.1`,
    /// `[::1]`), so that a web page elsewhere whose name resolves to this machine (DNS
    /// rebinding) cannot read the drafts. On when the server listens on the loopback address.
    public var localNamesOnly: Bool
    /// The build options with which `<slug>/<slug>.pdf` is rendered when it is asked for;
    /// nil: no PDF is offered.
    public var pdfOptions: BuildOptions?

    public init(state: PreviewState, hub: ReloadHub, localNamesOnly: Bool = true, pdfOptions: BuildOptions? = nil) {
        self.state = state
        self.hub = hub
        self.localNamesOnly = localNamesOnly
        self.pdfOptions = pdfOptions
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if localNamesOnly, !Self.isLocalName(request.head.authority) {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "pejling serve svarer kun på http://127.0.0.1 og http://localhost.\n")))
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Kun GET og HEAD.\n")))
        }
        let snapshot = state.snapshot
        if let pdfOptions, let slug = Self.pdfSlug(request.uri.path, files: snapshot.files), snapshot.failure == nil {
            var response = await Self.pdfResponse(slug: slug, options: pdfOptions, path: request.uri.path)
            if request.method == .head { response.body = ResponseBody() }
            return response
        }
        let target = PreviewRoute.resolve(request.uri.path, files: snapshot.files)
        if target == .events {
            let path = request.uri.queryParameters["path"].map(String.init) ?? "/"
            return events(for: path)
        }
        var response = Self.response(for: target, path: request.uri.path, snapshot: snapshot, subscribers: hub.subscriberCount)
        if request.method == .head {
            response.body = ResponseBody()
        }
        return response
    }

    /// Whether a Host (authority) names this machine: `localhost`, `127.x.x.x` or `[::1]`,
    /// with any port. A request without one (HTTP/1.0) is let through.
    ///
    /// ```swift
    /// PreviewResponder.isLocalName("127.0.0.1:8080")  // true
    /// PreviewResponder.isLocalName("evil.example:8080")  // false
    /// ```
    static func isLocalName(_ authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return true }
        var host = Substring(authority.lowercased())
        if host.hasPrefix("[") {
            guard let end = host.firstIndex(of: "]") else { return false }
            host = host[...end]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        if host == "localhost" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The municipality whose PDF `path` names (`/<slug>/<slug>.pdf`), when its page is built.
    ///
    /// ```swift
    /// PreviewResponder.pdfSlug("/egelund/egelund.pdf", files: files)  // "egelund"
    /// ```
    static func pdfSlug(_ path: String, files: [String: [UInt8]]) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 3, segments[0].isEmpty, !segments[1].isEmpty,
              segments[2] == segments[1] + ".pdf", files["\(segments[1])/index.html"] != nil else { return nil }
        return String(segments[1])
    }

    /// Renders the PDF now, on a thread of its own (the engine takes a second or two), or the
    /// error page that says why it could not be made.
    static func pdfResponse(slug: String, options: BuildOptions, path: String) async -> Response {
        let (pdf, diagnostics) = await PreviewBuilder.onThread { SiteBuilder(options: options).renderPDF(of: slug) }
        if let pdf {
            return respond(.ok, type: "application/pdf", bytes: pdf)
        }
        let errors = Diagnostics(diagnostics.sorted.filter { $0.severity == .error })
        return respond(.internalServerError, type: "text/html; charset=utf-8",
                       bytes: Array(ErrorPage.render(ErrorPage.entries(for: errors)).utf8))
    }

    /// The response for a resolved path; everything but the event stream.
    static func response(for target: PreviewRoute.Target, path: String, snapshot: PreviewSnapshot,
                         subscribers: Int = 0) -> Response {
        let script = LiveReload.script(version: snapshot.version(of: target), stylesheetVersion: snapshot.stylesheetVersion)
        if let failure = snapshot.failure, target.showsErrorPage {
            return respond(.internalServerError, type: "text/html; charset=utf-8",
                           bytes: Array(ErrorPage.render(failure.entries, script: script).utf8))
        }
        switch target {
        case .file(let key):
            let bytes = snapshot.files[key] ?? []
            let type = PreviewRoute.contentType(for: key)
            if key.hasSuffix(".html") {
                return respond(.ok, type: type,
                               bytes: LiveReload.inject(into: bytes, version: snapshot.version(of: target),
                                                        stylesheetVersion: snapshot.stylesheetVersion))
            }
            return respond(.ok, type: type, bytes: bytes)
        case .redirect(let location):
            var response = respond(.movedPermanently, type: "text/plain; charset=utf-8", bytes: Array("Flyttet til \(location)\n".utf8))
            response.headers[.location] = location
            return response
        case .notFound:
            return respond(.notFound, type: "text/html; charset=utf-8",
                           bytes: Array(ErrorPage.notFound(path: path, script: script).utf8))
        case .status:
            let json = "{\"generation\":\(snapshot.generation),\"failed\":\(snapshot.failure != nil),"
                + "\"errors\":\(snapshot.diagnostics.errorCount),\"warnings\":\(snapshot.diagnostics.warningCount),"
                + "\"files\":\(snapshot.files.count),\"subscribers\":\(subscribers)}\n"
            return respond(.ok, type: "application/json", bytes: Array(json.utf8))
        case .events:
            return respond(.notFound, type: "text/plain; charset=utf-8", bytes: [])
        }
    }

    private static func respond(_ status: HTTPResponse.Status, type: String, bytes: [UInt8]) -> Response {
        Response(status: status,
                 headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(bytes.count)],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Server-Sent Events for the page at `path`: its version now, and again whenever it
    /// changes, as `event: build` with `{"page": …, "css": …}`.
    func events(for path: String) -> Response {
        let state = self.state
        let hub = self.hub
        let body = ResponseBody { writer in
            let subscription = hub.subscribe()
            defer { hub.unsubscribe(subscription.id) }
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            var sent: String?
            func message() -> String? {
                let snapshot = state.snapshot
                let target = PreviewRoute.resolve(path, files: snapshot.files)
                let data = "{\"page\":\(JSONText.string(snapshot.version(of: target))),"
                    + "\"css\":\(JSONText.string(snapshot.stylesheetVersion))}"
                guard data != sent else { return nil }
                sent = data
                return "event: build\ndata: \(data)\n\n"
            }
            if let first = message() { try await writer.write(ByteBuffer(string: first)) }
            for await signal in subscription.signals.cancelOnGracefulShutdown() {
                switch signal {
                case .changed:
                    if let next = message() { try await writer.write(ByteBuffer(string: next)) }
                case .keepAlive:
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                        body: body)
    }
}
