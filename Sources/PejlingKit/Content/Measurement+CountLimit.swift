extension Measurement {
    /// The largest count a measurement may hold (`antal_sager` and every result's counts):
    /// up to it every figure is computed exactly, and a larger count is an error naming it.
    ///
    /// ```swift
    /// Measurement.maximumCount   // 100_000
    /// ```
    public static let maximumCount = FisherExactTest.maximumCount

    /// The error for a count above ``maximumCount``, at the count's place; `nil` for a count
    /// within it. Every reader of measurements (JSON files, spreadsheets) checks its counts
    /// with it.
    ///
    /// ```swift
    /// Measurement.countLimitError("antal_sager", 1_500_000_000, at: location)
    /// // error: 'antal_sager' er 1.500.000.000, men en måling kan højst have 100.000 sager
    /// Measurement.countLimitError("opfyldt", 100_000, at: location)   // nil
    /// ```
    public static func countLimitError(_ name: String, _ count: Int, at location: SourceLocation) -> Diagnostic? {
        guard count > maximumCount else { return nil }
        return .error(
            "'\(name)' er \(DanishFormat.integer(count)), men en måling kan højst have \(DanishFormat.integer(maximumCount)) sager",
            at: location,
            hint: "pejling regner tallene nøjagtigt ud for op til \(DanishFormat.integer(maximumCount)) sager; tjek, om tallet er skrevet rigtigt"
        )
    }

    /// Every count in a parsed measurement file above ``maximumCount``, each at its value:
    /// `antal_sager` and each result's `opfyldt`, `ikke_opfyldt` and `ikke_relevant` (the
    /// first of a repeated key, as the loader reads it). Other problems with a count are
    /// the loader's.
    static func countLimitErrors(in root: JSONNode, file: String) -> [Diagnostic] {
        func check(_ node: JSONNode?, _ name: String) -> Diagnostic? {
            guard let node, case .number(let number) = node.value, let count = number.intValue else { return nil }
            return countLimitError(name, count, at: node.location(in: file))
        }
        var errors = [check(root["antal_sager"], "antal_sager")].compactMap { $0 }
        if case .array(let results)? = root["resultater"]?.value {
            for result in results {
                errors += ["opfyldt", "ikke_opfyldt", "ikke_relevant"].compactMap { check(result[$0], $0) }
            }
        }
        return errors
    }
}
