/// One criterion's figures for a municipality: its result in the analysis's case review,
/// in the pejling, and the comparison when both have relevant cases.
///
/// ```swift
/// let figures = MunicipalityFigures(catalogue: catalogue, analysis: a, status: s)
/// let row = figures.rows[0]
/// row.analysisShare?.fraction   // 0.1666…  (3 af 18)
/// row.comparison?.verdict       // .largerThanChance
/// ```
struct CriterionFigures: Sendable, Hashable {
    public let criterion: Criterion
    /// The result in the analysis's measurement; `nil` when it did not measure the criterion.
    public let analysis: CriterionResult?
    /// The result in the status measurement; `nil` when it did not measure the criterion.
    public let status: CriterionResult?
    /// Present when both measurements had at least one relevant case.
    public let comparison: Comparison?

    public init(criterion: Criterion, analysis: CriterionResult?, analysisDate: ISODate?,
                status: CriterionResult?, statusDate: ISODate?) {
        self.criterion = criterion
        self.analysis = analysis
        self.status = status
        if let a = analysis.flatMap(Self.share), let s = status.flatMap(Self.share),
           let from = analysisDate, let to = statusDate {
            comparison = Comparison(criterionID: criterion.id, from: a, fromDate: from, to: s, toDate: to)
        } else {
            comparison = nil
        }
    }

    /// The result's share, `nil` when there was no relevant case.
    ///
    /// ```swift
    /// CriterionFigures.share(of: result)   // 6 af 17, or nil for 0 af 0
    /// ```
    public static func share(of result: CriterionResult) -> Share? {
        guard let share = Share(opfyldt: result.opfyldt, ikkeOpfyldt: result.ikkeOpfyldt), share.relevante > 0 else {
            return nil
        }
        return share
    }

    public var analysisShare: Share? { analysis.flatMap(Self.share) }
    public var statusShare: Share? { status.flatMap(Self.share) }

    /// Why there is no comparison, in plain Danish; `nil` when there is one.
    ///
    /// ```swift
    /// row.missingComparisonReason   // "Kan ikke sammenlignes: ingen relevante sager i pejlingen"
    /// ```
    public var missingComparisonReason: String? {
        guard comparison == nil else { return nil }
        switch (analysis, status) {
        case (nil, nil): return "Ikke målt"
        case (nil, _): return "Kan ikke sammenlignes: kriteriet indgik ikke i analysen"
        case (_, nil): return "Kan ikke sammenlignes: kriteriet indgik ikke i pejlingen"
        default:
            switch (analysisShare == nil, statusShare == nil) {
            case (true, true): return "Kan ikke sammenlignes: ingen relevante sager i nogen af målingerne"
            case (true, false): return "Kan ikke sammenlignes: ingen relevante sager i analysen"
            case (false, true): return "Kan ikke sammenlignes: ingen relevante sager i pejlingen"
            case (false, false):
                // Only figures made by hand get here: loading refuses such counts.
                return "Kan ikke sammenlignes: mere end \(DanishFormat.integer(FisherExactTest.maximumCount)) relevante sager"
            }
        }
    }
}

/// Every figure of a municipality, computed once from its measurement files: pages,
/// charts, data.json and data.csv all read from here, so they never disagree.
///
/// Rows follow the catalogue's order and hold every criterion that either measurement has.
///
/// ```swift
/// let figures = MunicipalityFigures(catalogue: catalogue, analysis: a, status: s)
/// figures.rows(in: "faglig-udredning").map(\.criterion.id)
/// figures.comparisons.count
/// ```
struct MunicipalityFigures: Sendable, Hashable {
    public let catalogue: CriteriaCatalogue
    /// The analysis's case review, when there is one.
    public let analysis: Measurement?
    /// The status report's measurement (the pejling), when there is one.
    public let status: Measurement?
    public let rows: [CriterionFigures]

    public init(catalogue: CriteriaCatalogue, analysis: Measurement?, status: Measurement?) {
        self.catalogue = catalogue
        self.analysis = analysis
        self.status = status
        rows = catalogue.criteria.compactMap { criterion in
            let a = analysis?.result(for: criterion.id)
            let s = status?.result(for: criterion.id)
            guard a != nil || s != nil else { return nil }
            return CriterionFigures(criterion: criterion, analysis: a, analysisDate: analysis?.date,
                                    status: s, statusDate: status?.date)
        }
    }

    /// The rows of one pejlemærke.
    public func rows(in bearingID: String) -> [CriterionFigures] {
        rows.filter { $0.criterion.bearingID == bearingID }
    }

    /// Whether there are two measurements to compare.
    public var hasBothMeasurements: Bool { analysis != nil && status != nil }

    /// One comparison per criterion that both measured with at least one relevant case each.
    public var comparisons: [Comparison] { rows.compactMap(\.comparison) }

    /// The pejlemærker that have at least one row, in catalogue order.
    public var bearings: [Bearing] {
        catalogue.bearings.filter { bearing in rows.contains { $0.criterion.bearingID == bearing.id } }
    }
}
