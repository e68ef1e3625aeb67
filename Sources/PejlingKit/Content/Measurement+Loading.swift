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
        let loaded = read(bytes: bytes, file: file, knownCriteria: nil)
        return (loaded.measurement, loaded.diagnostics)
    }

    /// What reading a measurement file gave, even when it has errors: so that an error in
    /// one part of the file hides nothing that does not depend on it.
    struct Reading: Sendable {
        /// The measurement, when the file has no error.
        var measurement: Measurement?
        /// `type` and where it is written, when it is readable.
        var kind: (value: MeasurementKind, location: SourceLocation)?
        /// Every problem, sorted by position.
        var diagnostics: [Diagnostic]
    }

    /// Like ``load(bytes:file:)``, and with `knownCriteria` the criterion ids are checked too,
    /// as ``validate(knownCriteria:)`` does: in every result that has a usable `kriterium`,
    /// whatever else is wrong in the file.
    static func read(bytes: [UInt8], file: String, knownCriteria: Set<String>?) -> Reading {
        let (root, parseDiagnostics) = JSONParser.parse(bytes, file: file)
        guard let root else { return Reading(diagnostics: parseDiagnostics.sorted()) }
        var reader = MeasurementReader(file: file, diagnostics: parseDiagnostics)
        let measurement = reader.read(root)
        if let knownCriteria {
            reader.diagnostics += unknownCriteria(reader.criteria, knownCriteria: knownCriteria)
        }
        let hasErrors = reader.diagnostics.contains { $0.severity == .error }
        return Reading(measurement: hasErrors ? nil : measurement, kind: reader.kind, diagnostics: reader.diagnostics.sorted())
    }

    /// Checks the criterion ids against the catalogue's: every unknown id is an error at
    /// its `kriterium` value, with a hint naming close ids, if any.
    ///
    /// ```swift
    /// measurement.validate(knownCriteria: ["undersoegelse-rettidig"])
    /// // [...:6:20: error: unknown criterion 'undersoegelse-retidig' (hint: did you mean 'undersoegelse-rettidig'?)]
    /// ```
    public func validate(knownCriteria: Set<String>) -> [Diagnostic] {
        Self.unknownCriteria(results.map { ($0.criterionID, $0.criterionLocation) }, knownCriteria: knownCriteria)
    }

    /// An error at each criterion id that is not in `knownCriteria`.
    static func unknownCriteria(_ criteria: [(id: String, location: SourceLocation)], knownCriteria: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sortedKnown = knownCriteria.sorted()
        for criterion in criteria where !knownCriteria.contains(criterion.id) {
            let hint: String?
            if knownCriteria.isEmpty {
                hint = "the criteria catalogue (kriterier.yml) defines no criteria"
            } else {
                hint = Suggestion.hint(for: criterion.id, among: sortedKnown)
            }
            diagnostics.append(.error("unknown criterion '\(criterion.id)'", at: criterion.location, hint: hint))
        }
        return diagnostics.sorted()
    }
}

/// Reads a parsed measurement file, collecting every problem.
private struct MeasurementReader {
    let file: String
    var diagnostics: [Diagnostic]
    /// `type`, when it is readable, whatever else is wrong.
    var kind: (value: MeasurementKind, location: SourceLocation)?
    /// Every usable criterion id, once each, whatever else is wrong in its result.
    var criteria: [(id: String, location: SourceLocation)] = []

    mutating func error(_ message: String, at node: JSONNode, hint: String? = nil) {
        diagnostics.append(.error(message, at: node.location(in: file), hint: hint))
    }

    /// A key that `place` does not have: an error at the key, suggesting a close one.
    mutating func unknownKey(_ member: JSONMember, allowed: [String], in place: String) {
        diagnostics.append(.error(
            "unknown key '\(member.key)' in \(place)",
            at: member.keyLocation(in: file),
            hint: Suggestion.hint(for: member.key, among: allowed)
                ?? "\(place) has the keys \(Suggestion.list(allowed, conjunction: "and"))"
        ))
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
                if let kind { self.kind = (kind, node.location(in: file)) }
            case "dato":
                dateNode = node
                date = readDate(node)
            case "antal_sager":
                caseCount = readCaseCount(node)
            case "resultater":
                resultsNode = node
            default:
                unknownKey(member, allowed: Measurement.topLevelKeys, in: "a measurement file")
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
                hint: Suggestion.hint(for: text, among: MeasurementKind.allCases.map(\.rawValue))
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
            criteria.append(criterion)
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
                unknownKey(member, allowed: Measurement.resultKeys, in: "a result")
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
