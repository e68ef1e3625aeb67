import Foundation

/// Engine processes for one build, at most one per worker thread, started when first
/// needed and reused for document after document.
///
/// When the engine cannot be started at all (missing, wrong version), that is reported
/// once, by the first render that finds it; later renders return ``Outcome/unavailable``
/// without trying again.
///
/// ```swift
/// let pool = PDFEnginePool(engine: PDFEngine.locate())
/// defer { pool.shutDown() }
/// switch pool.render(html) { case .rendered(let pdf): … }
/// ```
final class PDFEnginePool: @unchecked Sendable {
    enum Outcome: Sendable {
        case rendered([UInt8])
        case failed(PDFEngineError)
        /// The engine could not be started; reported by an earlier render.
        case unavailable
    }

    private let engine: PDFEngine
    private let lock = NSLock()
    private var idle: [PDFEngineProcess] = []
    private var unavailable: PDFEngineError?

    /// The pool never holds more processes than threads that render at once (`--jobs`):
    /// a thread takes an idle engine, or starts one when none is idle.
    init(engine: PDFEngine) {
        self.engine = engine
    }

    func render(_ html: [UInt8]) -> Outcome {
        let process: PDFEngineProcess
        switch checkOut() {
        case .failed(let error): return .failed(error)
        case .unavailableBefore: return .unavailable
        case .running(let running): process = running
        }
        let result = process.render(html)
        switch result {
        case .success(let pdf):
            checkIn(process)
            return .rendered(pdf)
        case .failure(.failed(let message)):
            checkIn(process)  // the engine said no to this document and is still fine
            return .failed(.failed(message))
        case .failure(let error):
            return .failed(error)  // the process is stopped; the next render starts another
        }
    }

    /// Stops every idle engine; call when the build has rendered everything.
    func shutDown() {
        lock.lock()
        let processes = idle
        idle = []
        lock.unlock()
        for process in processes { process.stop() }
    }

    private enum CheckOut {
        case running(PDFEngineProcess)
        case failed(PDFEngineError)
        /// An earlier render found the engine unavailable and reported it.
        case unavailableBefore
    }

    /// An idle engine, or a new one.
    private func checkOut() -> CheckOut {
        lock.lock()
        if unavailable != nil {
            lock.unlock()
            return .unavailableBefore
        }
        if let process = idle.popLast() {
            lock.unlock()
            return .running(process)
        }
        lock.unlock()
        switch PDFEngineProcess.start(engine) {
        case .success(let process):
            return .running(process)
        case .failure(let error) where error.isUnavailable:
            lock.lock()
            defer { lock.unlock() }
            if unavailable != nil { return .unavailableBefore }
            unavailable = error
            return .failed(error)
        case .failure(let error):
            return .failed(error)
        }
    }

    private func checkIn(_ process: PDFEngineProcess) {
        lock.lock()
        idle.append(process)
        lock.unlock()
    }
}
