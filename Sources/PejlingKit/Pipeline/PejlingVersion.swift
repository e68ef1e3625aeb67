/// The version of pejling, as `pejling --version` prints it and the build manifest records it.
///
/// ```swift
/// print("pejling \(PejlingVersion.current)")
/// ```
public enum PejlingVersion {
    public static let current = "0.10.0"
}
