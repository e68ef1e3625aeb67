import Foundation
import Testing
@testable import PejlingKit

/// Random and mutated content through every loader and the renderer: nothing may crash or
/// hang, every call gives a value or an error diagnostic, every diagnostic has a place, and
/// no markup or unsafe address from the input reaches the HTML.
///
/// The generator is seeded, so a failure names a case that can be run again.
@Suite("Fuzzing the loaders and the renderer")
struct FuzzTests {
    // MARK: Seeds: valid inputs to mutate

    static let analysis = """
        ---
        titel: Analyse af sagsbehandlingen i Alfa Kommune
        dato: 2024-06-01
        maaling: maalinger/2024-sagsgennemgang.json
        kladde: false
        ---

        # Sammenfatning

        Alfa Kommune er **opdigtet**, se [siden](https://alfa.example/) og ![figur](figur.png "Figur").

        ```maaling
        pejlemaerke: faglig-udredning
        ```

        - punkt
          1. underpunkt
        > citat med `kode` og <em>html</em>

        | a | b |
        |---|---|

        """

    static let municipality = """
        # En kommentar
        kode: 561
        navn: Esbjerg Kommune
        hjemmeside: https://www.esbjerg.dk
        eksempel: false
        """

    static let site = """
        titel: Task Force-rapporter
        udgiver: Den Permanente Task Force
        base_url: https://example.dk/rapporter/
        tilgaengelighedserklaering: https://was.digst.dk/x
        """

    static let criteria = """
        pejlemaerker:
          - id: faglig-udredning
            navn: Faglig udredning
          - id: inddragelse
            navn: Inddragelse
        kriterier:
          - id: undersoegelse-rettidig
            pejlemaerke: faglig-udredning
            tekst: Den børnefaglige undersøgelse er afsluttet inden for fire måneder
            lovgrundlag: barnets lov § 20, stk. 3
          - id: samtale-med-barnet
            pejlemaerke: inddragelse
            tekst: Samtalen med barnet er gennemført
        """

    static let measurement = """
        {
          "type": "sagsgennemgang",
          "dato": "2024-04-01",
          "antal_sager": 20,
          "resultater": [
            { "kriterium": "undersoegelse-rettidig", "opfyldt": 6, "ikke_opfyldt": 11, "ikke_relevant": 3 },
            { "kriterium": "samtale-med-barnet", "opfyldt": 9, "ikke_opfyldt": 11, "ikke_relevant": 0 }
          ]
        }
        """

