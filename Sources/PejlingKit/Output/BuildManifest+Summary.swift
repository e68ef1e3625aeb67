import Foundation

extension BuildManifest {
    /// What a build keeps of a municipality whose files it wrote: its summary (what the
    /// overview and the checks across municipalities read, ``Municipality/summary``) and its
    /// warnings. A rebuild in which the municipality's inputs are unchanged takes both from
    /// here instead of loading its folder again, so that a one-file change costs that file.
    ///
    /// ```swift
    /// let kept = BuildManifest.Summary(municipality.summary, warnings: [])
    /// kept.municipality == municipality.summary   // true
    /// ```
    public struct Summary: Sendable, Hashable, Codable {
        public struct ReportSummary: Sendable, Hashable, Codable {
            var kind: String
            var title: String
            var date: String
            var measurementPath: String?
            var isDraft: Bool
            var bodyLocation: SourceLocation
            var dateLocation: SourceLocation
            var measurementPathLocation: SourceLocation
        }

        var slug: String
        var code: Int?
        var name: String
        var homepage: String?
        var isExample: Bool
        var location: SourceLocation
        var codeLocation: SourceLocation?
        var reports: [ReportSummary]
        var warnings: [Diagnostic]

        init(_ municipality: Municipality, warnings: [Diagnostic]) {
            slug = municipality.slug
            code = municipality.code
            name = municipality.name
            homepage = municipality.homepage
            isExample = municipality.isExample
            location = municipality.location
            codeLocation = municipality.codeLocation
            reports = municipality.reports.map { report in
                ReportSummary(kind: report.kind.rawValue, title: report.title, date: report.date.description,
                              measurementPath: report.measurementPath, isDraft: report.isDraft,
                              bodyLocation: report.bodyLocation, dateLocation: report.dateLocation,
                              measurementPathLocation: report.measurementPathLocation)
            }
            self.warnings = warnings
        }

        /// The summary as the load made it; nil when a field does not read back (a manifest
        /// edited by hand), and the municipality is then loaded as usual.
        var municipality: Municipality? {
            var municipality = Municipality(slug: slug, code: code, name: name, homepage: homepage, isExample: isExample,
                                            location: location)
            municipality.codeLocation = codeLocation
            for kept in reports {
                guard let kind = ReportKind(rawValue: kept.kind), let date = ISODate(kept.date) else { return nil }
                let report = Report(kind: kind, title: kept.title, date: date, measurementPath: kept.measurementPath,
                                    isDraft: kept.isDraft, body: "", bodyLocation: kept.bodyLocation,
                                    dateLocation: kept.dateLocation, measurementPathLocation: kept.measurementPathLocation)
                switch kind {
                case .analysis: municipality.analysis = report
                case .status: municipality.status = report
                }
            }
            return municipality
        }

        /// Written by hand, with sorted keys, like the rest of the manifest (``BuildManifest/json()``).
        func appendJSON(to out: inout String, indent: String) {
            func string(_ text: String) { JSONText.append(text, to: &out) }
            func place(_ value: SourceLocation) {
                out += "{\"cell\":"
                if let cell = value.cell { string(cell) } else { out += "null" }
                out += ",\"column\":\(value.column.map(String.init) ?? "null"),\"file\":"
                string(value.file)
                out += ",\"line\":\(value.line.map(String.init) ?? "null")}"
            }
            out += "{\n\(indent)  \"code\" : \(code.map(String.init) ?? "null"),\n\(indent)  \"codeLocation\" : "
            if let codeLocation { place(codeLocation) } else { out += "null" }
            out += ",\n\(indent)  \"homepage\" : "
            if let homepage { string(homepage) } else { out += "null" }
            out += ",\n\(indent)  \"isExample\" : \(isExample),\n\(indent)  \"location\" : "
            place(self.location)
            out += ",\n\(indent)  \"name\" : "
            string(name)
            out += ",\n\(indent)  \"reports\" : ["
            for (index, report) in reports.enumerated() {
                out += index == 0 ? "\n\(indent)    {" : ",\n\(indent)    {"
                out += "\"bodyLocation\":"
                place(report.bodyLocation)
                out += ",\"date\":"
                string(report.date)
                out += ",\"dateLocation\":"
                place(report.dateLocation)
                out += ",\"isDraft\":\(report.isDraft),\"kind\":"
                string(report.kind)
                out += ",\"measurementPath\":"
                if let path = report.measurementPath { string(path) } else { out += "null" }
                out += ",\"measurementPathLocation\":"
                place(report.measurementPathLocation)
                out += ",\"title\":"
                string(report.title)
                out += "}"
            }
            out += reports.isEmpty ? "]" : "\n\(indent)  ]"
            out += ",\n\(indent)  \"slug\" : "
            string(slug)
            out += ",\n\(indent)  \"warnings\" : "
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            out += warnings.isEmpty ? "[]" : ((try? encoder.encode(warnings)).map { String(decoding: $0, as: UTF8.self) } ?? "[]")
            out += "\n\(indent)}"
        }
    }
}
