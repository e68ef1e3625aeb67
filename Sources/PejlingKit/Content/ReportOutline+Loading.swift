import Foundation

extension ReportOutline {
    /// Reads a report's Markdown once and reports, each at its line and column:
    ///
    /// - raw HTML (a warning: it never reaches the page, see ``RawHTML``);
    /// - links and images whose address ``LinkPolicy`` refuses (a warning: the address
    ///   goes, the text stays);
    /// - ```` ```maaling ```` blocks that cannot show figures (an error).
    ///
    /// `report.measurement` must be loaded first: a block needs it. Without `catalogue`
    /// (kriterier.yml failed, which is reported) a block's pejlemærke is not checked, and
    /// nothing is rendered anyway.
    public static func load(_ report: Report, catalogue: CriteriaCatalogue?, diagnostics: inout Diagnostics) -> ReportOutline {
        var outline = ReportOutline()
        let locator = BodyLocator(report)
        // Tags opened and reported, by name: their closing tags need no message of their own.
        var openTags: [String: Int] = [:]
        for item in MarkdownDocument(parsing: report.body).items() {
            switch item {
            case .rawHTML(let html, let line, let column):
                if let name = html.tagName, html.isClosingTag, let open = openTags[name], open > 0 {
                    openTags[name] = open - 1
                    continue
                }
                if let name = html.tagName, !html.isClosingTag, !html.isBlock { openTags[name, default: 0] += 1 }
                diagnostics.append(rawHTMLWarning(html, at: locator.location(line: line, byteColumn: column)))
            case .link(let address, let isImage, let line, let column):
                let location = locator.location(line: line, byteColumn: locator.linkColumn(line: line, byteColumn: column, address: address))
                if !LinkPolicy.allows(address, isImage: isImage) {
                    diagnostics.append(droppedLinkWarning(address, isImage: isImage, at: location))
                } else if !isImage, address.hasPrefix("#") {
                    let raw = String(address.dropFirst())
                    let target = raw.removingPercentEncoding ?? raw
                    if !target.isEmpty, target.lowercased() != "top" {
                        outline.anchors.append(Anchor(target: target, location: location))
                    }
                }
            case .heading(let level, let text, let line, let column):
                outline.headings.append(Heading(level: level, text: text, id: HeadingID.base(text),
                                                location: locator.location(line: line, byteColumn: column)))
            case .fencedBlock(let block):
                guard block.info.split(separator: " ").first == "maaling" else { continue }
                var problems = Diagnostics()
                let location = report.bodyLocation.offset(lines: block.line - 1)
                let bearingID = maalingBlock(block, in: report, at: location, catalogue: catalogue, problems: &problems)
                diagnostics.append(contentsOf: problems)
                outline.maalingBlocks.append(MaalingBlock(line: block.line, bearingID: bearingID))
            }
        }
        return outline
    }

    /// The pejlemærke a ```` ```maaling ```` block shows, or nil with the problem reported.
    /// (Moved here from the renderer, so that a report is checked once, when it loads.)
    static func maalingBlock(_ block: FencedBlock, in report: Report, at location: SourceLocation,
                             catalogue: CriteriaCatalogue?, problems: inout Diagnostics) -> String? {
        // The common one-line block (`pejlemaerke: faglig-udredning`) needs no YAML parser.
        if let bearingID = simpleBearingID(block.content), catalogue?.bearing(bearingID) != nil, report.measurement != nil {
            return bearingID
        }
        if block.content.allSatisfy(\.isWhitespace) {
            problems.error("maaling-blokken er tom", at: location,
                           hint: "skriv pejlemærket i den, fx 'pejlemaerke: faglig-udredning'")
            return nil
        }
        // The block's YAML starts on the line below the opening fence.
        let contentLocation = location.offset(lines: 1)
        guard let yaml = YAMLDocument.parse(block.content, file: location.file,
                                            lineOffset: (contentLocation.line ?? 1) - 1, diagnostics: &problems) else {
            return nil
        }
        yaml.reportUnknownKeys(allowed: ["pejlemaerke"], diagnostics: &problems)
        guard let bearingID = yaml.string("pejlemaerke", required: true, diagnostics: &problems) else { return nil }
        guard let catalogue else { return nil }
        guard catalogue.bearing(bearingID) != nil else {
            problems.error("ukendt pejlemærke '\(bearingID)' i en maaling-blok", at: yaml.location(ofValue: "pejlemaerke"),
                           hint: "de kendte pejlemærker er \(catalogue.bearingIDs.joined(separator: ", "))")
            return nil
        }
        guard report.measurement != nil else {
            // When 'maaling:' names a file that failed to load, that failure is reported already.
            if report.measurementPath == nil {
                problems.error("en maaling-blok kræver rapportens måling: tilføj 'maaling:' i rapportens hoved (front matter)",
                               at: location)
            }
            return nil
        }
        return bearingID
    }

