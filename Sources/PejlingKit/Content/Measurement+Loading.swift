extension Measurement {
    /// The number of cases in the Task Force's case reviews; any other count is a warning.
    public static let expectedCaseCount = 20

    /// The keys of a measurement file. `$schema` is allowed so that editors can find the
    /// JSON Schema; it is not used otherwise.
    public static let topLevelKeys = ["type", "dato", "antal_sager", "resultater"]
    /// The keys of one object in `resultater`.
    public static let resultKeys = ["kriterium", "opfyldt", "ikke_opfyldt", "ikke_relevant"]

    /// Parses and checks a measurement file: everything that needs no outside knowledge
    /// (criterion ids are checked against the catalogue by ``validate(knownCriteria:)``).
    ///
    /// Every problem is reported, not only the first, each at the line and column of the
    /// offending value (or key, or of the object that lacks a key). The measurement is
    /// returned when there is no error; warnings (an empty `resultater`, `antal_sager`
    /// other than 20) do not stop it. Diagnostics come sorted by position.
    ///
    /// ```swift
    /// let (measurement, diagnostics) = Measurement.load(
    ///     bytes: Array(#"{"type": "sagsgennemgang", "dato": "2015-04-01", "antal_sager": 20, "resultater": []}"#.utf8),
    ///     file: "maalinger/2015.json"
    /// )
    /// measurement?.date   // 2015-04-01
    /// diagnostics          // [maalinger/2015.json:1:83: warning: 'resultater' is empty ...]
    /// ```
    public static func load(bytes: [UInt8], file: String) -> (Measurement?, [Diagnostic]) {
        let (root, parseDiagnostics) = JSONParser.parse(bytes, file: file)
        guard let root else { return (nil, parseDiagnostics.sorted()) }
        var reader = MeasurementReader(file: file, diagnostics: parseDiagnostics)
        let measurement = reader.read(root)
        let diagnostics = reader.diagnostics + countLimitErrors(in: root, file: file)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : measurement, diagnostics.sorted())
    }

    /// Checks the criterion ids against the catalogue's: every unknown id is an error at
    /// its `kriterium` value, with a hint naming close ids, if any.
    ///
    /// ```swift
    /// measurement.validate(knownCriteria: ["undersoegelse-rettidig"])
    /// // [...:6:20: error: unknown criterion 'undersoegelse-retidig' (hint: did you mean 'undersoegelse-rettidig'?)]
    /// ```
    public func validate(knownCriteria: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sortedKnown = knownCriteria.sorted()
        for result in results where !knownCriteria.contains(result.criterionID) {
            let hint: String?
            if knownCriteria.isEmpty {
                hint = "the criteria catalogue (kriterier.yml) defines no criteria"
            } else {
                hint = Measurement.didYouMean(result.criterionID, among: sortedKnown)
            }
            diagnostics.append(.error(
                "unknown criterion '\(result.criterionID)'",
                at: result.criterionLocation,
                hint: hint
            ))
        }
        return diagnostics.sorted()
    }

    // MARK: Suggestions

    /// `did you mean 'a'?` / `did you mean 'a', 'b' or 'c'?` for the candidates closest to
    /// `word`, or `nil` when none is close.
    static func didYouMean(_ word: String, among candidates: [String]) -> String? {
        let close = closeMatches(for: word, among: candidates)
        guard !close.isEmpty else { return nil }
        let quoted = close.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        return "did you mean \(list)?"
    }

    /// Up to `limit` candidates within a small edit distance of `word` (case ignored),
    /// or containing it, closest first.
    static func closeMatches(for word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return [] }
        let allowed = max(2, target.count / 4)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(target, other, limit: allowed)
            if distance <= allowed {
                scored.append((distance, candidate))
            } else if target.count >= 4, candidate.lowercased().contains(word.lowercased()) || word.lowercased().contains(candidate.lowercased()) {
                scored.append((allowed + 1, candidate))
            }
        }
        scored.sort { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Levenshtein distance, or a value above `limit` as soon as it must exceed it.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Reads a parsed measurement file, collecting every problem.
private struct MeasurementReader {
    let file: String
    var diagnostics: [Diagnostic]

    mutating func error(_ message: String, at node: JSONNode, hint: String? = nil) {
        diagnostics.append(.error(message, at: node.location(in: file), hint: hint))
    }

    mutating func read(_ root: JSONNode) -> Measurement? {
        guard case .object(let members) = root.value else {
            error("a measurement file must hold a JSON object, not \(article(root.value.typeName))", at: root)
            return nil
        }
        var kind: MeasurementKind?
        var kindNode: JSONNode?
        var date: ISODate?
        var dateNode: JSONNode?
        var caseCount: Int?
        var resultsNode: JSONNode?
        var seen = Set<String>()

        for member in members {
            // The parser has reported a repeated key already; read the first only.
            guard seen.insert(member.key).inserted else { continue }
            let node = member.value
            switch member.key {
            case "$schema":
                if case .string = node.value {} else {
                    error("'$schema' must be a string, not \(article(node.value.typeName))", at: node)
                }
            case "type":
                kindNode = node
                kind = readKind(node)
            case "dato":
                dateNode = node
                date = readDate(node)
            case "antal_sager":
                caseCount = readCaseCount(node)
            case "resultater":
                resultsNode = node
            default:
                diagnostics.append(.error(
                    "unknown key '\(member.key)' in a measurement file",
                    at: member.keyLocation(in: file),
                    hint: Measurement.didYouMean(member.key, among: Measurement.topLevelKeys)
                        ?? "a measurement file has the keys type, dato, antal_sager and resultater"
                ))
            }
        }
        for key in Measurement.topLevelKeys where !seen.contains(key) {
            error("missing key '\(key)' in a measurement file", at: root, hint: Self.keyHints[key])
        }

        var results: [CriterionResult]?
        if let resultsNode {
            results = readResults(resultsNode, caseCount: caseCount)
        }

        guard let kind, let date, let caseCount, let results, let kindNode, let dateNode else { return nil }
        return Measurement(
            kind: kind, date: date, caseCount: caseCount, results: results, file: file,
            kindLocation: kindNode.location(in: file), dateLocation: dateNode.location(in: file)
        )
    }

    static let keyHints: [String: String] = [
        "type": "add \"type\": \"sagsgennemgang\" or \"type\": \"statusmaaling\"",
        "dato": "add the date of the measurement, e.g. \"dato\": \"2015-04-01\"",
        "antal_sager": "add the number of cases reviewed, e.g. \"antal_sager\": 20",
        "resultater": "add the results, e.g. \"resultater\": [{\"kriterium\": \"...\", \"opfyldt\": 6, \"ikke_opfyldt\": 11, \"ikke_relevant\": 3}]",
        "kriterium": "add the criterion's id from kriterier.yml, e.g. \"kriterium\": \"undersoegelse-rettidig\"",
        "opfyldt": "add the number of cases that met the criterion",
        "ikke_opfyldt": "add the number of cases that did not meet the criterion",
        "ikke_relevant": "add the number of cases where the criterion did not apply",
    ]

    // MARK: Top-level values

    mutating func readKind(_ node: JSONNode) -> MeasurementKind? {
        guard case .string(let text) = node.value else {
            error("'type' must be a string, not \(article(node.value.typeName))", at: node,
                  hint: "write \"sagsgennemgang\" or \"statusmaaling\"")
            return nil
        }
        guard let kind = MeasurementKind(rawValue: text) else {
            error(
                "'type' must be 'sagsgennemgang' or 'statusmaaling', not '\(text)'", at: node,
                hint: Measurement.didYouMean(text, among: MeasurementKind.allCases.map(\.rawValue))
            )
            return nil
        }
        return kind
    }

    mutating func readDate(_ node: JSONNode) -> ISODate? {
        guard case .string(let text) = node.value else {
            error("'dato' must be a string, not \(article(node.value.typeName))", at: node,
                  hint: "write the date in quotes, e.g. \"2015-04-01\"")
            return nil
        }
        guard let date = ISODate(text) else {
            error("'dato' is not a valid date: '\(text)'", at: node,
                  hint: "write a date that exists as YYYY-MM-DD, e.g. \"2015-04-01\"")
            return nil
        }
        return date
    }

    mutating func readCaseCount(_ node: JSONNode) -> Int? {
        guard let count = readCount(node, name: "antal_sager") else { return nil }
        if count == 0 {
            error("'antal_sager' is 0; a measurement needs at least one case", at: node)
            return nil
        }
        if count != Measurement.expectedCaseCount {
            diagnostics.append(.warning(
                "the Task Force's case reviews use \(Measurement.expectedCaseCount) cases; this one has \(count)",
                at: node.location(in: file)
            ))
        }
        return count
    }

    /// A whole number ≥ 0 written as one: `20`, not `20.0`, `2e1`, `-1` or `"20"`.
    mutating func readCount(_ node: JSONNode, name: String) -> Int? {
        guard case .number(let number) = node.value else {
            var hint: String?
            if case .string(let text) = node.value, JSONNumber(literal: text) != nil {
                hint = "write the number without quotes: \(text)"
            }
            error("'\(name)' must be a whole number, not \(article(node.value.typeName))", at: node, hint: hint)
            return nil
        }
        guard number.isInteger else {
            error("'\(name)' must be a whole number, not \(number.literal)", at: node,
                  hint: "counts are written as whole numbers without a decimal point or exponent, e.g. 3")
            return nil
        }
        guard let value = number.intValue else {
            error("'\(name)' is out of range: \(number.literal)", at: node)
            return nil
        }
        guard value >= 0 else {
            error("'\(name)' must be 0 or more, not \(number.literal)", at: node)
            return nil
        }
        return value
    }

    // MARK: Results

    /// The results that could be read, or `nil` when `resultater` is not an array. (A
    /// result with an error is left out; the caller checks for errors.)
    mutating func readResults(_ node: JSONNode, caseCount: Int?) -> [CriterionResult]? {
        guard case .array(let elements) = node.value else {
            error("'resultater' must be an array, not \(article(node.value.typeName))", at: node,
                  hint: "write the results as a list: \"resultater\": [ ... ]")
            return nil
        }
        if elements.isEmpty {
            diagnostics.append(.warning(
                "'resultater' is empty: the measurement has no results",
                at: node.location(in: file)
            ))
        }
        var results: [CriterionResult] = []
        var firstByCriterion: [String: SourceLocation] = [:]
        for element in elements {
            let (criterion, result) = readResult(element, caseCount: caseCount)
            guard let criterion else { continue }
            if let first = firstByCriterion[criterion.id] {
                diagnostics.append(.error(
                    "criterion '\(criterion.id)' appears twice; first at line \(first.line ?? 0)",
                    at: criterion.location,
                    hint: "a measurement has one result for each criterion"
                ))
                continue
            }
            firstByCriterion[criterion.id] = criterion.location
            if let result { results.append(result) }
        }
        return results
    }

    /// One result's criterion id (when it has a usable one, so that a repeated criterion
    /// is found even in a result with other errors), and the result, or `nil` when a field
    /// is missing or unusable. All of its errors are reported.
    mutating func readResult(
        _ node: JSONNode, caseCount: Int?
    ) -> (criterion: (id: String, location: SourceLocation)?, result: CriterionResult?) {
        guard case .object(let members) = node.value else {
            error("each result must be an object, not \(article(node.value.typeName))", at: node,
                  hint: "write {\"kriterium\": \"...\", \"opfyldt\": 6, \"ikke_opfyldt\": 11, \"ikke_relevant\": 3}")
            return (nil, nil)
        }
        var criterion: String?
        var criterionNode: JSONNode?
        var counts: [String: Int] = [:]
        var seen = Set<String>()
        for member in members {
            guard seen.insert(member.key).inserted else { continue }
            let value = member.value
            switch member.key {
            case "kriterium":
                criterionNode = value
                if case .string(let text) = value.value {
                    if text.isEmpty {
                        error("'kriterium' is empty", at: value, hint: "write a criterion id from kriterier.yml")
                    } else {
                        criterion = text
                    }
                } else {
                    error("'kriterium' must be a string, not \(article(value.value.typeName))", at: value,
                          hint: "write a criterion id from kriterier.yml in quotes")
                }
            case "opfyldt", "ikke_opfyldt", "ikke_relevant":
                if let count = readCount(value, name: member.key) {
                    counts[member.key] = count
                }
            default:
                diagnostics.append(.error(
                    "unknown key '\(member.key)' in a result",
                    at: member.keyLocation(in: file),
                    hint: Measurement.didYouMean(member.key, among: Measurement.resultKeys)
                        ?? "a result has the keys kriterium, opfyldt, ikke_opfyldt and ikke_relevant"
                ))
            }
        }
        for key in Measurement.resultKeys where !seen.contains(key) {
            error("missing key '\(key)' in a result", at: node, hint: Self.keyHints[key])
        }
        guard let criterion, let criterionNode else { return (nil, nil) }
        let criterionEntry = (id: criterion, location: criterionNode.location(in: file))
        guard let opfyldt = counts["opfyldt"], let ikkeOpfyldt = counts["ikke_opfyldt"],
              let ikkeRelevant = counts["ikke_relevant"] else { return (criterionEntry, nil) }

        if let caseCount {
            let (partial, overflow1) = opfyldt.addingReportingOverflow(ikkeOpfyldt)
            let (sum, overflow2) = partial.addingReportingOverflow(ikkeRelevant)
            if overflow1 || overflow2 || sum != caseCount {
                let total = overflow1 || overflow2 ? "more than \(Int.max)" : "\(sum)"
                error(
                    "counts add up to \(total), but antal_sager is \(caseCount) "
                        + "(opfyldt \(opfyldt) + ikke_opfyldt \(ikkeOpfyldt) + ikke_relevant \(ikkeRelevant))",
                    at: node,
                    hint: "every case is opfyldt, ikke_opfyldt or ikke_relevant for each criterion"
                )
            }
        }
        let result = CriterionResult(
            criterionID: criterion, opfyldt: opfyldt, ikkeOpfyldt: ikkeOpfyldt, ikkeRelevant: ikkeRelevant,
            location: node.location(in: file), criterionLocation: criterionEntry.location
        )
        return (criterionEntry, result)
    }

    /// `an object`, `a string`, `null`.
    func article(_ typeName: String) -> String {
        switch typeName {
        case "null": "null"
        case "object", "array": "an \(typeName)"
        default: "a \(typeName)"
        }
    }
}
