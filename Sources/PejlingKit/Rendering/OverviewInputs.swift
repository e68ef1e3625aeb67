/// Everything the overview page is made from: the same inputs give the same page, so `serve`
/// can keep the page while they stay the same (at 10,000 municipalities the overview is most
/// of a one-file rebuild).
public struct OverviewInputs: Equatable, Sendable {
    var templates: UInt64
    var config: SiteConfig
    var municipalities: [Municipality]
}
