import Foundation

/// Finds English prose in text meant for Danish readers: words that are common in English
/// and never occur in Danish prose. What a message quotes is left out — content values and
/// names in '…', "…" or `…` — and so are identifiers and paths (any word with a digit or
/// one of `/ . _ - = < > { } [ ] @ # $ % &` inside it), so that `kommuner/alfa`, `antal_sager`
/// or `--only` never count.
///
/// ```swift
/// EnglishProse.words(in: "unknown criterion 'plan-revideeret'")   // ["unknown", "criterion"]
/// EnglishProse.words(in: "ukendt kriterium 'the'")                // []
/// ```
enum EnglishProse {
    /// Words common in English that a Danish sentence never uses. ("a", "i", "at", "to",
    /// "by", "under", "for", "link", "output" and the like are Danish too, and left out, and
    /// so are the command names build, check, serve and new.)
    static let englishOnly: Set<String> = [
        "the", "is", "are", "was", "were", "be", "been", "being", "has", "had", "does", "did", "do",
        "must", "should", "would", "could", "cannot", "can't", "not", "no", "yes", "of", "with", "and", "or",
        "an", "this", "that", "these", "those", "which", "what", "when", "where", "who", "why", "it", "its",
        "it's", "you", "your", "we", "our", "they", "their", "from", "into", "onto", "on", "in", "as",
        "than", "then", "there", "here", "only", "also", "any", "every", "each", "all", "none", "nothing",
        "some", "more", "most", "less", "after", "before", "between", "without", "found", "missing",
        "unknown", "expected", "invalid", "error", "errors", "warning", "warnings", "hint", "mean", "file",
        "files", "folder", "folders", "line", "column", "value", "values", "key", "keys", "string", "object",
        "array", "number", "whole", "empty", "exists", "exist", "already", "write", "written", "read", "add",
        "remove", "use", "used", "uses", "needs", "need", "name", "names", "date", "built", "checked",
        "rendered", "unchanged", "changed", "refusing", "municipality", "municipalities", "criterion",
        "criteria", "report", "reports", "measurement", "template", "section", "closing", "opened", "never",
        "closed", "outside", "inside", "such", "unterminated", "trailing", "comma", "duplicate", "first",
        "second", "twice", "allowed", "escaped", "character", "serving", "stopped", "stops", "preview",
        "drafts", "draft", "included", "include", "pass", "run", "looks", "like", "later", "earlier",
        "match", "matches", "reachable", "machines", "other", "another", "choose", "up", "created",
        "placeholders", "both", "while",
    ]

    /// The English words in `text`, in order.
    static func words(in text: String) -> [String] {
        var found: [String] = []
        for token in unquoted(text).split(whereSeparator: { $0.isWhitespace }) {
            let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()?!…–—\"'`"))
            guard !trimmed.isEmpty,
                  !trimmed.contains(where: { $0.isNumber || "/._-=<>{}[]@#$%&\\+*|^~".contains($0) }) else { continue }
            if englishOnly.contains(trimmed.lowercased()) { found.append(trimmed) }
        }
        return found
    }

    /// `text` with everything between a pair of quotes ('…', "…", `…`, “…”) taken out.
    static func unquoted(_ text: String) -> String {
        var out = ""
        var closing: Character?
        var previous: Character = " "
        for character in text {
            if let wanted = closing {
                if character == wanted { closing = nil }
            } else if character == "\"" || character == "`" {
                closing = character
            } else if character == "“" {
                closing = "”"
            } else if character == "'", !previous.isLetter {
                // An apostrophe inside a word (English "can't") is no quote.
                closing = "'"
            } else {
                out.append(character)
            }
            previous = character
        }
        return out
    }
}
