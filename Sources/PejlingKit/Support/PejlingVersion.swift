/// pejling's version, as `pejling --version` prints it. Raised with each release, when the
/// changelog's "Unreleased" section gets its number.
///
/// ```swift
/// print(PejlingVersion.current)   // 0.1.0
/// ```
public enum PejlingVersion {
    public static let current = "0.1.0"
}
