extension Municipality {
    /// The ids that the municipality page's templates give their own elements
    /// (Templates/kommune.mustache and partials/: the main content, the list of contents,
    /// the summary and each report's article and title). No heading takes one of them.
    /// `Tests/PejlingKitTests/Rendering/HeadingIDTests` checks every id of a rendered page against them.
    public static let fixedPageIDs: [String] = [
        "indhold", "indhold-titel", "sammenfatning-titel", "analyse", "analyse-titel", "status", "status-titel",
        // The fragment's wrapper (`pejling-indlejring` there, with the fragment's prefix).
        "indlejring",
    ]

    /// Gives every report heading an id that is unique on the page (analysis first, then the
    /// status report, the same whether or not drafts are shown, so that ids never move), and
    /// warns at each link to a place (`#id`) that the page does not have.
    ///
    /// A link counts only places on the page wherever the report is shown: the analysis
    /// is published without a draft status report, so its links into that report warn.
    ///
    /// ```swift
    /// municipality.assignHeadingIDs(diagnostics: &diagnostics)
    /// municipality.analysis?.outline.headings.first?.id  // "sammenfatning"
    /// ```
    public mutating func assignHeadingIDs(diagnostics: inout Diagnostics) {
        var ids = HeadingID.Allocator(taken: Set(Self.fixedPageIDs))
        // Figures' ids start with pejling-figur-<slug>- in every form of the page; a heading
        // whose id would begin so (on the page, or with the fragment's prefix) keeps clear.
        let figurePrefixes = ["figur-\(slug)", "pejling-figur-\(slug)"]
        func unique(_ base: String) -> String {
            let clear = figurePrefixes.contains { base == $0 || base.hasPrefix($0 + "-") } ? "afsnit-" + base : base
            return ids.unique(clear)
        }
        if var report = analysis {
            for index in report.outline.headings.indices { report.outline.headings[index].id = unique(report.outline.headings[index].id) }
            analysis = report
        }
        if var report = status {
            for index in report.outline.headings.indices { report.outline.headings[index].id = unique(report.outline.headings[index].id) }
            status = report
        }
        for report in reports {
            checkAnchors(of: report, diagnostics: &diagnostics)
        }
    }

    /// Warns at each link in `report` to an id that is not on every page showing it.
    func checkAnchors(of report: Report, diagnostics: inout Diagnostics) {
        guard !report.outline.anchors.isEmpty else { return }
        // The reports on the page wherever `report` is: a draft status report is left out
        // without --drafts, while the analysis is always there with a status report.
        let shownWith = reports.filter { other in
            other.kind == report.kind || report.kind == .status || report.isDraft || !other.isDraft
        }
        var present: Set<String> = ["indhold-titel"]
        for other in shownWith {
            present.insert(other.kind.rawValue)
            present.insert(other.kind.rawValue + "-titel")
            for heading in other.outline.headings { present.insert(heading.id) }
        }
        if shownWith.contains(where: { $0.measurement != nil }) { present.insert("sammenfatning-titel") }
        let elsewhere = Set(reports.flatMap { $0.outline.headings.map(\.id) })
        for anchor in report.outline.anchors where !present.contains(anchor.target) {
            let guess = HeadingID.base(anchor.target)
            let hint: String
            if elsewhere.contains(anchor.target) {
                hint = "overskriften står i status.md, som er en kladde: den er ikke på siden, før kladden udgives"
            } else if present.contains(guess) {
                hint = "mente du #\(guess)? En overskrifts id er dens tekst med små bogstaver og - mellem ordene"
            } else {
                hint = "en overskrifts id er dens tekst med små bogstaver, æ, ø og å skrevet ae, oe og aa, og - mellem ordene"
            }
            diagnostics.warning("linket går til #\(anchor.target), men siden har ikke det id", at: anchor.location, hint: hint)
        }
    }
}
