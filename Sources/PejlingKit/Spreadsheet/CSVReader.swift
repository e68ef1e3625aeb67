/// Reads a case review saved as CSV into a ``CellGrid``: record *n*, field *m* is the cell in
/// row *n*, column *m* (`C7` is record 7, field 3), as a spreadsheet that opens the file
/// shows it.
///
/// - Separator `;` (Danish Excel's "CSV (semikolonsepareret)") or `,`: the one that occurs
///   more often outside quotes.
/// - UTF-8 with or without a BOM; otherwise Windows-1252, where the five bytes it leaves
///   undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are an error at their cell.
/// - CRLF or LF line ends; quoted fields as RFC 4180 (`""` for a quote, separators and
///   line breaks inside quotes).
///
/// The tokenizer is written here rather than taken from SwiftCSV or yaslab/CSV.swift: both
/// decode the whole file with one `String.Encoding` before splitting it, so neither can say
/// which cell holds a byte that is not Windows-1252, and neither reports the record and field
/// of a broken quote; a case review's diagnostics must name the cell. The grammar is RFC
/// 4180's few rules.
///
/// ```swift
/// let (grid, diagnostics) = CSVReader.read(bytes: Array("type;sagsgennemgang\r\n".utf8), file: "maalinger/2015.csv")
/// grid?.value(row: 1, column: 2)   // .text("sagsgennemgang")
/// ```
enum CSVReader {
    /// Reads `bytes`; `nil` with errors when the file cannot be read at all.
    public static func read(bytes: [UInt8], file: String) -> (CellGrid?, [Diagnostic]) {
        guard bytes.count <= SpreadsheetLimits.maximumFileBytes else {
            return (nil, [.error("filen er større end \(SpreadsheetLimits.mebibytes(SpreadsheetLimits.maximumFileBytes)); en sagsgennemgang fylder nogle få kilobyte",
                                 at: SourceLocation(file: file))])
        }
        var body = bytes[...]
        var isUTF8 = true
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        } else {
            isUTF8 = SourceText.firstInvalidUTF8Offset(bytes) == nil
        }
        let separator = guessSeparator(body)
        var grid = CellGrid()
        var diagnostics: [Diagnostic] = []
        var record = 1
        var field = 1
        var current: [UInt8] = []
        var index = body.startIndex
        let end = body.endIndex
        var quoted = false
        var fieldStart = true
        var recordHasContent = false

        func finishField() {
            let reference = CellReference(row: record, column: field)
            if !current.isEmpty {
                switch decode(current, isUTF8: isUTF8) {
                case .success(let text):
                    grid[reference] = .text(text)
                case .failure(let failure):
                    diagnostics.append(.error(
                        "cellen har byten 0x\(String(failure.byte, radix: 16, uppercase: true)), som hverken er UTF-8 eller Windows-1252",
                        at: reference.location(in: file),
                        hint: "gem filen igen som CSV (UTF-8) eller CSV (semikolonsepareret)"))
                }
            }
            current.removeAll(keepingCapacity: true)
            field += 1
            fieldStart = true
        }

        while index < end {
            let byte = body[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    let next = body.index(after: index)
                    if next < end, body[next] == UInt8(ascii: "\"") {
                        current.append(byte)
                        index = body.index(after: next)
                        continue
                    }
                    quoted = false
                } else {
                    current.append(byte)
                }
                index = body.index(after: index)
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where fieldStart:
                quoted = true
                fieldStart = false
                recordHasContent = true
            case separator:
                finishField()
                recordHasContent = true
            case 0x0D, 0x0A:
                if byte == 0x0D {
                    let next = body.index(after: index)
                    if next < end, body[next] == 0x0A { index = next }
                }
                finishField()
                record += 1
                field = 1
                recordHasContent = false
                if record > SpreadsheetLimits.maximumRows, body.index(after: index) < end {
                    return (nil, [tooManyRows(file)])
                }
            default:
                current.append(byte)
                fieldStart = false
                recordHasContent = true
            }
            index = body.index(after: index)
        }
        if quoted {
            diagnostics.append(.error(
                "anførselstegnet, der begynder feltet, lukkes aldrig; resten af filen blev læst som én celle",
                at: CellReference(row: record, column: field).location(in: file),
                hint: "luk feltet med \" eller skriv et anførselstegn inde i feltet som \"\""))
        }
        if recordHasContent || !current.isEmpty { finishField() }
        return (grid, diagnostics)
    }

    static func tooManyRows(_ file: String) -> Diagnostic {
        .error("filen har mere end \(DanishFormat.integer(SpreadsheetLimits.maximumRows)) rækker; en sagsgennemgang har én række pr. sag",
               at: SourceLocation(file: file), hint: "slet de overskydende rækker, eller del filen op")
    }

    /// `;` unless `,` occurs more often outside quotes (in the first 64 KiB).
    static func guessSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for byte in bytes.prefix(64 * 1024) {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ";") where !quoted: semicolons += 1
            case UInt8(ascii: ",") where !quoted: commas += 1
            default: break
            }
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }

    /// A field's text, or the first byte that Windows-1252 leaves undefined.
    static func decode(_ bytes: [UInt8], isUTF8: Bool) -> Result<String, UInt8Failure> {
        if isUTF8 { return .success(String(decoding: bytes, as: UTF8.self)) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else if let value = windows1252[Int(byte - 0x80)], let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                return .failure(UInt8Failure(byte))
            }
        }
        return .success(String(scalars))
    }

    /// A byte that no text encoding read here defines.
    struct UInt8Failure: Error {
        let byte: UInt8
        init(_ byte: UInt8) { self.byte = byte }
    }

    /// Windows-1252's 0x80–0x9F; `nil` for its five undefined bytes.
    static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
}
