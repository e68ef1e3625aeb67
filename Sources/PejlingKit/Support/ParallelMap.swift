import Dispatch

/// Runs a function over many inputs on several threads and returns the results in input
/// order, so that output never depends on scheduling.
///
/// ```swift
/// let pages = ParallelMap.map(municipalities, jobs: 4) { render($0) }
/// ```
enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let jobs = max(1, min(jobs, inputs.count))
        if jobs == 1 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        // Chunks of consecutive inputs per task keep the coordination cheap.
        let chunk = max(1, inputs.count / (jobs * 8))
        let chunks = (inputs.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            let start = chunkIndex * chunk
            for index in start..<min(start + chunk, inputs.count) {
                results.set(index, transform(inputs[index]))
            }
        }
        return results.values()
    }
}

/// Slots written once each from different threads; read after all writers are done.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] { storage.compactMap { $0 } }
}
