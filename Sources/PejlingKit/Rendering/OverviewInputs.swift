/// Everything the overview page is made from: the same inputs give the same page, so `serve`
/// can keep the page while they stay the same, and a rebuild can take it over from the
/// previous output (at 10,000 municipalities the overview is most of a one-file rebuild).
///
/// The listed municipalities count by ``OverviewPage/rowsFingerprint(of:)``: every value the
/// template gets for them, so that nothing the page shows can change unseen.
///
/// ```swift
/// pages.overviewInputs(of: shown) == kept   // true: the kept overview is still right
/// ```
public struct OverviewInputs: Equatable, Sendable {
    var templates: UInt64
    var config: SiteConfig
    var rows: UInt64

    /// The fingerprint a build keeps in its manifest: the rows, with `shared` (the fingerprint
    /// of the templates, site.yml, the options and pejling itself, ``InputFingerprints/shared``).
    func key(shared: UInt64) -> String {
        BuildManifest.hex(StableHash.hash(withUnsafeBytes(of: rows.littleEndian) { Array($0) }, seed: shared))
    }
}
