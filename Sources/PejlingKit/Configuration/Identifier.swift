/// Ids and slugs: lower-case ASCII letters, digits and `-`.
enum Identifier {
    /// ```swift
    /// Identifier.isValid("hoeje-taastrup")  // true
    /// Identifier.isValid("Høje Taastrup")   // false
    /// ```
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
