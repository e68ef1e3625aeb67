import PejlingKit

/// The page a browser shows instead of the preview while the build fails: every error with
/// its `file:line:col`, message, source line and hint, all HTML-escaped.
///
/// ```swift
/// let entries = ErrorPage.entries(for: result.diagnostics)
/// let html = ErrorPage.render(entries)   // <h1>Siden kunne ikke bygges</h1> …
/// ```
public enum ErrorPage {
    /// One problem as the page shows it.
    public struct Entry: Sendable, Hashable {
        public var severity: Diagnostic.Severity
        /// `path:line:column`, as the terminal shows it.
        public var location: String
        public var message: String
        public var hint: String?
        /// The offending line of the file, when it has one.
        public var sourceLine: String?
        /// The 1-based column, for the caret under the source line.
        public var column: Int?
    }

    /// The errors first (in file order), then the warnings, each with its source line read now.
    public static func entries(
        for diagnostics: Diagnostics,
        sourceLine: @Sendable (String, Int) -> String? = DiagnosticFormatter.fileLineReader()
    ) -> [Entry] {
        let sorted = diagnostics.sorted
        let ordered = sorted.filter { $0.severity == .error } + sorted.filter { $0.severity == .warning }
        return ordered.map { diagnostic in
            Entry(severity: diagnostic.severity, location: diagnostic.location.description, message: diagnostic.message,
                  hint: diagnostic.hint,
                  // A spreadsheet cell (file:C7) has no source line to show.
                  sourceLine: diagnostic.location.cell != nil ? nil
                      : diagnostic.location.line.flatMap { sourceLine(diagnostic.location.file, $0) },
                  column: diagnostic.location.column)
        }
    }

    /// A whole HTML page; `script` (the live-reload script) goes before `</body>`.
    public static func render(_ entries: [Entry], script: String = "") -> String {
        let errors = entries.filter { $0.severity == .error }.count
        let warnings = entries.count - errors
        var items = ""
        for entry in entries {
            let label = entry.severity == .error ? "Fejl" : "Advarsel"
            items += """
            <li class="\(entry.severity.rawValue)">
            <p class="sted"><span class="niveau">\(label)</span> <code>\(HTML.escape(entry.location))</code></p>
            <p class="besked">\(HTML.escape(entry.message))</p>

            """
            if let source = entry.sourceLine {
                let shown = source.replacingOccurrences(of: "\t", with: " ")
                var block = HTML.escape(shown)
                if let column = entry.column, column >= 1 {
                    block += "\n" + String(repeating: " ", count: min(column - 1, shown.unicodeScalars.count)) + "^"
                }
                items += "<pre class=\"kilde\"><code>\(block)</code></pre>\n"
            }
            if let hint = entry.hint {
                items += "<p class=\"hint\">Forslag: \(HTML.escape(hint))</p>\n"
            }
            items += "</li>\n"
        }
        let summary = Summary.diagnostics(errors: errors, warnings: warnings)
        return page(title: "Byggefejl", style: """
            h1 { color: #8b0000; font-size: 1.6rem; }
            ol { padding-left: 0; list-style: none; }
            li { border-left: 0.4rem solid #b00020; background: #fdf0f1; padding: 0.6rem 1rem; margin-bottom: 1rem; }
            li.warning { border-left-color: #8a5a00; background: #fff7e6; }
            .niveau { font-weight: bold; }
            .sted code { overflow-wrap: anywhere; }
            .besked { font-size: 1.1rem; margin: 0.3rem 0; }
            pre { background: #fff; border: 1px solid #ccc; padding: 0.5rem; overflow-x: auto; }
            code { font-family: ui-monospace, monospace; }

            """, main: """
            <main id="pejling-fejl">
            <h1>Siden kunne ikke bygges</h1>
            <p>pejling fandt problemer i indholdet (\(summary)). Ret filen, og gem den: siden kommer tilbage af sig selv.</p>
            <ol class="fejlliste">
            \(items)</ol>
            </main>
            """, script: script)
    }

    /// The page for a path that the build did not write.
    public static func notFound(path: String, script: String = "") -> String {
        page(title: "Siden findes ikke", style: "", main: """
            <main>
            <h1>Siden findes ikke</h1>
            <p>pejling har ikke bygget en side med adressen <code>\(HTML.escape(path))</code>. <a href="/">Gå til oversigten</a>.</p>
            </main>
            """, script: script)
    }

    /// The frame both pages share: head, base style, `main`, and the live-reload script.
    static func page(title: String, style: String, main: String, script: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(title) – pejling serve</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        \(style)</style>
        </head>
        <body>
        \(main)
        \(script)
        </body>
        </html>

        """
    }
}
