/// Why the engine did not turn a document into a PDF. The descriptions are Danish, for the
/// diagnostics a user reads.
enum PDFEngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The interpreter could not be started, or it has no WeasyPrint.
    case missing(String)
    /// WeasyPrint is there, but not the release pejling needs.
    case wrongVersion(String)
    /// No answer within the timeout.
    case timedOut(Duration)
    /// The engine stopped (crashed, was killed) or answered something that is not the protocol.
    case crashed(String)
    /// The engine answered that it could not render the document.
    case failed(String)

    var description: String {
        switch self {
        case .missing(let reason):
            "PDF-motoren WeasyPrint \(PDFEngine.requiredVersion) findes ikke (\(reason))"
        case .wrongVersion(let found):
            "PDF-motoren er WeasyPrint \(found), men pejling kræver version \(PDFEngine.requiredVersion)"
        case .timedOut(let limit):
            "PDF-motoren blev ikke færdig inden for \(Self.seconds(limit)) sekunder og er stoppet"
        case .crashed(let reason):
            "PDF-motoren stoppede uventet (\(reason))"
        case .failed(let reason):
            "PDF-motoren kunne ikke lave dokumentet: \(reason)"
        }
    }

    /// Whether the engine cannot be used at all (rather than failing on one document).
    var isUnavailable: Bool {
        switch self {
        case .missing, .wrongVersion: true
        default: false
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return String(seconds) }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }
}
