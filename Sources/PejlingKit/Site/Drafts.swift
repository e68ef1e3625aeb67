extension SiteContent {
    /// The content as a build shows it: without `--drafts`, draft reports are left out,
    /// and so is a municipality whose analysis is a draft (it has nothing to publish yet).
    ///
    /// ```swift
    /// let published = content.applyingDrafts(include: options.includeDrafts)
    /// ```
    public func applyingDrafts(include: Bool) -> SiteContent {
        guard !include else { return self }
        var copy = self
        copy.municipalities = municipalities.compactMap { $0.published(includeDrafts: false) }
        return copy
    }
}

extension Municipality {
    /// The municipality as a build shows it (see ``SiteContent/applyingDrafts(include:)``);
    /// nil when it has nothing to publish.
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
}
