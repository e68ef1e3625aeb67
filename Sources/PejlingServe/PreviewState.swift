import Foundation

/// The current ``PreviewSnapshot``, shared by the request handlers and the rebuilder.
/// Readers take the whole snapshot at once, so a response never mixes two builds.
///
/// ```swift
/// let state = PreviewState(instance: "a1")
/// state.update { $0.applying(outcome) }
/// let files = state.snapshot.files
/// ```
public final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var current: PreviewSnapshot

    public init(instance: String = PreviewState.makeInstance()) {
        current = PreviewSnapshot(instance: instance)
    }

    public var snapshot: PreviewSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Replaces the snapshot; returns whether what a browser sees changed.
    @discardableResult
    func update(_ change: (PreviewSnapshot) -> PreviewSnapshot) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let old = current.generation
        current = change(current)
        return current.generation != old
    }

    /// A short tag that differs between runs of the server.
    public static func makeInstance() -> String {
        let now = Date().timeIntervalSince1970
        return String(UInt64(now * 1000) % 0xFFFF_FFFF, radix: 36) + String(UInt32.random(in: 0...0xFFFF), radix: 36)
    }
}
