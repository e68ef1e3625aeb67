import Foundation

/// The operating system's error numbers as a Danish reader needs them: `strerror` speaks
/// English, and Foundation's errors print as `Error Domain=NSCocoaErrorDomain Code=642`.
///
/// ```swift
/// SystemError.describe(EROFS)   // "filsystemet er skrivebeskyttet"
/// SystemError.describe(error)   // the same for an error thrown by FileManager
/// ```
public enum SystemError {
    /// The reason behind `code` (an `errno` value), in Danish.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "pejling har ikke lov til at skrive eller læse her (adgang nægtet)"
        case EROFS: "filsystemet er skrivebeskyttet"
        case EBUSY: "mappen er i brug, fx fordi et andet filsystem er monteret på den"
        case EXDEV: "mapperne ligger på hver sit filsystem"
        case ENOSPC: "der er ikke mere plads på disken"
        case EDQUOT: "diskkvoten er brugt op"
        case ENOENT: "mappen eller filen findes ikke"
        case ENOTDIR: "en del af stien er en fil og ikke en mappe"
        case EISDIR: "stien er en mappe og ikke en fil"
        case EEXIST: "der findes allerede en fil eller mappe med det navn"
        case ENOTEMPTY: "mappen er ikke tom"
        case ENAMETOOLONG: "stien er for lang"
        case ELOOP: "stien har for mange symbolske links (måske en løkke)"
        case EMFILE, ENFILE: "der er for mange åbne filer"
        case EIO: "en læse- eller skrivefejl på disken"
        default: "systemfejl nr. \(code)"
        }
    }

    /// A whole Danish sentence about an error in writing the output: an ``OutputError``'s
    /// own, or "output kan ikke skrives, fordi …".
    public static func outputProblem(_ error: any Error) -> String {
        if let error = error as? OutputError { return error.description }
        return "output kan ikke skrives, fordi \(describe(error))"
    }

    /// The reason behind an error thrown by Foundation or the system, in Danish.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? OutputError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return describe(Int32(nsError.code)) }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileWriteVolumeReadOnlyError: return describe(EROFS)
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return describe(EACCES)
            case NSFileWriteOutOfSpaceError: return describe(ENOSPC)
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return describe(ENOENT)
            case NSFileWriteFileExistsError: return describe(EEXIST)
            default: break
            }
        }
        return "systemfejl (\(nsError.domain) \(nsError.code))"
    }
}
