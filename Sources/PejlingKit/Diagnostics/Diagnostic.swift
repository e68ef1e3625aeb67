/// One problem found in the input: what, how bad, and where.
///
/// Every stage reports into the same type; one place (``DiagnosticFormatter``) prints them.
///
/// ```swift
/// let problem = Diagnostic.error("unknown criterion 'x'", at: SourceLocation(file: "a.json", line: 4, column: 20))
/// ```
public struct Diagnostic: Sendable, Hashable, Comparable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The build cannot succeed.
        case error
        /// Worth a look; fails the build only with `--strict`.
        case warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// An optional suggestion of what to do about it.
    public var hint: String?

    public init(severity: Severity, message: String, location: SourceLocation, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, message: message, location: location, hint: hint)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, message: message, location: location, hint: hint)
    }

    /// Diagnostics sort by file, line and column, so their order never depends on the
    /// order in which files were read.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.message < rhs.message
    }
}

extension Diagnostic: Error {}
