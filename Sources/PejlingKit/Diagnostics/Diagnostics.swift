/// A collection of diagnostics that a stage fills and hands on; never thrown.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// diagnostics.error("titel is required", at: SourceLocation(file: "content/site.yml"))
/// if diagnostics.hasErrors { ... }
/// ```
public struct Diagnostics: Sendable, Hashable, Sequence {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        append(.error(message, at: location, hint: hint))
    }

    public mutating func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        append(.warning(message, at: location, hint: hint))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var hasWarnings: Bool { items.contains { $0.severity == .warning } }
    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }
    public var isEmpty: Bool { items.isEmpty }

    /// Whether a build with these diagnostics fails: on any error, and on any warning when `strict`.
    public func fails(strict: Bool) -> Bool {
        hasErrors || (strict && hasWarnings)
    }

    /// The diagnostics in a stable order (file, line, column), without repeats.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.sorted().filter { seen.insert($0).inserted }
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> {
        items.makeIterator()
    }
}

extension Diagnostics {
    /// Adds `note` to the hint of every error from `index` on: for an error that hides
    /// other checks, so that its message says what is left unchecked until it is fixed.
    ///
    /// ```swift
    /// let start = diagnostics.items.count
    /// // … parse kommune.yml …
    /// diagnostics.annotateErrors(since: start, note: "rapporterne kontrolleres færdigt, når kommune.yml er rettet")
    /// ```
    mutating func annotateErrors(since index: Int, note: String) {
        guard index < items.count else { return }
        for position in index..<items.count where items[position].severity == .error {
            items[position].hint = items[position].hint.map { "\($0); \(note)" } ?? note
        }
    }
}
