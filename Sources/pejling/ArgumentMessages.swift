import Foundation

/// ArgumentParser's own words — its help frame and its command-line errors — in Danish.
///
/// ArgumentParser has no way to change them, so its text is translated here, phrase by
/// phrase; the help texts and validation messages that pejling writes itself are Danish
/// already. A phrase not in the table (a newer ArgumentParser may add one) stays as it is.
///
/// ```swift
/// ArgumentMessages.danish("Error: Unknown option '--bogus'")  // "Fejl: ukendt tilvalg '--bogus'"
/// ```
enum ArgumentMessages {
    static func danish(_ text: String) -> String {
        var out = text
        for (pattern, template) in patterns {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        return out
    }

    /// Regular expressions and their Danish replacements, most specific first.
    static let patterns: [(NSRegularExpression, String)] = [
        (#"Error: "#, "Fejl: "),
        (#"Unknown option '([^']*)'"#, "ukendt tilvalg '$1'"),
        (#"Unexpected argument '([^']*)'"#, "uventet argument '$1'"),
        (#"(\d+) unexpected arguments: "#, "$1 uventede argumenter: "),
        (#"Missing expected argument '([^']*)'"#, "argumentet '$1' mangler"),
        (#"Missing value for '([^']*)'"#, "'$1' mangler en værdi"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "værdien '$1' kan ikke bruges til '$2'"),
        (#"Please provide one of '([^']*)', '([^']*)' and '([^']*)'\."#, "Vælg en af '$1', '$2' og '$3'."),
        (#"Please provide one of "#, "Vælg en af "),
        (#"(Vælg en af [^\n]*) or '"#, "$1 eller '"),
        (#"Did you mean '([^']*)'\?"#, "Mente du '$1'?"),
        (#"Can't parse value"#, "værdien kan ikke læses"),
        (#"Unknown subcommand '([^']*)'"#, "ukendt underkommando '$1'"),
        (#"(?m)^Usage: "#, "Brug: "),
        (#"See '([^']*)' for more information\."#, "Se '$1' for mere hjælp."),
        (#"See '([^']*) help <subcommand>' for detailed help\."#, "Se '$1 help <underkommando>' for mere hjælp."),
        (#"(?m)^Help: "#, "Hjælp: "),
        (#"(?m)^OVERVIEW:"#, "OVERSIGT:"),
        (#"(?m)^USAGE:"#, "BRUG:"),
        (#"(?m)^ARGUMENTS:"#, "ARGUMENTER:"),
        (#"(?m)^OPTIONS:"#, "TILVALG:"),
        (#"(?m)^SUBCOMMANDS:"#, "UNDERKOMMANDOER:"),
        (#"<subcommand>"#, "<underkommando>"),
        (#"<options>"#, "<tilvalg>"),
        (#"Show help information\."#, "Vis denne hjælp."),
        (#"Show the version\."#, "Vis versionen."),
        (#"\(values: ([^)]*)\)"#, "(værdier: $1)"),
        (#"\(default: ([^)]*)\)"#, "(standard: $1)"),
    ].compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }
}
