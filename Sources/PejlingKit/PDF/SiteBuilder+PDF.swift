/// One municipality's PDF on request, for `serve`.
extension SiteBuilder {
    /// Loads the content and renders the PDF report of the municipality `slug` (drafts as the
    /// options say), without writing anything; nil with the diagnostics that say why when it
    /// cannot be made.
    ///
    /// ```swift
    /// let (pdf, diagnostics) = SiteBuilder(options: options).renderPDF(of: "egelund")
    /// ```
    public func renderPDF(of slug: String) -> (pdf: [UInt8]?, diagnostics: Diagnostics) {
        var options = self.options
        options.pdf = true
        options.only = [slug]
        let sink = MemorySink()
        let result = SiteBuilder(options: options).render(into: sink, pagesOf: [slug], memory: nil)
        let pdf = sink.files["\(slug)/\(slug).pdf"]
        return (result.failed ? nil : pdf, result.diagnostics)
    }
}
