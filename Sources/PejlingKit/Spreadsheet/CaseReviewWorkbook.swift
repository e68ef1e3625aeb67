import Foundation
import ZIPFoundation

/// The empty case review that `pejling new` writes: an xlsx workbook of the shape that
/// ``Measurement/load(spreadsheet:format:file:knownCriteria:)`` reads, ready to fill in.
///
/// - `type` and `dato` in rows 1–2 (the date as a date cell, shown `ÅÅÅÅ-MM-DD`);
/// - the criteria's texts in row 3, for the reviewer; `sag` and the criterion ids in row 4;
/// - rows 5 on for the cases, each answer cell offering `opfyldt`, `ikke opfyldt` and
///   `ikke relevant` as a list (a data validation), the header rows frozen above them.
///
/// The zip container is written by ZIPFoundation. The six XML parts are written here as
/// text: they are fixed but for the criteria and the date, and no library at hand writes
/// SpreadsheetML (data validations, frozen panes) for Swift on Linux. Every text is
/// escaped, and the bytes are the same for the same input (fixed entry dates).
///
/// ```swift
/// let workbook = CaseReviewWorkbook(kind: .sagsgennemgang, date: ISODate("2026-03-02")!, criteria: catalogue.criteria)
/// let bytes = try workbook.xlsx()   // write as maalinger/sagsgennemgang.xlsx
/// ```
struct CaseReviewWorkbook: Sendable {
    public var kind: MeasurementKind
    public var date: ISODate
    public var criteria: [Criterion]
    /// How many case rows offer the list of answers (rows 5 on).
    public var answerRows = 100

    public init(kind: MeasurementKind, date: ISODate, criteria: [Criterion]) {
        self.kind = kind
        self.date = date
        self.criteria = criteria
    }

    /// The workbook's bytes.
    public func xlsx() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        // 1 January 2000, so that the same input gives the same bytes.
        let fixedDate = Date(timeIntervalSince1970: 946_684_800)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }

    // MARK: The parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    var parts: [(String, String)] {
        [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
    }

    var contentTypes: String {
        Self.header + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """
    }

    var packageRelationships: String {
        Self.header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(Self.relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
    }

    var workbook: String {
        Self.header + """
        <workbook xmlns="\(Self.mainNamespace)" xmlns:r="\(Self.relationshipNamespace)">\
        <bookViews><workbookView activeTab="0"/></bookViews>\
        <sheets><sheet name="Sagsgennemgang" sheetId="1" r:id="rId1"/></sheets>\
        </workbook>
        """
    }

    var workbookRelationships: String {
        Self.header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(Self.relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(Self.relationshipNamespace)/styles" Target="styles.xml"/>\
        </Relationships>
        """
    }

    /// Style 1: the date (`yyyy-mm-dd`); 2: wrapped text at the top (row 3); 3: bold (row 4).
    var styles: String {
        Self.header + """
        <styleSheet xmlns="\(Self.mainNamespace)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
    }

    var sheet: String {
        let lastColumn = CellReference.letters(ofColumn: max(criteria.count + 1, 2))
        var xml = Self.header + "<worksheet xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        xml += "<dimension ref=\"A1:\(lastColumn)4\"/>"
        xml += "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
        xml += "<pane ySplit=\"4\" topLeftCell=\"A5\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A5\" sqref=\"A5\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        xml += "<cols><col min=\"1\" max=\"1\" width=\"14\" customWidth=\"1\"/>"
        if !criteria.isEmpty {
            xml += "<col min=\"2\" max=\"\(criteria.count + 1)\" width=\"28\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += "<row r=\"1\">" + Self.text("A1", "type") + Self.text("B1", kind.rawValue) + "</row>"
        xml += "<row r=\"2\">" + Self.text("A2", "dato") + "<c r=\"B2\" s=\"1\"><v>\(serial)</v></c></row>"
        xml += "<row r=\"3\" ht=\"90\" customHeight=\"1\">" + Self.text("A3", "Kriterium:", style: 2)
        for (index, criterion) in criteria.enumerated() {
            let reference = CellReference(row: 3, column: index + 2).name
            var text = criterion.text
            if let legalBasis = criterion.legalBasis { text += " (\(legalBasis))" }
            xml += Self.text(reference, text, style: 2)
        }
        xml += "</row><row r=\"4\">" + Self.text("A4", "sag", style: 3)
        for (index, criterion) in criteria.enumerated() {
            xml += Self.text(CellReference(row: 4, column: index + 2).name, criterion.id, style: 3)
        }
        xml += "</row></sheetData>"
        if !criteria.isEmpty {
            let range = "B5:\(lastColumn)\(4 + answerRows)"
            xml += "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
            xml += "showErrorMessage=\"1\" errorTitle=\"Ugyldigt svar\" "
            xml += "error=\"Svaret skal være opfyldt, ikke opfyldt eller ikke relevant.\" promptTitle=\"Svar\" "
            xml += "prompt=\"Vælg opfyldt, ikke opfyldt eller ikke relevant.\" sqref=\"\(range)\">"
            xml += "<formula1>\"\(Measurement.spreadsheetAnswers.joined(separator: ","))\"</formula1></dataValidation></dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "</worksheet>"
        return xml
    }

    /// The date's serial day number in the 1900 date system.
    var serial: Int {
        SpreadsheetDate.days(from: date.year, date.month, date.day) - SpreadsheetDate.days(from: 1899, 12, 30)
    }

    /// An inline-string cell.
    static func text(_ reference: String, _ text: String, style: Int? = nil) -> String {
        let styleAttribute = style.map { " s=\"\($0)\"" } ?? ""
        return "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
    }

    /// Text escaped for XML content and attributes; characters XML 1.0 cannot hold are left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