    /// The id in a block that is exactly `pejlemaerke: <id>` (an identifier), or nil.
    static func simpleBearingID(_ content: String) -> String? {
        let prefix = "pejlemaerke:"
        let trimmed = content.trimmingSpacesAndNewlines()
        guard trimmed.hasPrefix(prefix) else { return nil }
        let value = trimmed.dropFirst(prefix.count).trimmingSpaces()
        return Identifier.isValid(value) ? value : nil
    }

    static func rawHTMLWarning(_ html: RawHTML, at location: SourceLocation) -> Diagnostic {
        if html.literal.hasPrefix("<!--") {
            return .warning("en HTML-kommentar kommer ikke med på siden og er fjernet: '\(html.excerpt)'", at: location,
                            hint: "slet kommentaren, hvis den ikke skal stå i filen")
        }
        if !html.isBlock, html.replacement == .lineBreak {
            return .warning("rå HTML vises ikke på siden: '\(html.excerpt)' er gjort til et almindeligt linjeskift", at: location,
                            hint: "skriv et linjeskift i Markdown med \\ sidst på linjen")
        }
        return .warning("rå HTML vises ikke på siden og er fjernet: '\(html.excerpt)'", at: location,
                        hint: "skriv det med Markdown i stedet, fx **fed**, *kursiv* eller [tekst](https://…)")
    }

    static func droppedLinkWarning(_ address: String, isImage: Bool, at location: SourceLocation) -> Diagnostic {
        let trimmed = address.trimmingSpacesAndNewlines()
        let shown = trimmed.count > 50 ? String(trimmed.prefix(49)) + "…" : trimmed
        let message = isImage
            ? "billedet '\(shown)' er fjernet; kun den alternative tekst står på siden"
            : "linket til '\(shown)' er fjernet; kun teksten står på siden"
        let hint: String
        switch LinkPolicy.scheme(of: address) {
        case "javascript", "vbscript":
            hint = "en adresse, der begynder med \(LinkPolicy.scheme(of: address) ?? ""):, kan køre kode i læserens browser "
                + "og må ikke stå i en rapport"
        case "file":
            hint = "en file:-adresse peger på en fil på din egen computer; læg filen på nettet og link til den med https://"
        case "data":
            hint = "data:-adresser er kun tilladt til billeder i png, gif, jpeg eller webp"
        default:
            hint = "kun adresser med http, https, mailto eller tel er tilladt"
        }
        return .warning(message, at: location, hint: hint)
    }
}

/// Turns a position in a report's body (as cmark counts it: lines from the body's start,
/// columns in bytes) into a place in the file (columns in Unicode scalars).
///
/// Works on the body's UTF-8 bytes and the offsets where its lines start: splitting the body
/// into `Substring` lines by `Character` was a tenth of loading a report.
struct BodyLocator {
    let file: String
    let firstLine: Int
    let bytes: [UInt8]
    /// The byte offset where each line starts, and one past the end.
    let lineStarts: [Int]

    init(_ report: Report) {
        file = report.bodyLocation.file
        firstLine = report.bodyLocation.line ?? 1
        bytes = Array(report.body.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        starts.append(bytes.count + 1)
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count - 1 }

    /// Line `line`'s bytes (1-based, without its newline).
    func line(_ line: Int) -> ArraySlice<UInt8> {
        bytes[lineStarts[line - 1]..<(lineStarts[line] - 1)]
    }

    /// The byte column where a link starts. cmark 0.30 places an autolink (`<https://…>`)
    /// without the indentation of its block (in a list item, a block quote): when the
    /// column does not start a link, the autolink is looked for from there on.
    func linkColumn(line: Int, byteColumn: Int, address: String) -> Int {
        guard line >= 1, line <= lineCount, byteColumn >= 1 else { return byteColumn }
        let bytes = self.line(line)
        let first = bytes.startIndex
        guard byteColumn <= bytes.count, ![UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "!")].contains(bytes[first + byteColumn - 1])
        else { return byteColumn }
        let needle = Array(("<" + address).utf8)
        var index = first + byteColumn - 1
        while index + needle.count <= bytes.endIndex {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index - first + 1 }
            index += 1
        }
        return byteColumn
    }

    func location(line: Int, byteColumn: Int) -> SourceLocation {
        guard line >= 1 else { return SourceLocation(file: file, line: firstLine) }
        var column = max(1, byteColumn)
        if line <= lineCount {
            let bytes = self.line(line)
            let end = bytes.startIndex + min(column - 1, bytes.count)
            // Scalars before the column: every byte that does not continue a UTF-8 sequence.
            column = bytes[bytes.startIndex..<end].count { $0 & 0xC0 != 0x80 } + 1
        }
        return SourceLocation(file: file, line: firstLine + line - 1, column: column)
    }
}
