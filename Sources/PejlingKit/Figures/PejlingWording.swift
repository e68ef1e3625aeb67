/// The words that explain a status measurement: it is a *pejling*, a bearing on whether
/// the municipality is on the right track, taken on a small sample some 1½–2 years into
/// work that goes on, and not a final measurement.
///
/// The explanation itself is the template `partials/pejling.mustache`; this gives it the
/// figures it names.
///
/// ```swift
/// let wording = PejlingWording(analysis: a, status: s)
/// wording.context   // ["antal_sager": "20", "maaned": "december 2025", "afstand": "1 år og 8 måneder"]
/// ```
struct PejlingWording: Sendable, Hashable {
    public let analysis: Measurement?
    public let status: Measurement

    public init(analysis: Measurement?, status: Measurement) {
        self.analysis = analysis
        self.status = status
    }

    /// Words that must never label a status measurement: it is not a final measurement and
    /// its shares are not final error rates. Pages use them only in a sentence that says so.
    ///
    /// ```swift
    /// PejlingWording.forbiddenLabels   // ["slutmåling", "fejlprocent"]
    /// ```
    public static let forbiddenLabels = ["slutmåling", "fejlprocent"]

    /// The month of the status measurement: `december 2025`.
    public var month: String {
        let names = DanishFormat.monthNames
        let name = names.indices.contains(status.date.month - 1) ? names[status.date.month - 1] : String(status.date.month)
        return "\(name) \(status.date.year)"
    }

    /// Whole months from the analysis's measurement to the status measurement; `nil` without
    /// an analysis measurement.
    public var months: Int? {
        guard let analysis else { return nil }
        var months = (status.date.year - analysis.date.year) * 12 + (status.date.month - analysis.date.month)
        if status.date.day < analysis.date.day { months -= 1 }
        return Swift.max(0, months)
    }

    /// The time between the two measurements in words: `9 måneder`, `1 år`, `1 år og 8 måneder`.
    ///
    /// ```swift
    /// PejlingWording.duration(months: 20)   // "1 år og 8 måneder"
    /// ```
    public static func duration(months: Int) -> String {
        func monthsText(_ n: Int) -> String { "\(DanishFormat.integer(n)) \(n == 1 ? "måned" : "måneder")" }
        guard months >= 12 else { return monthsText(months) }
        let years = "\(DanishFormat.integer(months / 12)) år"
        return months % 12 == 0 ? years : years + " og " + monthsText(months % 12)
    }

    /// The values `partials/pejling.mustache` uses.
    public var context: [String: String] {
        var context = [
            "antal_sager": DanishFormat.integer(status.caseCount),
            "sager": status.caseCount == 1 ? "sag" : "sager",
            "maaned": month,
        ]
        if let months { context["afstand"] = Self.duration(months: months) }
        return context
    }
}
