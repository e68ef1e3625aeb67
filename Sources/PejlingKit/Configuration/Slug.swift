/// Turns Danish names into slugs.
enum Slug {
    /// ```swift
    /// Slug.make(from: "Høje-Taastrup")  // "hoeje-taastrup"
    /// Slug.make(from: "Ærø")            // "aeroe"
    /// ```
    public static func make(from text: String) -> String {
        var out = ""
        var lastWasDash = true
        for character in text.lowercased() {
            let replacement: String
            switch character {
            case "æ": replacement = "ae"
            case "ø": replacement = "oe"
            case "å": replacement = "aa"
            case "é", "è", "ê": replacement = "e"
            case "ü": replacement = "u"
            case "ö": replacement = "oe"
            case "ä": replacement = "ae"
            default:
                if character.isASCII, character.isLetter || character.isNumber {
                    replacement = String(character)
                } else {
                    replacement = "-"
                }
            }
            if replacement == "-" {
                if !lastWasDash { out += "-" }
                lastWasDash = true
            } else {
                out += replacement
                lastWasDash = false
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
