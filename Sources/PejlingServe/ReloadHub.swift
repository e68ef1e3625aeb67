import Foundation

/// Tells every open event stream that the preview changed. Each stream keeps only the latest
/// signal, so a burst of builds costs a slow client one message, not a queue.
///
/// ```swift
/// let hub = ReloadHub()
/// let subscription = hub.subscribe()
/// hub.send(.changed)
/// for await signal in subscription.signals { ... }
/// ```
public final class ReloadHub: @unchecked Sendable {
    public enum Signal: Sendable {
        /// The snapshot changed: look at the page's version.
        case changed
        /// Nothing changed; write a comment line so that a closed connection is noticed.
        case keepAlive
    }

    public struct Subscription: Sendable {
        public let id: Int
        public let signals: AsyncStream<Signal>
    }

    private let lock = NSLock()
    private var continuations: [Int: AsyncStream<Signal>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    public init() {}

    /// A new stream of signals; already finished once the hub is closed.
    public func subscribe() -> Subscription {
        let (stream, continuation) = AsyncStream<Signal>.makeStream(bufferingPolicy: .bufferingNewest(1))
        lock.lock()
        let id = nextID
        nextID += 1
        if closed {
            lock.unlock()
            continuation.finish()
        } else {
            continuations[id] = continuation
            lock.unlock()
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return Subscription(id: id, signals: stream)
    }

    public func unsubscribe(_ id: Int) {
        lock.lock()
        let continuation = continuations.removeValue(forKey: id)
        lock.unlock()
        continuation?.finish()
    }

    public func send(_ signal: Signal) {
        lock.lock()
        let targets = Array(continuations.values)
        lock.unlock()
        for continuation in targets { continuation.yield(signal) }
    }

    /// Ends every stream, now and later: the server is shutting down.
    public func close() {
        lock.lock()
        closed = true
        let targets = Array(continuations.values)
        continuations.removeAll()
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }

    /// How many streams are open.
    public var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return continuations.count
    }
}