    /// Pieces that the mutator splices in: syntax of every format, and what an attacker tries.
    static let tokens: [[UInt8]] = [
        "---", "...", "\n", "\r\n", "\r", ":", ": ", "- ", "  ", "\t", "#", "[", "]", "{", "}", ",", "\"", "'",
        "&", "*", "!", "|", ">", "<", "?", "%", "@", "`", "```", "```maaling\n", "~~~", "\\", "/", "..", "../",
        "&a", "*a", "!!binary ", "!!int ", "~", "null", "true", "ja", "-1", "0", "1e999", "20.0", "99999999999999999999",
        "\u{0}", "\u{7F}", "\u{FEFF}", "\u{202E}", "\u{200B}", "\u{301}", "\"\u{301}", "<\u{301}", "æøå", "𝒳",
        "010203-1234", "290200 1234", "javascript:alert(1)", "JaVa\tScRiPt:", "&#106;avascript:", "vbscript:",
        "data:text/html,x", "file:///etc/passwd", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))", "![x](javascript:alert(1))", "<javascript:alert(1)>", "[r]: javascript:x\n[r]",
        "titel:", "dato:", "maaling:", "kladde:", "pejlemaerke:", "kode:", "navn:", "\"opfyldt\":", "\"kriterium\":",
        "\"resultater\": [", "2024-02-30", "2024-13-01",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]

    // MARK: The generator

    typealias Generator = SeededRandom

    /// `seed` changed by 1–8 random edits: deletions, insertions of tokens or random bytes,
    /// repeats of a slice (up to deep nesting), byte flips and truncation.
    static func mutate(_ seed: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + random.below(8)) {
            let position = random.below(bytes.count + 1)
            switch random.below(7) {
            case 0:
                let length = min(bytes.count - position, 1 + random.below(12))
                if length > 0 { bytes.removeSubrange(position..<(position + length)) }
            case 1, 2:
                bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
            case 3:
                bytes.insert(contentsOf: (0..<(1 + random.below(6))).map { _ in UInt8(random.below(256)) }, at: position)
            case 4:
                let length = min(bytes.count - position, 1 + random.below(8))
                let slice = Array(bytes[position..<(position + length)])
                let times = random.chance(10) ? 200 + random.below(2_000) : 1 + random.below(4)
                for _ in 0..<times { bytes.insert(contentsOf: slice, at: position) }
            case 5:
                if !bytes.isEmpty { bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8)) }
            default:
                if random.chance(20) { bytes.removeSubrange(position...) }
            }
        }
        return bytes
    }

    // MARK: The properties

    /// Every diagnostic names the file and, where it has one, a line and column from 1; the
    /// formatter prints it in every format without trouble.
    static func checkDiagnostics(_ diagnostics: [Diagnostic], file: String, text: String?, context: String) {
        let lines = text.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        for diagnostic in diagnostics {
            #expect(diagnostic.location.file == file, "\(context): \(diagnostic)")
            #expect(!diagnostic.message.isEmpty, "\(context): \(diagnostic)")
            if let line = diagnostic.location.line { #expect(line >= 1, "\(context): \(diagnostic)") }
            if let column = diagnostic.location.column { #expect(column >= 1, "\(context): \(diagnostic)") }
            for format in DiagnosticFormatter.Format.allCases {
                let formatter = DiagnosticFormatter(format: format) { _, number in
                    guard let lines, number >= 1, number <= lines.count else { return nil }
                    return String(lines[number - 1])
                }
                #expect(!formatter.format(diagnostic).isEmpty)
            }
        }
    }

    static let allowedTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong",
        "a", "img", "hr", "br", "table", "caption", "thead", "tbody", "tr", "th", "td",
    ]

    /// No tag but those the renderer makes, and no attribute but safe addresses.
    static func checkHTML(_ html: String, context: String) {
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "<" else { continue }
            var end = index + 1
            if end < scalars.count, scalars[end] == "/" { end += 1 }
            var name = ""
            while end < scalars.count, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) {
                name.unicodeScalars.append(scalars[end])
                end += 1
            }
            if name.isEmpty { continue }
            #expect(allowedTags.contains(name.lowercased()), "\(context): tag <\(name)> in \(html.prefix(400))")
        }
        // Inside every tag: no event handler, style or srcdoc attribute.
        for tag in html.lowercased().components(separatedBy: "<").dropFirst() {
            let inside = tag.prefix { $0 != ">" }
            let attributes = inside.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "/" }).dropFirst()
            for attribute in attributes {
                let name = attribute.prefix { $0 != "=" }
                #expect(!name.hasPrefix("on") && name != "style" && name != "srcdoc",
                        "\(context): attribute \(name) in <\(inside)>")
            }
        }
        for address in addresses(in: html) {
            let cleaned = String(String.UnicodeScalarView(address.value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            for scheme in ["javascript:", "vbscript:", "file:", "data:"] where cleaned.hasPrefix(scheme) {
                let allowedImage = address.isImage && scheme == "data:" && cleaned.hasPrefix("data:image/")
                #expect(allowedImage, "\(context): \(address.value)")
            }
        }
    }

    /// `href` and `src` values, entities decoded (as a browser would).
    static func addresses(in html: String) -> [(value: String, isImage: Bool)] {
        var found: [(String, Bool)] = []
        for (attribute, isImage) in [("href=\"", false), ("src=\"", true)] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                found.append((decodeEntities(String(value)), isImage))
                rest = rest[start.upperBound...]
            }
        }
        return found
    }

    static func decodeEntities(_ text: String) -> String {
        var out = text
        for (entity, character) in [("&amp;", "&"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    static let catalogue: CriteriaCatalogue = {
        var diagnostics = Diagnostics()
        guard case .success(let text) = SourceText.decode(Array(criteria.utf8), file: "kriterier.yml"),
              let catalogue = CriteriaCatalogue.load(text, diagnostics: &diagnostics) else {
            fatalError("the seed catalogue does not load: \(diagnostics.items)")
        }
        return catalogue
    }()

    static let seedMeasurement: PejlingKit.Measurement = {
        guard let measurement = Measurement.load(bytes: Array(measurement.utf8), file: "m.json").0 else {
            fatalError("the seed measurement does not load")
        }
        return measurement
    }()

    // MARK: The tests

    /// Runs `body` on `count` inputs made from `seed`, in a few parallel streams.
    static func fuzz(_ seed: String, count: Int, salt: UInt64, _ body: @escaping @Sendable ([UInt8], String) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            let streams = 4
            for stream in 0..<streams {
                group.addTask {
                    var random = Generator(state: salt &* 1_000_003 &+ UInt64(stream))
                    for index in stride(from: stream, to: count, by: streams) {
                        let input = random.chance(5)
                            ? (0..<random.below(400)).map { _ in UInt8(random.below(256)) }
                            : mutate(Array(seed.utf8), &random)
                        body(input, "case \(salt)/\(index)")
                    }
                }
            }
        }
    }

    @Test("reports: a value or an error, and safe HTML")
    func reports() async {
        await Self.fuzz(Self.analysis, count: 2_000, salt: 1) { bytes, context in
            var diagnostics = Diagnostics()
            switch SourceText.decode(bytes, file: "analyse.md") {
            case .failure(let diagnostic):
                #expect(diagnostic.severity == .error)
                Self.checkDiagnostics([diagnostic], file: "analyse.md", text: nil, context: context)
            case .success(let source):
                CPRScanner.check(source, diagnostics: &diagnostics)
                let report = Report.parse(source, kind: .analysis, diagnostics: &diagnostics)
                #expect(report != nil || diagnostics.hasErrors, "\(context): no report and no error")
                if var report {
                    report.measurement = Self.seedMeasurement
                    let figures = FigurePresenter(catalogue: Self.catalogue, analysis: Self.seedMeasurement, status: nil)
                    report.outline = ReportOutline.load(report, catalogue: Self.catalogue, diagnostics: &diagnostics)
                    let html = ReportRenderer(figures: figures).render(report)
                    Self.checkHTMLWithFigures(html.page, figures: figures, context: context)
                    Self.checkHTMLWithFigures(html.fragment, figures: figures, context: context)
                }
                Self.checkDiagnostics(diagnostics.items, file: "analyse.md", text: source.text, context: context)
            }
        }
    }

    /// The figures of a maaling block are the renderer's own HTML (with SVG): take each one
    /// out, exactly as the presenter makes it, then check the rest.
    static func checkHTMLWithFigures(_ html: String, figures: FigurePresenter, context: String) {
        var rest = html
        for bearing in figures.catalogue.bearingIDs {
            var occurrence = 1
            while true {
                let figure = figures.bearingHTML(bearing, in: .analysis, occurrence: occurrence)
                guard !figure.isEmpty, let range = rest.range(of: figure) else { break }
                rest.removeSubrange(range)
                occurrence += 1
            }
        }
        checkHTML(rest, context: context)
    }

    @Test("Markdown alone: any text renders to safe HTML")
    func markdown() async {
        await Self.fuzz(Self.analysis, count: 2_000, salt: 2) { bytes, context in
            let text = String(decoding: bytes, as: UTF8.self)
            let html = MarkdownRenderer().render(text)
            Self.checkHTML(html, context: context)
            #expect(!html.contains("raw HTML omitted"), "\(context): a trace of dropped HTML")
        }
    }

    @Test("kommune.yml, site.yml and kriterier.yml: a value or an error")
    func yamlFiles() async {
        await Self.fuzz(Self.municipality, count: 500, salt: 3) { bytes, context in
            Self.loadYAML(bytes, file: "kommune.yml", context: context) { source, diagnostics in
                Municipality.parse(source, slug: "x", diagnostics: &diagnostics) != nil
            }
        }
        await Self.fuzz(Self.site, count: 300, salt: 4) { bytes, context in
            Self.loadYAML(bytes, file: "site.yml", context: context) { source, diagnostics in
                SiteConfig.load(source, diagnostics: &diagnostics) != nil
            }
        }
        await Self.fuzz(Self.criteria, count: 400, salt: 5) { bytes, context in
            Self.loadYAML(bytes, file: "kriterier.yml", context: context) { source, diagnostics in
                CriteriaCatalogue.load(source, diagnostics: &diagnostics) != nil
            }
        }
    }

    static func loadYAML(_ bytes: [UInt8], file: String, context: String,
                         _ load: (SourceText, inout Diagnostics) -> Bool) {
        switch SourceText.decode(bytes, file: file) {
        case .failure(let diagnostic):
            checkDiagnostics([diagnostic], file: file, text: nil, context: context)
        case .success(let source):
            var diagnostics = Diagnostics()
            let loaded = load(source, &diagnostics)
            #expect(loaded || diagnostics.hasErrors, "\(context): no value and no error")
            checkDiagnostics(diagnostics.items, file: file, text: source.text, context: context)
        }
    }

    @Test("measurement files: a value or an error, every error located")
    func measurements() async {
        await Self.fuzz(Self.measurement, count: 2_000, salt: 6) { bytes, context in
            let (measurement, diagnostics) = Measurement.load(bytes: bytes, file: "m.json")
            #expect(measurement != nil || diagnostics.contains { $0.severity == .error }, "\(context): no value and no error")
            let text: String? = if case .success(let source) = SourceText.decode(bytes, file: "m.json") { source.text } else { nil }
            Self.checkDiagnostics(diagnostics, file: "m.json", text: text, context: context)
            if let measurement {
                _ = measurement.validate(knownCriteria: Self.catalogue.criterionIDs)
                for result in measurement.results {
                    #expect(result.opfyldt >= 0 && result.ikkeOpfyldt >= 0 && result.ikkeRelevant >= 0)
                    #expect(result.opfyldt + result.ikkeOpfyldt + result.ikkeRelevant == measurement.caseCount)
                }
            }
        }
    }

    @Test("the HTML check itself finds script, handlers and unsafe addresses")
    func checkerCatchesUnsafeHTML() {
        // Guards the guard: each of these must make checkHTML record an issue.
        for unsafe in ["<script>x</script>", "<p onclick=\"x\">a</p>", "<a href=\"javascript:x\">a</a>",
                       "<a href=\"&#106;avascript:x\">a</a>".replacingOccurrences(of: "&#106;", with: "j"),
                       "<img src=\"data:text/html,x\">"] {
            withKnownIssue {
                Self.checkHTML(unsafe, context: "known unsafe")
            }
        }
    }
}
