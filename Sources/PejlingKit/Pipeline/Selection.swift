extension Municipality {
    /// The municipality as a build shows it: without `--drafts`, draft reports are left out,
    /// and so is a municipality whose analysis is a draft (it has nothing to publish yet);
    /// nil when it has nothing to publish.
    ///
    /// ```swift
    /// let shown = municipality.published(includeDrafts: options.includeDrafts)
    /// ```
    public func published(includeDrafts: Bool) -> Municipality? {
        guard !includeDrafts else { return self }
        if analysis?.isDraft == true { return nil }
        var copy = self
        if status?.isDraft == true { copy.status = nil }
        return copy
    }

    /// What the overview and the checks across municipalities need, without report texts and
    /// measurements, so that a build of many municipalities holds only this much of each.
    var summary: Municipality {
        func stripped(_ report: Report?) -> Report? {
            guard var report else { return nil }
            report.body = ""
            report.measurement = nil
            report.outline = ReportOutline()
            return report
        }
        var copy = self
        copy.analysis = stripped(analysis)
        copy.status = stripped(status)
        return copy
    }

    /// Whether `--only` selectors (slugs or codes) name this municipality; all do when there are none.
    func isSelected(by selectors: [String]) -> Bool {
        selectors.isEmpty || selectors.contains { $0 == slug || (Int($0) != nil && Int($0) == code) }
    }

    /// An error for each `--only` selector that names no municipality in `municipalities`
    /// (those the build shows); one that names a municipality of `drafts` (loaded, but left
    /// out because its analysis is a draft) says so, and that `--drafts` includes it.
    static func reportUnknownSelectors(_ selectors: [String], among municipalities: [Municipality],
                                       drafts: [Municipality] = [], diagnostics: inout Diagnostics) {
        for selector in selectors where !municipalities.contains(where: { $0.isSelected(by: [selector]) }) {
            if let draft = drafts.first(where: { $0.isSelected(by: [selector]) }) {
                diagnostics.error("--only \(selector): \(draft.name) (kommuner/\(draft.slug)) er en kladde og kommer kun med, "
                                  + "når kladder tages med",
                                  at: SourceLocation(file: "--only"),
                                  hint: "tilføj --drafts, eller fjern 'kladde: true' fra analyse.md, når rapporten er klar")
            } else {
                diagnostics.error("--only \(selector): indholdet har ingen kommune med det navn (slug) eller den kode",
                                  at: SourceLocation(file: "--only"))
            }
        }
    }
}
