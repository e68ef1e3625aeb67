import Foundation

/// One build at a time for one output folder: an exclusive `flock` on a file beside it
/// (`.<output>.pejling-lock`), held while the build runs and let go when the value goes (or the
/// process ends, however it ends). A second build for the same folder waits for the first.
/// The kept output and its note (``OutputFolder/keptPath``) describe the output that the last
/// build replaced; two builds swapping in turn without waiting could leave a note that is not
/// true of the output beside it.
///
/// ```swift
/// let lock = OutputLock(folder: OutputFolder(path: "output"))   // waits while another build runs
/// // … build …
/// _ = lock   // let go when it goes out of scope
/// ```
final class OutputLock {
    private let descriptor: Int32

    /// Nil when the file cannot be made (a folder that does not exist yet or cannot be written):
    /// the build then goes on without it, and reports what it cannot write itself.
    init?(folder: OutputFolder) {
        let descriptor = open(folder.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension OutputFolder {
    /// The lock file of ``OutputLock``, beside the output.
    var lockPath: String { "\(parent)/.\(name).pejling-lock" }
}
