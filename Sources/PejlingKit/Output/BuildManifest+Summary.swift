import Foundation

extension BuildManifest {
    /// What a build keeps of a municipality whose files it wrote: its summary (what the
    /// overview and the checks across municipalities read, ``Municipality/summary``) and its
    /// warnings. A rebuild in which the municipality's inputs are unchanged takes both from
    /// here instead of loading its folder again, so that a one-file change costs that file.
    ///
    /// Locations are kept relative to the content folder (`kommuner/esbjerg/analyse.md`) and
    /// shown again below the content folder as the next build names it: the manifest does not
    /// depend on how `--content` was written, or where pejling ran.
    ///
    /// ```swift
    /// let kept = BuildManifest.Summary(municipality.summary, warnings: [], contentDisplay: "content")
    /// kept.municipality(contentDisplay: "content") == municipality.summary   // true
    /// ```
    public struct Summary: Sendable, Hashable {
        public struct ReportSummary: Sendable, Hashable {
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

        init(slug: String, code: Int?, name: String, homepage: String?, isExample: Bool, location: SourceLocation,
             codeLocation: SourceLocation?, reports: [ReportSummary], warnings: [Diagnostic]) {
            self.slug = slug
            self.code = code
            self.name = name
            self.homepage = homepage
            self.isExample = isExample
            self.location = location
            self.codeLocation = codeLocation
            self.reports = reports
            self.warnings = warnings
        }

        init(_ municipality: Municipality, warnings: [Diagnostic], contentDisplay: String) {
            func kept(_ location: SourceLocation) -> SourceLocation {
                var location = location
                let prefix = contentDisplay + "/"
                if contentDisplay != ".", location.file.hasPrefix(prefix) { location.file.removeFirst(prefix.count) }
                return location
            }
            slug = municipality.slug
            code = municipality.code
            name = municipality.name
            homepage = municipality.homepage
            isExample = municipality.isExample
            location = kept(municipality.location)
            codeLocation = municipality.codeLocation.map(kept)
            reports = municipality.reports.map { report in
                ReportSummary(kind: report.kind.rawValue, title: report.title, date: report.date.description,
                              measurementPath: report.measurementPath, isDraft: report.isDraft,
                              bodyLocation: kept(report.bodyLocation), dateLocation: kept(report.dateLocation),
                              measurementPathLocation: kept(report.measurementPathLocation))
            }
            self.warnings = warnings.map { warning in
                var warning = warning
                warning.location = kept(warning.location)
                return warning
            }
        }

        /// The warnings, with their files below the content folder as this build shows it.
        func warnings(contentDisplay: String) -> [Diagnostic] {
            warnings.map { warning in
                var warning = warning
                warning.location = Self.shown(warning.location, contentDisplay: contentDisplay)
                return warning
            }
        }

        /// A kept location shown below the content folder (an absolute path stays as it is).
        static func shown(_ location: SourceLocation, contentDisplay: String) -> SourceLocation {
            var location = location
            if !location.file.hasPrefix("/") { location.file = DisplayPath.appending(contentDisplay, location.file) }
            return location
        }

        /// The summary as the load made it; nil when a field does not read back (a manifest
        /// edited by hand), and the municipality is then loaded as usual.
        func municipality(contentDisplay: String) -> Municipality? {
            func shown(_ location: SourceLocation) -> SourceLocation { Self.shown(location, contentDisplay: contentDisplay) }
            var municipality = Municipality(slug: slug, code: code, name: name, homepage: homepage, isExample: isExample,
                                            location: shown(location))
            municipality.codeLocation = codeLocation.map(shown)
            for kept in reports {
                guard let kind = ReportKind(rawValue: kept.kind), let date = ISODate(kept.date) else { return nil }
                let report = Report(kind: kind, title: kept.title, date: date, measurementPath: kept.measurementPath,
                                    isDraft: kept.isDraft, body: "", bodyLocation: shown(kept.bodyLocation),
                                    dateLocation: shown(kept.dateLocation), measurementPathLocation: shown(kept.measurementPathLocation))
                switch kind {
                case .analysis: municipality.analysis = report
                case .status: municipality.status = report
                }
            }
            return municipality
        }

        /// Written by hand, with sorted keys, like the rest of the manifest (``BuildManifest/json()``).
        func appendJSON(to out: inout String, indent: String) throws {
            func string(_ text: String) { JSONText.append(text, to: &out) }
            func place(_ value: SourceLocation) {
                // Only the fields a location has (an absent one decodes as nil).
                if let cell = value.cell {
                    out += "{\"cell\":"
                    string(cell)
                    out += ","
                } else {
                    out += "{"
                }
                if let column = value.column { out += "\"column\":\(column)," }
                out += "\"file\":"
                string(value.file)
                out += value.line.map { ",\"line\":\($0)}" } ?? "}"
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
            out += try BuildManifest.json(warnings)
            out += "\n\(indent)}"
        }
    }
}
