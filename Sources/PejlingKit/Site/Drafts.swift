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
        copy.municipalities = municipalities.compactMap { municipality in
            var municipality = municipality
            if municipality.analysis?.isDraft == true { return nil }
            if municipality.status?.isDraft == true { municipality.status = nil }
            return municipality
        }
        return copy
    }
}
