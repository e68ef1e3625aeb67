import Foundation
import ZIPFoundation

/// Reads the first worksheet (in the workbook's tab order) of an xlsx file into a ``CellGrid``.
///
/// The zip container is ZIPFoundation's; the XML parts are read by ``XMLPart`` (libxml2's SAX2
/// parser). Cells keep what the file stores: shared strings (`t="s"`), inline strings
/// (`t="inlineStr"`), a formula's cached string (`t="str"`) or number, ISO dates (`t="d"`),
/// and numbers with whether their number format is a date format (``XLSXStyles``).
///
/// Every limit of ``SpreadsheetLimits`` is checked before or while unpacking, so a zip bomb
/// or a sheet of a million rows stops early with an error naming the file.
///
/// ```swift
/// let (grid, diagnostics) = XLSXReader.read(bytes: bytes, file: "maalinger/2015.xlsx")
/// grid?.value(row: 1, column: 2)   // .text("sagsgennemgang")
/// ```
enum XLSXReader {
    /// Reads `bytes`; `nil` with errors when the file cannot be read as a workbook.
    public static func read(bytes: [UInt8], file: String) -> (CellGrid?, [Diagnostic]) {
        let here = SourceLocation(file: file)
        func failure(_ message: String, hint: String? = nil) -> (CellGrid?, [Diagnostic]) {
            (nil, [.error(message, at: here, hint: hint)])
        }
        guard bytes.count <= SpreadsheetLimits.maximumFileBytes else {
            return failure("filen er større end \(SpreadsheetLimits.mebibytes(SpreadsheetLimits.maximumFileBytes)); en sagsgennemgang fylder nogle få kilobyte")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return failure("filen er ikke en xlsx-projektmappe, men en krypteret projektmappe eller det gamle xls-format",
                           hint: "gem den uden adgangskode som Excel-projektmappe (.xlsx)")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            return failure("filen er ikke en xlsx-projektmappe (ikke en zip-fil)",
                           hint: "gem sagsgennemgangen som Excel-projektmappe (.xlsx) i Excel eller LibreOffice Calc")
        }
        guard ZIPStructure.isSound(bytes), let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            return failure("filen er ikke en gyldig xlsx-projektmappe: zip-filen er beskadiget eller afkortet",
                           hint: "gem sagsgennemgangen igen som Excel-projektmappe (.xlsx) i Excel eller LibreOffice Calc")
        }
        var unpacker = Unpacker(archive: archive)
        guard unpacker.declaredBytes <= UInt64(SpreadsheetLimits.maximumUnpackedBytes) else {
            return failure(unpackedTooLargeMessage)
        }

