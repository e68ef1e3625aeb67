/// "Mente du …?" for a misspelt name: the one rule that every diagnostic uses to suggest
/// a key, a criterion, a measurement type or a municipality.
///
/// A candidate is close when it is within a small edit distance of the word (a quarter of
/// its length, at least 2; case ignored), or, when both have four letters or more, contains
/// it or is contained in it. At most three are named, closest first.
///
/// ```swift
/// Suggestion.hint(for: "kriterum", among: ["kriterium", "opfyldt"])  // "mente du 'kriterium'?"
/// Suggestion.hint(for: "xyz", among: ["kriterium"])                  // nil
/// ```
public enum Suggestion {
    /// `mente du 'a'?` / `mente du 'a', 'b' eller 'c'?`, or nil when no candidate is close.
    public static func hint(for word: String, among candidates: [String]) -> String? {
        let close = closeMatches(for: word, among: candidates)
        guard !close.isEmpty else { return nil }
        return "mente du \(list(close.map { "'\($0)'" }))?"
    }

    /// `a`, `a eller b`, `a, b eller c`.
    ///
    /// ```swift
    /// Suggestion.list(["'a'", "'b'", "'c'"])  // "'a', 'b' eller 'c'"
    /// ```
    public static func list(_ items: [String], conjunction: String = "eller") -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// Up to `limit` candidates close to `word` (see the type's rule), closest first.
    static func closeMatches(for word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let target = Array(lowered.unicodeScalars)
        guard !target.isEmpty else { return [] }
        let allowed = max(2, target.count / 4)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in Set(candidates) where candidate != word {
            let other = candidate.lowercased()
            let distance = editDistance(target, Array(other.unicodeScalars), limit: allowed)
            if distance <= allowed {
                scored.append((distance, candidate))
            } else if target.count >= 4, other.unicodeScalars.count >= 4, other.contains(lowered) || lowered.contains(other) {
                scored.append((allowed + 1, candidate))
            }
        }
        scored.sort { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Levenshtein distance, or a value above `limit` as soon as it must exceed it.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
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
