/// What loading one municipality folder gave: the municipality (nil when kommune.yml failed),
/// every problem found, a fingerprint of each file read, and the summary that stays in memory
/// for the overview and the checks across municipalities. `serve` keeps these between builds
/// (``BuildMemory``).
public struct MunicipalityLoad: Sendable {
    /// Fixed, so that ``summary`` always matches it.
    let municipality: Municipality?
    var diagnostics: Diagnostics
    var fingerprints: [String: UInt64]
    /// The municipality's ``Municipality/summary``, made once with the load: `serve` keeps
    /// loads between builds, and 10,000 summaries made again on every save cost time.
    let summary: Municipality?

    init(municipality: Municipality?, diagnostics: Diagnostics, fingerprints: [String: UInt64]) {
        self.municipality = municipality
        self.diagnostics = diagnostics
        self.fingerprints = fingerprints
        summary = municipality?.summary
    }
}
