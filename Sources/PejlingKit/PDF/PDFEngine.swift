import Foundation

/// Where the PDF engine (WeasyPrint, in a Python of its own) is, and how long it may take.
///
/// pejling does not write PDF itself: a document with paged media, tagged structure and
/// embedded fonts is what WeasyPrint, a CSS Paged Media engine, is for. pejling starts it
/// as a long-lived helper process (``PDFEngineProcess``) that renders one print document
/// after another.
///
/// ```swift
/// let engine = PDFEngine.locate()   // PEJLING_PDF_PYTHON, or .venv-pdf/bin/python
/// let pool = PDFEnginePool(engine: engine)
/// ```
struct PDFEngine: Sendable, Hashable {
    /// The WeasyPrint release pejling is made and tested with (see README, "PDF"): it tags
    /// each chart as a Figure with alternative text and writes the same bytes every time.
    public static let requiredVersion = "70.0"
    /// The virtual environment that `scripts/pdf-env.sh` (run by `make site`) makes.
    public static let environmentFolder = ".venv-pdf"

    /// The Python interpreter that has WeasyPrint (or a stand-in, in tests).
    public var python: String
    /// How long one document may take before the engine counts as hanging.
    public var timeout: Duration

    public init(python: String, timeout: Duration = .seconds(120)) {
        self.python = python
        self.timeout = timeout
    }

    /// How to install the engine, for messages.
    static let installHint = "installér den med 'make pdf-env' (eller scripts/pdf-env.sh) i pejlings mappe, "
        + "eller peg på en Python med WeasyPrint \(requiredVersion) med miljøvariablen PEJLING_PDF_PYTHON"

    /// Finds the engine: `PEJLING_PDF_PYTHON` when set, else `.venv-pdf/bin/python` in the
    /// current folder or in a folder above the pejling binary (where `make` puts it).
    /// `PEJLING_PDF_TIMEOUT` (seconds) overrides the time one document may take.
    /// Returns an engine whose interpreter may not exist; starting it then says so.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine {
        var timeout = Duration.seconds(120)
        if let text = environment["PEJLING_PDF_TIMEOUT"], let seconds = Double(text), seconds > 0 {
            timeout = .milliseconds(Int64(seconds * 1000))
        }
        if let python = environment["PEJLING_PDF_PYTHON"], !python.isEmpty {
            return PDFEngine(python: python, timeout: timeout)
        }
        let relative = environmentFolder + "/bin/python"
        var candidates = [FileManager.default.currentDirectoryPath]
        if var folder = SafePath.realPath(CommandLine.arguments.first ?? "") ?? SafePath.realPath("/proc/self/exe") {
            while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
                folder = String(folder[..<slash])
                candidates.append(folder)
            }
        }
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder + "/" + relative) {
            return PDFEngine(python: folder + "/" + relative, timeout: timeout)
        }
        return PDFEngine(python: relative, timeout: timeout)
    }
}