        do {
            let workbookPath = try unpacker.workbookPath()
            let workbook = WorkbookInfo()
            try unpacker.parse(workbookPath, into: workbook)
            guard let sheetRelation = workbook.firstSheetRelation else {
                return failure("projektmappen har intet regneark")
            }
            let relations = Relationships(base: workbookPath)
            try unpacker.parse(Relationships.path(for: workbookPath), into: relations)
            guard let sheetPath = relations.targets[sheetRelation] else {
                return failure("projektmappens første regneark findes ikke i filen")
            }
            let sharedStrings = SharedStrings()
            if let path = relations.path(ofType: "sharedStrings") ?? (unpacker.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil) {
                try unpacker.parse(path, into: sharedStrings)
            }
            let styles = XLSXStyles()
            if let path = relations.path(ofType: "styles") ?? (unpacker.has("xl/styles.xml") ? "xl/styles.xml" : nil) {
                try unpacker.parse(path, into: styles)
            }
            let sheet = SheetHandler(file: file, sharedStrings: sharedStrings.strings, styles: styles,
                                     uses1904DateSystem: workbook.uses1904DateSystem)
            try unpacker.parse(sheetPath, into: sheet)
            if let problem = sheet.stopReason { return (nil, [problem]) }
            return (sheet.grid, sheet.diagnostics)
        } catch let problem as ReadProblem {
            switch problem {
            case .missingPart(let path):
                return failure("filen er ikke en gyldig xlsx-projektmappe: delen \(path) mangler",
                               hint: "gem sagsgennemgangen igen som Excel-projektmappe (.xlsx)")
            case .unpackedTooLarge:
                return failure(unpackedTooLargeMessage)
            case .unreadable(let path):
                return failure("delen \(path) i xlsx-filen kan ikke pakkes ud; filen er beskadiget")
            case .xml(let path, .documentType):
                return failure("delen \(path) i xlsx-filen erklærer en dokumenttype med entiteter; det gør Excel og LibreOffice aldrig, og pejling udvider ingen entiteter",
                               hint: "gem sagsgennemgangen igen i Excel eller LibreOffice Calc")
            case .xml(let path, .malformed(let message, let line)):
                return failure("delen \(path) i xlsx-filen er ikke gyldig XML (linje \(line): \(message))")
            case .xml(_, .stopped):
                return failure("filen kunne ikke læses")
            }
        } catch {
            return failure("filen kunne ikke læses: \(error)")
        }
    }

    static let unpackedTooLargeMessage =
        "filens dele fylder udpakket mere end \(SpreadsheetLimits.mebibytes(SpreadsheetLimits.maximumUnpackedBytes)); "
        + "det er ikke en almindelig sagsgennemgang (måske en zip-bombe)"

    enum ReadProblem: Error {
        case missingPart(String)
        case unpackedTooLarge
        case unreadable(String)
        case xml(String, XMLPart.Failure)
    }

    /// Unpacks parts, counting every byte against ``SpreadsheetLimits/maximumUnpackedBytes``
    /// as it comes (a zip file's declared sizes can lie).
    ///
    /// The entries are listed once, by path: ZIPFoundation's `archive[path]` walks the whole
    /// central directory on every call.
    struct Unpacker {
        let archive: Archive
        /// Each path's first entry, as `archive[path]` would find it.
        let entries: [String: Entry]
        /// The sum of the entries' declared sizes.
        let declaredBytes: UInt64
        var unpacked = 0

        init(archive: Archive) {
            self.archive = archive
            var entries: [String: Entry] = [:]
            var declared: UInt64 = 0
            for entry in archive {
                declared &+= entry.uncompressedSize
                // `path` decodes the entry's name anew on every call.
                let path = entry.path
                if entries[path] == nil { entries[path] = entry }
            }
            self.entries = entries
            declaredBytes = declared
        }

        func has(_ path: String) -> Bool { entries[path] != nil }

        mutating func data(_ path: String) throws -> [UInt8] {
            guard let entry = entries[path] else { throw ReadProblem.missingPart(path) }
            var total = unpacked
            let limit = SpreadsheetLimits.maximumUnpackedBytes
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(limit - total))))
            // ZIPFoundation allocates and zero-fills two buffers of this size for every part it
            // inflates: a part's own size (a few kilobytes) rather than 64 KiB each time. A part
            // whose declared size lies is still read, in more chunks, all counted against the limit.
            let bufferSize = Int(min(max(entry.uncompressedSize, 4 * 1024), 64 * 1024))
            do {
                // The CRC-32 is not asked for: this form of `extract` returns it without comparing
                // it to the entry's, and nothing here did either (inflate refuses a damaged stream).
                _ = try archive.extract(entry, bufferSize: bufferSize, skipCRC32: true) { chunk in
                    total += chunk.count
                    if total > limit { throw ReadProblem.unpackedTooLarge }
                    bytes.append(contentsOf: chunk)
                }
            } catch let problem as ReadProblem {
                throw problem
            } catch {
                throw ReadProblem.unreadable(path)
            }
            unpacked = total
            return bytes
        }

        mutating func parse(_ path: String, into handler: any XMLPart.Handler) throws {
            let bytes = try data(path)
            if let failure = XMLPart.parse(bytes, handler: handler), failure != .stopped {
                throw ReadProblem.xml(path, failure)
            }
        }

        /// The workbook part: `xl/workbook.xml`, where Excel, LibreOffice and openpyxl put it,
        /// or else where the package's relationships say.
        mutating func workbookPath() throws -> String {
            let usual = "xl/workbook.xml"
            if has(usual) { return usual }
            if has("_rels/.rels") {
                let relations = Relationships(base: "")
                try parse("_rels/.rels", into: relations)
                if let path = relations.path(ofType: "officeDocument"), has(path) { return path }
            }
            return usual
        }
    }
}

// MARK: The parts

/// `xl/workbook.xml`: the date system and the first sheet in tab order.
final class WorkbookInfo: XMLPart.Handler {
    var uses1904DateSystem = false
    var firstSheetRelation: String?
    var shouldStop: Bool { false }

    func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
        switch name {
        case "workbookPr":
            if let value = attributes["date1904"] { uses1904DateSystem = value == "1" || value == "true" }
        case "sheet":
            if firstSheetRelation == nil { firstSheetRelation = attributes["id"] }
        default: break
        }
    }
    func end(_ name: XMLPart.Name) {}
    func text(_ text: XMLPart.Text) {}
}

/// A `_rels/*.rels` part: relationship ids to part paths inside the package.
final class Relationships: XMLPart.Handler {
    /// The part whose relationships these are; targets are relative to its folder.
    let base: String
    /// The folders of `base`'s folder: `["xl"]` for `xl/workbook.xml`.
    private let baseFolders: [Substring]
    var targets: [String: String] = [:]
    var types: [(type: String, path: String)] = []
    var shouldStop: Bool { false }

    init(base: String) {
        self.base = base
        baseFolders = Self.split(base).folder.split(separator: "/")
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func path(for part: String) -> String {
        let (folder, name) = split(part)
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    /// A part's folder and name: `xl/workbook.xml` → (`xl`, `workbook.xml`), `a.xml` → (``, `a.xml`).
    static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path[...]) }
        return (path[..<slash], path[path.index(after: slash)...])
    }

    /// The first target whose relationship type ends with `/<suffix>`.
    func path(ofType suffix: String) -> String? {
        types.first { $0.type.hasSuffix("/" + suffix) }?.path
    }

    func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
              attributes["TargetMode"] != "External" else { return }
        let path = resolve(target)
        targets[id] = path
        types.append((attributes["Type"] ?? "", path))
    }

    func resolve(_ target: String) -> String {
        var parts = target.hasPrefix("/") ? [] : baseFolders
        for part in target.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    func end(_ name: XMLPart.Name) {}
    func text(_ text: XMLPart.Text) {}
}

/// `xl/sharedStrings.xml`: each `<si>`'s text (plain or rich runs; phonetic runs left out).
final class SharedStrings: XMLPart.Handler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false
    var shouldStop: Bool { false }

    func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: XMLPart.Name) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ text: XMLPart.Text) {
        if inText { current += text.string }
    }
}
