import Foundation

/// A plain TCP client for what HummingbirdTesting's clients cannot do: read a response that
/// never ends (the event stream) as it arrives.
final class StreamingConnection: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var received: [UInt8] = []
    private var closed = false

    /// Connects to 127.0.0.1:`port` and sends a GET for `path`, naming the server `host`.
    init(port: Int, path: String, host: String = "127.0.0.1") throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Foundation.close(descriptor)
            throw FixtureError(description: "cannot connect to port \(port)")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            lock.lock()
            if count <= 0 {
                closed = true
                lock.unlock()
                return
            }
            received.append(contentsOf: buffer[0..<count])
            lock.unlock()
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    /// Waits until what was received satisfies `condition`, or `timeout` passes.
    func wait(timeout: Duration = .seconds(10), until condition: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(text) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(text)
    }

    /// Closes the connection (which also ends the reading thread).
    func close() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        Foundation.close(descriptor)
    }

    /// The `data:` lines of the `build` events received so far.
    var buildEvents: [String] {
        text.components(separatedBy: "\n\n").compactMap { block in
            guard block.contains("event: build") else { return nil }
            return block.split(separator: "\n").first { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
        }
    }
}
