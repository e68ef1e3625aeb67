import Foundation

/// The HTML that becomes a municipality's PDF: the `pdf` template (a cover, a table of
/// contents, the summary and both reports, through the same partials as the pages) with
/// the site's stylesheet and the print stylesheet `pdf/pdf.css` inline, so that the
/// engine needs nothing but this one document.
///
/// ```swift
/// let html = PrintDocument(content: content, municipality: municipality, templates: templates,
///                          assets: assets, printStylesheet: css).render()
/// ```
struct PrintDocument {
    let content: SiteContent
    let municipality: Municipality
    let templates: TemplateSet
    let assets: SiteAssets
    /// The text of `Templates/pdf/pdf.css`.
    let printStylesheet: String

    /// The template that lays out the PDF, and its stylesheet, relative to the templates folder.
    static let templateName = "pdf"
    static let stylesheetPath = "pdf/pdf.css"

    /// The document. The municipality was checked when it loaded: rendering finds no problems.
    func render() -> String {
        let slug = municipality.slug
        let figures = FigurePresenter(catalogue: content.catalogue, analysis: municipality.analysis?.measurement,
                                      status: municipality.status?.measurement,
                                      idPrefix: "\(MunicipalityPage.fragmentIDPrefix)figur-\(slug)")
        let reportRenderer = ReportRenderer(figures: figures)
        var contents: [[String: Any]] = []
        let summary = figures.summaryHTML()
        if !summary.isEmpty {
            contents.append(["titel": PreparedText("Målingerne i overblik"), "id": "sammenfatning-titel", "niveau": 1])
        }
        let reports: [[String: Any]] = municipality.reports.enumerated().map { index, report in
            var context = PageContext.reportSummary(report)
            let (html, headings) = Self.numberHeadings(
                reportRenderer.render(report).page,
                prefix: "pdf-\(report.kind.rawValue)-afsnit-")
            context["html"] = PreparedText(html)
            if report.kind == .status, let measurement = report.measurement {
                context["pejling"] = PejlingWording(analysis: municipality.analysis?.measurement, status: measurement).context
            }
            let kindName = context["typenavn"] as? String ?? ""
            contents.append(["titel": PreparedText(HTML.escape("\(kindName): \(report.title)")),
                             "id": "\(report.kind.rawValue)-titel", "niveau": 1])
            for heading in headings {
                contents.append(["titel": PreparedText(heading.text), "id": heading.id, "niveau": heading.level])
            }
            return context
        }
        let links = PageLinks(baseURL: content.config.baseURL, slug: slug)
        var context = PageContext.municipalityPage(municipality, config: content.config, reports: reports)
        context["rod"] = ""
        context["indhold"] = contents.map { entry in
            var entry = entry
            entry["niveau\(entry["niveau"] as? Int ?? 1)"] = true
            return entry
        }
        context["inline_css"] = assets.preparedStylesheet
        context["pdf_css"] = PreparedText(printStylesheet)
        if !summary.isEmpty { context["sammenfatning"] = PreparedText(summary) }
        if let base = links.canonicalFolderPage { context["adresse"] = base }
        return templates.render(context, template: Self.templateName)
    }

    /// A heading of a report, as the table of contents lists it (`titel` is HTML, shown
    /// with `{{{titel}}}`).
    struct Heading: Equatable {
        var id: String
        /// The heading's text as HTML (tags inside it removed).
        var text: String
        /// 2 for a report's `#` heading (`h2`), 3 for `##`.
        var level: Int
    }

    /// Gives every `h2` and `h3` of a report an id when it has none (`<prefix>1`, …), so
    /// that the contents can link it and show its page, and lists them. The report's HTML
    /// comes from libcmark, which writes such headings as `<h2>` or with attributes that
    /// pejling put there; raw HTML from content never reaches it.
    ///
    /// ```swift
    /// PrintDocument.numberHeadings("<h2>Metode</h2>", prefix: "a-")
    /// // ("<h2 id=\"a-1\">Metode</h2>", [Heading(id: "a-1", text: "Metode", level: 2)])
    /// ```
    static func numberHeadings(_ html: String, prefix: String) -> (String, [Heading]) {
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var headings: [Heading] = []
        var rest = Substring(html)
        var counter = 0
        while let open = rest.range(of: "<h") {
            let afterH = rest[open.upperBound...]
            guard let digit = afterH.first, digit == "2" || digit == "3",
                  let tagEnd = afterH.firstIndex(of: ">") else {
                output += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let attributes = afterH[afterH.index(after: afterH.startIndex)..<tagEnd]
            guard attributes.isEmpty || attributes.first == " ",
                  let close = afterH[tagEnd...].range(of: "</h\(digit)>") else {
                output += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let inner = afterH[afterH.index(after: tagEnd)..<close.lowerBound]
            var id = Self.attribute("id", in: attributes)
            var tag = "<h\(digit)\(attributes)>"
            if id == nil {
                counter += 1
                id = prefix + String(counter)
                tag = "<h\(digit) id=\"\(prefix)\(counter)\"\(attributes)>"
            }
            output += rest[..<open.lowerBound]
            output += tag
            output += inner
            output += "</h\(digit)>"
            headings.append(Heading(id: id ?? "", text: Self.removingTags(inner), level: digit == "2" ? 2 : 3))
            rest = afterH[close.upperBound...]
        }
        output += rest
        return (output, headings)
    }

    static func attribute(_ name: String, in attributes: Substring) -> String? {
        guard let start = attributes.range(of: " \(name)=\"") else { return nil }
        let value = attributes[start.upperBound...]
        guard let end = value.firstIndex(of: "\"") else { return nil }
        return String(value[..<end])
    }

    static func removingTags(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text
    }
}
