import Foundation

/// Maps a request path to what the preview serves, from the in-memory files only: nothing
/// outside the build's own files can ever be served.
///
/// ```swift
/// PreviewRoute.resolve("/", files: files)              // .file("index.html")
/// PreviewRoute.resolve("/esbjerg/", files: files)      // .file("esbjerg/index.html")
/// PreviewRoute.resolve("/esbjerg", files: files)       // .redirect("/esbjerg/")
/// PreviewRoute.resolve("/../etc/passwd", files: files) // .notFound
/// ```
public enum PreviewRoute {
    /// The event stream that tells open pages to refresh.
    public static let eventsPath = "/_pejling/events"
    /// A small JSON status (build generation, whether it failed), for scripts and tests.
    public static let statusPath = "/_pejling/status"

    public enum Target: Sendable, Hashable {
        /// A built file, by its output path.
        case file(String)
        /// The same path with a trailing slash: a municipality folder asked for without one.
        case redirect(String)
        case notFound
        case events
        case status

        /// Whether a failed build shows the error page here instead: every HTML page and every
        /// missing one, but not the stylesheet or the downloads.
        var showsErrorPage: Bool {
            switch self {
            case .file(let path): return path.hasSuffix(".html")
            case .redirect, .notFound: return true
            case .events, .status: return false
            }
        }
    }

    /// Resolves a URL path (percent-encoded, without the query) against the built files.
    public static func resolve(_ rawPath: String, files: [String: [UInt8]]) -> Target {
        if rawPath == eventsPath { return .events }
        if rawPath == statusPath { return .status }
        guard let path = rawPath.removingPercentEncoding, path.hasPrefix("/"), !path.contains("\0") else {
            return .notFound
        }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        // `..`, `.` and empty segments (`//`) never name a built file.
        if segments.dropLast().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
            || segments.last == "." || segments.last == ".." {
            return .notFound
        }
        var key = String(path.dropFirst())
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        if files[key] != nil { return .file(key) }
        if !path.hasSuffix("/"), files[key + "/index.html"] != nil { return .redirect(path + "/") }
        return .notFound
    }

    /// The Content-Type for an output path.
    ///
    /// ```swift
    /// PreviewRoute.contentType(for: "esbjerg/data.csv")  // "text/csv; charset=utf-8"
    /// ```
    public static func contentType(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "pdf": return "application/pdf"
        case "svg": return "image/svg+xml"
        case "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
