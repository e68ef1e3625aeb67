import Testing
@testable import PejlingKit

/// Loading a report's text: dropped HTML and links are warnings at their place, headings get
/// ids that are unique on the page, and links to places on the page are checked.
@Suite("Report text: what loading reports and the ids it gives")
struct ReportOutlineTests {
    /// A report whose body starts on line 5 of analyse.md (after four lines of front matter).
    static func report(_ body: String, kind: ReportKind = .analysis, isDraft: Bool = false) -> Report {
        Report(kind: kind, title: "T", date: ISODate(kind == .analysis ? "2024-01-01" : "2026-01-01")!, isDraft: isDraft,
               body: body, bodyLocation: SourceLocation(file: kind.fileName, line: 5, column: 1))
    }

    static func load(_ body: String) -> (ReportOutline, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let outline = ReportOutline.load(report(body), catalogue: nil, diagnostics: &diagnostics)
        return (outline, diagnostics.items)
    }

    /// A municipality with both reports loaded and ids assigned.
    static func municipality(analysis: String, status: String? = nil, statusIsDraft: Bool = false)
        -> (Municipality, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var analysisReport = report(analysis)
        analysisReport.outline = ReportOutline.load(analysisReport, catalogue: nil, diagnostics: &diagnostics)
        var statusReport = status.map { report($0, kind: .status, isDraft: statusIsDraft) }
        if let loaded = statusReport {
            statusReport?.outline = ReportOutline.load(loaded, catalogue: nil, diagnostics: &diagnostics)
        }
        var municipality = Municipality(slug: "egelund", code: nil, name: "Egelund", homepage: nil, isExample: true,
                                        analysis: analysisReport, status: statusReport,
                                        location: SourceLocation(file: "kommune.yml"))
        municipality.assignHeadingIDs(diagnostics: &diagnostics)
        return (municipality, diagnostics.items)
    }

    @Test("the issue's sentence: each dropped thing is a warning at its line and column")
    func issueSentence() {
        let (_, diagnostics) = Self.load("""
            Intro.

            Jens Hansen<br>Task Forcen, se <a href="https://socialstyrelsen.dk">Socialstyrelsen</a> og [klik](javascript:alert(1)).
            """)
        #expect(diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(diagnostics.map(\.location.description) == ["analyse.md:7:12", "analyse.md:7:32", "analyse.md:7:92"])
        #expect(diagnostics[0].message.contains("'<br>'"))
        #expect(diagnostics[0].message.contains("linjeskift"))
        #expect(diagnostics[1].message == "rå HTML vises ikke på siden og er fjernet: '<a href=\"https://socialstyrelsen.dk\">'")
        #expect(diagnostics[2].message.contains("javascript:alert(1)"))
        #expect(diagnostics[2].hint?.contains("kode") == true)
    }

    @Test("columns count characters, not bytes (æ, ø, å before the tag)")
    func columnsInCharacters() {
        let (_, diagnostics) = Self.load("Bøger på Ærø <b>fed</b>\n")
        #expect(diagnostics.map(\.location.description) == ["analyse.md:5:14"])
    }

    @Test("an HTML block, a comment and a tag in a block quote are each reported where they start")
    func blocksAndComments() {
        let (_, diagnostics) = Self.load("""
            # Overskrift

            <div class="boks">
            Tekst i boksen
            </div>

            <!-- note til mig selv -->

            > citat med <span>span</span>
            """)
        #expect(diagnostics.map(\.location.description) == ["analyse.md:7:1", "analyse.md:11:1", "analyse.md:13:13"])
        #expect(diagnostics[0].message == "rå HTML vises ikke på siden og er fjernet: '<div class=\"boks\"> …'")
        #expect(diagnostics[1].message.contains("HTML-kommentar"))
        #expect(diagnostics[2].message.hasSuffix("'<span>'"))
    }

    @Test("each refused address is a warning with a reason; safe ones and data: images are not", arguments: [
        ("[a](javascript:x)", "javascript:"), ("[a](VBScript:x)", "vbscript:"), ("[a](file:///C:/rapport.docx)", "file:"),
        ("[a](data:text/html,x)", "data:"), ("![a](data:image/svg+xml,x)", "data:"), ("[a](ftp://x.dk)", "http, https"),
    ])
    func refusedLinks(markdown: String, reason: String) {
        let (_, diagnostics) = Self.load("Tekst " + markdown + "\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.description == "analyse.md:5:7")
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.hint?.contains(reason) == true, "\(diagnostics)")
    }

