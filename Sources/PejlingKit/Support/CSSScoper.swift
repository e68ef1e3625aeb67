import Foundation

/// Rewrites a stylesheet so that every rule applies only inside one wrapper element,
/// for the fragment a municipality pastes into its CMS.
///
/// Each selector is prefixed with the scope; `html`, `body` and `:root` become the scope
/// itself, so custom properties and base typography land on the wrapper; rules inside
/// `@media` and `@supports` are scoped the same way. What a scope cannot confine is left
/// out, since a fragment must not change its host page: `@page`, `@font-face`,
/// `@keyframes` (global names), `@import` and `@charset`. Lengths in `rem` become `em`:
/// `rem` follows the host page's root font size, which some sites set to 62.5 %, while
/// `em` follows the text the fragment stands in.
///
/// ```swift
/// CSSScoper.scope("body { margin: 0 } h1, p { color: red }", under: ".x")
/// // ".x { margin: 0 }\n.x h1, .x p { color: red }\n"
/// ```
enum CSSScoper {
    public static func scope(_ css: String, under scope: String) -> String {
        var output = ""
        var scanner = Scanner(text: stripComments(css))
        scopeBlock(&scanner, scope: scope, into: &output, untilBrace: false)
        return output
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        init(text: String) { scalars = Array(text.unicodeScalars) }
        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar { scalars[index] }

        /// Text up to (not including) the first of `stops` outside strings and parentheses.
        mutating func read(until stops: Set<Unicode.Scalar>) -> String {
            var text = String.UnicodeScalarView()
            var depth = 0
            var quote: Unicode.Scalar?
            while !atEnd {
                let c = current
                if let q = quote {
                    if c == "\\", index + 1 < scalars.count { text.append(c); index += 1; text.append(current); index += 1; continue }
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "(" {
                    depth += 1
                } else if c == ")" {
                    depth = max(0, depth - 1)
                } else if depth == 0, stops.contains(c) {
                    break
                }
                text.append(c)
                index += 1
            }
            return String(text)
        }

        /// Skips a balanced `{…}` block, returning its inside; braces in strings do not count.
        mutating func readBlock() -> String {
            guard !atEnd, current == "{" else { return "" }
            index += 1
            var depth = 1
            var quote: Unicode.Scalar?
            var text = String.UnicodeScalarView()
            while !atEnd {
                let c = current
                index += 1
                if let q = quote {
                    if c == "\\", !atEnd { text.append(c); text.append(current); index += 1; continue }
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "{" {
                    depth += 1
                } else if c == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                text.append(c)
            }
            return String(text)
        }
    }

    private static func scopeBlock(_ scanner: inout Scanner, scope: String, into output: inout String, untilBrace: Bool) {
        while !scanner.atEnd {
            let prelude = scanner.read(until: ["{", "}", ";"]).trimmingSpacesAndNewlines()
            if scanner.atEnd { break }
            let stop = scanner.current
            if stop == "}" {
                scanner.index += 1
                if untilBrace { return }
                continue
            }
            if stop == ";" {
                scanner.index += 1
                // @import and @charset have no place in a fragment; other statements pass.
                if !prelude.isEmpty, !prelude.hasPrefix("@import"), !prelude.hasPrefix("@charset") { output += prelude + ";\n" }
                continue
            }
            if prelude.hasPrefix("@media") || prelude.hasPrefix("@supports") || prelude.hasPrefix("@container") {
                scanner.index += 1
                output += prelude + " {\n"
                scopeBlock(&scanner, scope: scope, into: &output, untilBrace: true)
                output += "}\n"
            } else if ["@page", "@font-face", "@keyframes", "@-webkit-keyframes", "@counter-style", "@property"]
                        .contains(where: { prelude.hasPrefix($0) }) {
                _ = scanner.readBlock()
            } else if prelude.hasPrefix("@") {
                output += prelude + " {" + scanner.readBlock() + "}\n"
            } else {
                output += scopeSelectors(prelude, scope: scope) + " { " + remToEm(tidy(scanner.readBlock())) + " }\n"
            }
        }
    }

    static func scopeSelectors(_ selectors: String, scope: String) -> String {
        splitSelectors(selectors).map { selector -> String in
            let selector = selector.trimmingSpacesAndNewlines()
            if selector == "html body" { return scope }
            if selector.hasPrefix("html body ") || selector.hasPrefix("html body>") {
                return scope + selector.dropFirst("html body".count)
            }
            for root in ["html", "body", ":root"] {
                if selector == root { return scope }
                if selector.hasPrefix(root + " ") || selector.hasPrefix(root + ">") {
                    return scope + selector.dropFirst(root.count)
                }
            }
            return scope + " " + selector
        }.joined(separator: ", ")
    }

    /// Splits at top-level commas (not inside `:is(a, b)`, `[a="b,c"]` or strings).
    private static func splitSelectors(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "(" || character == "[" {
                depth += 1
            } else if character == ")" || character == "]" {
                depth = max(0, depth - 1)
            }
            if character == ",", depth == 0, quote == nil {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.filter { !$0.trimmingSpaces().isEmpty }
    }

    /// `1.5rem` → `1.5em` in a declaration block, outside strings.
    ///
    /// ```swift
    /// CSSScoper.remToEm("margin: 1rem 0.5rem; content: \"2rem\"")  // "margin: 1em 0.5em; content: \"2rem\""
    /// ```
    static func remToEm(_ body: String) -> String {
        let scalars = Array(body.unicodeScalars)
        var out = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var index = 0
        func isLetter(_ i: Int) -> Bool {
            i < scalars.count && (CharacterSet.letters.contains(scalars[i]) || scalars[i] == "-" || scalars[i] == "_")
        }
        while index < scalars.count {
            let c = scalars[index]
            if let q = quote {
                if c == "\\", index + 1 < scalars.count {
                    out.append(c); out.append(scalars[index + 1]); index += 2; continue
                }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "r", index > 0, index + 2 < scalars.count,
                      scalars[index + 1] == "e", scalars[index + 2] == "m",
                      CharacterSet.decimalDigits.contains(scalars[index - 1]) || scalars[index - 1] == ".",
                      !isLetter(index + 3) {
                index += 1  // drop the "r" of "rem"
                continue
            }
            out.append(c)
            index += 1
        }
        return String(out)
    }

    /// A declaration block without the blanks that removed comments leave at line ends.
    static func tidy(_ body: String) -> String {
        body.split(separator: "\n", omittingEmptySubsequences: true)
            .map { line in String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
            .filter { !$0.trimmingSpaces().isEmpty }
            .joined(separator: "\n")
            .trimmingSpacesAndNewlines()
    }

    static func stripComments(_ css: String) -> String {
        var out = ""
        var rest = css[...]
        while let start = rest.range(of: "/*") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}
