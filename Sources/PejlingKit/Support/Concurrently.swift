import Dispatch
import Foundation

/// A value worked out on a thread of its own while the caller goes on; ``take()`` waits for it.
///
/// ```swift
/// let reading = Concurrently { folder.currentManifest() }
/// let fingerprints = scan()          // meanwhile
/// let previous = reading.take()      // waits for the manifest, if it is not read yet
/// ```
final class Concurrently<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global().async {
            let value = work()
            self.lock.withLock { self.result = value }
            self.done.signal()
        }
    }

    /// The value, once the work is done, handed over: this no longer holds it (a large value
    /// is then freed as soon as the caller lets it go). Ask once: a second call works it out again.
    func take() -> Value {
        done.wait()
        done.signal()
        return lock.withLock {
            defer { result = nil }
            return result
        } ?? work()
    }
}