    @Test("an autolink in a list item or a block quote is placed where it is written")
    func autolinkColumns() {
        let (_, diagnostics) = Self.load("- <javascript:alert(1)>\n\n> x <vbscript:y>\n")
        #expect(diagnostics.map(\.location.description) == ["analyse.md:5:3", "analyse.md:7:5"])
    }

    @Test("safe addresses give no warning")
    func safeLinks() {
        let (_, diagnostics) = Self.load("[a](https://x.dk) [b](mailto:a@b.dk) [c](tel:+45) [d](../x) ![e](data:image/png;base64,AA==)\n")
        #expect(diagnostics.isEmpty)
    }

    @Test("heading ids: lower case, æ ø å spelled out, accents dropped, runs of anything else one dash", arguments: [
        ("Bilag 2: Datagrundlag og metode", "bilag-2-datagrundlag-og-metode"),
        ("Børn og unge på Ærø", "boern-og-unge-paa-aeroe"), ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
        ("Café – résumé & naïve", "cafe-resume-naive"), ("  --Foo__bar!!  ", "foo-bar"), ("§ 50-undersøgelser", "50-undersoegelser"),
        ("Straße", "strasse"), ("???", "afsnit"), ("2015", "2015"),
    ])
    func headingIDBase(text: String, id: String) {
        #expect(HeadingID.base(text) == id)
    }

    @Test("ids are unique on the page: repeats get -2, -3, and the page's own ids are never taken")
    func uniqueIDs() {
        let (municipality, diagnostics) = Self.municipality(
            analysis: "# Sammenfatning\n\n## Sammenfatning\n\n# Status\n\n# Indhold\n\n# Sammenfatning 2\n",
            status: "# Sammenfatning\n\n# Øvrige forhold\n")
        #expect(diagnostics.isEmpty)
        #expect(municipality.analysis?.outline.headings.map(\.id)
                == ["sammenfatning", "sammenfatning-2", "status-2", "indhold-2", "sammenfatning-2-2"])
        #expect(municipality.status?.outline.headings.map(\.id) == ["sammenfatning-3", "oevrige-forhold"])
    }

    @Test("a heading never takes a figure's id, on the page or in the fragment")
    func clearOfFigureIDs() {
        let (municipality, _) = Self.municipality(analysis: "# Figur Egelund analyse\n\n# Pejling figur Egelund\n\n# Figur 1\n")
        #expect(municipality.analysis?.outline.headings.map(\.id)
                == ["afsnit-figur-egelund-analyse", "afsnit-pejling-figur-egelund", "figur-1"])
    }

    @Test("links to places on the page: headings in either report and the page's own ids are fine")
    func goodAnchors() {
        let (_, diagnostics) = Self.municipality(
            analysis: "# Bilag 2: Datagrundlag og metode\n\nSe [bilag 2](#bilag-2-datagrundlag-og-metode), [status](#status), "
                + "[vurdering](#vurdering-af-aeroe), [toppen](#top) og [siden](#).\n",
            status: "# Vurdering af Ærø\n\nSe [analysen](#analyse-titel) og [bilag](#bilag-2-datagrundlag-og-metode).\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("a link to an id the page does not have is a warning at the link, with a suggestion")
    func missingAnchor() {
        let (_, diagnostics) = Self.municipality(analysis: "# Bilag 2: Metode\n\nSe [bilag](#Bilag-2-Metode) og [x](#findes-ikke).\n")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.location.description) == ["analyse.md:7:4", "analyse.md:7:32"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics[0].message == "linket går til #Bilag-2-Metode, men siden har ikke det id")
        #expect(diagnostics[0].hint?.contains("#bilag-2-metode") == true)
        #expect(diagnostics[1].message.contains("#findes-ikke"))
    }

    @Test("a link written with æ, ø, å is told the id")
    func anchorWithDanishLetters() {
        let (_, diagnostics) = Self.municipality(analysis: "# Børn på Ærø\n\n[her](#børn-på-ærø)\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hint?.contains("#boern-paa-aeroe") == true)
    }

    @Test("the analysis is published without a draft status report: its links into that report warn")
    func anchorIntoDraft() {
        let analysis = "Se [vurderingen](#vurdering).\n"
        let (_, published) = Self.municipality(analysis: analysis, status: "# Vurdering\n")
        #expect(published.isEmpty)
        let (_, draft) = Self.municipality(analysis: analysis, status: "# Vurdering\n", statusIsDraft: true)
        #expect(draft.count == 1)
        #expect(draft.first?.hint?.contains("kladde") == true)
    }

    @Test("the summary's id counts only when a report has a measurement")
    func summaryAnchor() {
        let (_, diagnostics) = Self.municipality(analysis: "[tal](#sammenfatning-titel)\n")
        #expect(diagnostics.count == 1)
    }
}
