import Foundation

/// Renders one report's Markdown body to HTML, replacing its ```` ```maaling ```` blocks by
/// the figures for the pejlemærke they name.
struct ReportRenderer {
    let figures: FigurePresenter
    let markdown = MarkdownRenderer(headingShift: 1)

    func render(_ report: Report, diagnostics: inout Diagnostics) -> String {
        var problems: [Diagnostic] = []
        // How often each pejlemærke has been shown, so that repeated blocks get their own ids.
        var occurrences: [String: Int] = [:]
        let html = markdown.render(report.body) { block in
            guard block.info.split(separator: " ").first == "maaling" else { return nil }
            let location = report.bodyLocation.offset(lines: block.line - 1)
            return maalingBlock(block, in: report, at: location, occurrences: &occurrences, problems: &problems)
        }
        diagnostics.append(contentsOf: problems)
        return html
    }

    /// The HTML for one block, or a diagnostic and an empty replacement.
    private func maalingBlock(_ block: FencedBlock, in report: Report, at location: SourceLocation,
                              occurrences: inout [String: Int], problems: inout [Diagnostic]) -> String {
        // The common one-line block (`pejlemaerke: faglig-udredning`) needs no YAML parser.
        if let bearingID = Self.simpleBearingID(block.content), figures.catalogue.bearing(bearingID) != nil,
           report.measurement != nil {
            occurrences[bearingID, default: 0] += 1
            return figures.bearingHTML(bearingID, in: report.kind, occurrence: occurrences[bearingID] ?? 1)
        }
        var diagnostics = Diagnostics()
        if block.content.allSatisfy(\.isWhitespace) {
            problems.append(.error("maaling-blokken er tom", at: location,
                                   hint: "skriv pejlemærket i den, fx 'pejlemaerke: faglig-udredning'"))
            return ""
        }
        // The block's YAML starts on the line below the opening fence.
        let contentLocation = location.offset(lines: 1)
        guard let yaml = YAMLDocument.parse(block.content, file: location.file,
                                            lineOffset: (contentLocation.line ?? 1) - 1, diagnostics: &diagnostics) else {
            problems.append(contentsOf: diagnostics.items)
            return ""
        }
        yaml.reportUnknownKeys(allowed: ["pejlemaerke"], diagnostics: &diagnostics)
        defer { problems.append(contentsOf: diagnostics.items) }
        guard let bearingID = yaml.string("pejlemaerke", required: true, diagnostics: &diagnostics) else { return "" }
        guard figures.catalogue.bearing(bearingID) != nil else {
            diagnostics.error("ukendt pejlemærke '\(bearingID)' i en maaling-blok", at: yaml.location(ofValue: "pejlemaerke"),
                              hint: "de kendte pejlemærker er \(figures.catalogue.bearingIDs.joined(separator: ", "))")
            return ""
        }
        guard report.measurement != nil else {
            // When 'maaling:' names a file that failed to load, that failure is reported already.
            if report.measurementPath == nil {
                diagnostics.error("en maaling-blok kræver rapportens måling: tilføj 'maaling:' i rapportens hoved (front matter)",
                                  at: location)
            }
            return ""
        }
        occurrences[bearingID, default: 0] += 1
        return figures.bearingHTML(bearingID, in: report.kind, occurrence: occurrences[bearingID] ?? 1)
    }

    /// The id in a block that is exactly `pejlemaerke: <id>` (an identifier), or nil.
    static func simpleBearingID(_ content: String) -> String? {
        let prefix = "pejlemaerke:"
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(prefix) else { return nil }
        let value = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return Identifier.isValid(value) ? value : nil
    }
}
