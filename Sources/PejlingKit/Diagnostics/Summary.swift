import Foundation

/// The Danish sentences that close a command: what a build, a check or a preview rebuild
/// did, with singular and plural right. Commands and `serve` print these, never their own.
///
/// ```swift
/// Summary.count(1, "kommune", "kommuner")   // "1 kommune"
/// Summary.built(municipalities: 2, rendered: 2, unchanged: 0, files: 14, output: "output")
/// // "Byggede 2 kommuner i output/: 2 lavet på ny, 0 uændrede, 14 filer skrevet."
/// ```
public enum Summary {
    /// `n` and the noun in the number it takes: `1 kommune`, `2 kommuner`, `0 kommuner`.
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    /// `2 fejl, 1 advarsel`: the count under a list of diagnostics.
    public static func diagnostics(errors: Int, warnings: Int) -> String {
        "\(count(errors, "fejl", "fejl")), \(count(warnings, "advarsel", "advarsler"))"
    }

    /// Seconds as Danish writes them: `0,41 s`.
    public static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value).replacingOccurrences(of: ".", with: ",")
    }

    /// After `build` wrote the output.
    public static func built(municipalities: Int, rendered: Int, unchanged: Int, files: Int, output: String) -> String {
        "Byggede \(count(municipalities, "kommune", "kommuner")) i \(output)/: \(rendered) lavet på ny, "
            + "\(unchanged) \(unchanged == 1 ? "uændret" : "uændrede"), \(count(files, "fil", "filer")) skrevet."
    }

    /// After `build` found nothing changed.
    public static func upToDate(municipalities: Int, output: String) -> String {
        "Intet er ændret: \(output)/ er ajour (\(count(municipalities, "kommune", "kommuner")))."
    }

    /// After `check` found no error.
    public static func checked(municipalities: Int, warnings: Int) -> String {
        let tail = warnings == 0 ? "ingen fejl." : "ingen fejl, men \(count(warnings, "advarsel", "advarsler"))."
        return "Kontrollerede \(count(municipalities, "kommune", "kommuner")): \(tail)"
    }

    /// `a`, `a og b`, `a, b og 3 andre`: the files a rebuild was about.
    public static func files(_ names: [String], shown: Int = 3) -> String {
        let visible = Array(names.prefix(shown))
        let rest = names.count - visible.count
        if rest > 0 { return visible.joined(separator: ", ") + " og \(count(rest, "anden fil", "andre filer"))" }
        return Suggestion.list(visible, conjunction: "og")
    }
}
