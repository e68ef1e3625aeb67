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
        reader.diagnostics += countLimitErrors(in: root, file: file)
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
                hint = "kriteriekataloget (kriterier.yml) har ingen kriterier"
            } else {
                hint = Suggestion.hint(for: criterion.id, among: sortedKnown)
            }
            diagnostics.append(.error("ukendt kriterium '\(criterion.id)'; det står ikke i kriterier.yml", at: criterion.location,
                                      hint: hint))
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
            "ukendt nøgle '\(member.key)' i \(place)",
            at: member.keyLocation(in: file),
            hint: Suggestion.hint(for: member.key, among: allowed)
                ?? "\(place) har nøglerne \(Suggestion.list(allowed, conjunction: "og"))"
        ))
    }

    mutating func read(_ root: JSONNode) -> Measurement? {
        guard case .object(let members) = root.value else {
            error("en målefil skal indeholde et JSON-objekt ({ … }), ikke \(article(root.value.typeName))", at: root)
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
                    error("'$schema' skal være en tekst, ikke \(article(node.value.typeName))", at: node)
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
                unknownKey(member, allowed: Measurement.topLevelKeys, in: "en målefil")
            }
        }
        for key in Measurement.topLevelKeys where !seen.contains(key) {
            error("nøglen '\(key)' mangler i målefilen", at: root, hint: Self.keyHints[key])
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
        "type": "tilføj \"type\": \"sagsgennemgang\" eller \"type\": \"statusmaaling\"",
        "dato": "tilføj målingens dato, fx \"dato\": \"2015-04-01\"",
        "antal_sager": "tilføj antallet af gennemgåede sager, fx \"antal_sager\": 20",
        "resultater": "tilføj resultaterne, fx \"resultater\": [{\"kriterium\": \"...\", \"opfyldt\": 6, \"ikke_opfyldt\": 11, \"ikke_relevant\": 3}]",
        "kriterium": "tilføj kriteriets id fra kriterier.yml, fx \"kriterium\": \"undersoegelse-rettidig\"",
        "opfyldt": "tilføj antallet af sager, hvor kriteriet var opfyldt",
        "ikke_opfyldt": "tilføj antallet af sager, hvor kriteriet ikke var opfyldt",
        "ikke_relevant": "tilføj antallet af sager, hvor kriteriet ikke var relevant",
    ]

    // MARK: Top-level values

    mutating func readKind(_ node: JSONNode) -> MeasurementKind? {
        guard case .string(let text) = node.value else {
            error("'type' skal være en tekst, ikke \(article(node.value.typeName))", at: node,
                  hint: "skriv \"sagsgennemgang\" eller \"statusmaaling\"")
            return nil
        }
        guard let kind = MeasurementKind(rawValue: text) else {
            error(
                "'type' skal være 'sagsgennemgang' eller 'statusmaaling', ikke '\(text)'", at: node,
                hint: Suggestion.hint(for: text, among: MeasurementKind.allCases.map(\.rawValue))
            )
            return nil
        }
        return kind
    }

    mutating func readDate(_ node: JSONNode) -> ISODate? {
        guard case .string(let text) = node.value else {
            error("'dato' skal være en tekst, ikke \(article(node.value.typeName))", at: node,
                  hint: "skriv datoen i anførselstegn, fx \"2015-04-01\"")
            return nil
        }
        guard let date = ISODate(text) else {
            error(ISODate.problem(with: text, key: "dato"), at: node, hint: ISODate.hint(for: text))
            return nil
        }
        return date
    }

    mutating func readCaseCount(_ node: JSONNode) -> Int? {
        guard let count = readCount(node, name: "antal_sager") else { return nil }
        if count == 0 {
            error("'antal_sager' er 0; en måling skal omfatte mindst én sag", at: node)
            return nil
        }
        if count != Measurement.expectedCaseCount {
            diagnostics.append(.warning(
                "Task Forcens sagsgennemgange omfatter \(Measurement.expectedCaseCount) sager; denne omfatter \(count)",
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
                hint = "skriv tallet uden anførselstegn: \(text)"
            }
            error("'\(name)' skal være et helt tal, ikke \(article(node.value.typeName))", at: node, hint: hint)
            return nil
        }
        guard number.isInteger else {
            error("'\(name)' skal være et helt tal, ikke \(number.literal)", at: node,
                  hint: "antal skrives som hele tal uden komma, punktum eller eksponent, fx 3")
            return nil
        }
        guard let value = number.intValue else {
            error("'\(name)' er for stort: \(number.literal)", at: node)
            return nil
        }
        guard value >= 0 else {
            error("'\(name)' skal være 0 eller derover, ikke \(number.literal)", at: node)
            return nil
        }
        return value
    }

    // MARK: Results

    /// The results that could be read, or `nil` when `resultater` is not an array. (A
    /// result with an error is left out; the caller checks for errors.)
    mutating func readResults(_ node: JSONNode, caseCount: Int?) -> [CriterionResult]? {
        guard case .array(let elements) = node.value else {
            error("'resultater' skal være en liste, ikke \(article(node.value.typeName))", at: node,
                  hint: "skriv resultaterne som en liste: \"resultater\": [ … ]")
            return nil
        }
        if elements.isEmpty {
            diagnostics.append(.warning(
                "'resultater' er tom: målingen har endnu ingen resultater",
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
                    "kriteriet '\(criterion.id)' står to gange; første gang i linje \(first.line ?? 0)",
                    at: criterion.location,
                    hint: "en måling har ét resultat for hvert kriterium"
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
            error("hvert resultat skal være et objekt, ikke \(article(node.value.typeName))", at: node,
                  hint: "skriv {\"kriterium\": \"...\", \"opfyldt\": 6, \"ikke_opfyldt\": 11, \"ikke_relevant\": 3}")
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
                        error("'kriterium' er tom", at: value, hint: "skriv et kriteriums id fra kriterier.yml")
                    } else {
                        criterion = text
                    }
                } else {
                    error("'kriterium' skal være en tekst, ikke \(article(value.value.typeName))", at: value,
                          hint: "skriv et kriteriums id fra kriterier.yml i anførselstegn")
                }
            case "opfyldt", "ikke_opfyldt", "ikke_relevant":
                if let count = readCount(value, name: member.key) {
                    counts[member.key] = count
                }
            default:
                unknownKey(member, allowed: Measurement.resultKeys, in: "et resultat")
            }
        }
        for key in Measurement.resultKeys where !seen.contains(key) {
            error("nøglen '\(key)' mangler i resultatet", at: node, hint: Self.keyHints[key])
        }
        guard let criterion, let criterionNode else { return (nil, nil) }
        let criterionEntry = (id: criterion, location: criterionNode.location(in: file))
        guard let opfyldt = counts["opfyldt"], let ikkeOpfyldt = counts["ikke_opfyldt"],
              let ikkeRelevant = counts["ikke_relevant"] else { return (criterionEntry, nil) }

        if let caseCount {
            let (partial, overflow1) = opfyldt.addingReportingOverflow(ikkeOpfyldt)
            let (sum, overflow2) = partial.addingReportingOverflow(ikkeRelevant)
            if overflow1 || overflow2 || sum != caseCount {
                let total = overflow1 || overflow2 ? "mere end \(Int.max)" : "\(sum)"
                error(
                    "tallene giver \(total) tilsammen, men antal_sager er \(caseCount) "
                        + "(opfyldt \(opfyldt) + ikke_opfyldt \(ikkeOpfyldt) + ikke_relevant \(ikkeRelevant))",
                    at: node,
                    hint: "hver sag er enten opfyldt, ikke_opfyldt eller ikke_relevant for hvert kriterium"
                )
            }
        }
        let result = CriterionResult(
            criterionID: criterion, opfyldt: opfyldt, ikkeOpfyldt: ikkeOpfyldt, ikkeRelevant: ikkeRelevant,
            location: node.location(in: file), criterionLocation: criterionEntry.location
        )
        return (criterionEntry, result)
    }

    /// `et objekt`, `en tekst`, `null`: a JSON type as the messages name it.
    func article(_ typeName: String) -> String {
        switch typeName {
        case "object": "et objekt"
        case "array": "en liste"
        case "string": "en tekst"
        case "number": "et tal"
        case "boolean", "bool": "true eller false"
        default: typeName
        }
    }
}
