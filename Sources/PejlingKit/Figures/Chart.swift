/// One of the two measurements as a chart draws it: its shape, colour and label, so that
/// colour is never the only thing telling them apart.
///
/// ```swift
/// ChartSeries.analysis.label   // "Analyse"
/// ChartSeries.pejling.marker   // .diamond
/// ```
struct ChartSeries: Sendable, Hashable {
    enum Marker: Sendable, Hashable { case circle, diamond }

    let label: String
    let marker: Marker
    /// A colour with at least 3:1 contrast against white (WCAG 1.4.11).
    let colour: String

    static let analysis = ChartSeries(label: "Analyse", marker: .circle, colour: "#0b4f8a")
    static let pejling = ChartSeries(label: "Pejling", marker: .diamond, colour: "#a63d00")
}

/// A row of a chart, top to bottom.
enum ChartRow: Sendable, Hashable {
    /// A pejlemærke's name, in bold.
    case heading(String)
    /// A criterion's text, wrapped into lines.
    case text([String])
    /// One measurement's share as a point with its interval as a bar, the label at the left
    /// and the share with its counts at the right; `missing` is written instead when there
    /// is no share.
    case series(ChartSeries, Share?, missing: String)
    /// Both shares on one line, joined, for the summary; the right side shows `from → to`.
    case dumbbell(from: Share?, to: Share?)
    /// A line of text under a row.
    case note(String, bold: Bool)
    /// Space between criteria.
    case gap
}

/// An accessible chart written as inline SVG: `role="img"`, a `<title>` and a `<desc>`
/// named by `aria-labelledby`, a `viewBox` so that it scales to a phone's width, and a
/// text legend. No script, no chart library.
///
/// ```swift
/// let chart = Chart(id: "figur-egelund-status-faglig-udredning", title: "…", description: "…",
///                   legend: [.analysis, .pejling], rows: rows)
/// chart.svg   // "<svg class=\"diagram\" role=\"img\" …"
/// ```
struct Chart: Sendable {
    let id: String
    let title: String
    let description: String
    /// The series explained in the legend, with their dates (`11. marts 2024`).
    let legend: [(ChartSeries, String)]
    /// Whether the legend explains the interval bar.
    let showsIntervals: Bool
    let rows: [ChartRow]

    // Geometry, in viewBox units.
    static let width = 400.0
    static let plotStart = 64.0
    static let plotEnd = 244.0
    static let valueStart = 254.0
    static let fontSize = 13.0
    /// Characters per line of a criterion's text (at about 0.55 em a character).
    static let wrapColumns = 54

    static func x(_ fraction: Double) -> Double {
        plotStart + Swift.max(0, Swift.min(1, fraction)) * (plotEnd - plotStart)
    }

    static func height(of row: ChartRow) -> Double {
        switch row {
        case .heading: 26
        case .text(let lines): Double(lines.count) * 17 + 3
        case .series, .dumbbell: 22
        case .note: 17
        case .gap: 10
        }
    }

    var svg: String {
        var grid = ""
        var body = ""
        var y = 4.0
        // Legend: one line per series, then the interval bar.
        for (series, date) in legend {
            let centre = y + 9
            body += Self.marker(series, x: 8, y: centre)
            body += Self.text("\(series.label), \(date)", x: 22, y: centre + 4.5)
            y += 19
        }
        if showsIntervals {
            let centre = y + 9
            body += Self.intervalBar(from: 1, to: 29, y: centre, colour: "#4a4a4a")
            body += Self.text("95\u{00A0}%-sikkerhedsinterval", x: 36, y: centre + 4.5)
            y += 19
        }
        // Axis labels.
        y += 6
        for tick in 0...4 {
            let fraction = Double(tick) / 4
            body += Self.text(DanishFormat.percent(fraction), x: Self.x(fraction), y: y + 10, anchor: "middle", fill: "#4a4a4a")
        }
        y += 18
        for row in rows {
            let height = Self.height(of: row)
            switch row {
            case .heading(let name):
                body += Self.text(name, x: 0, y: y + 19, weight: "700", size: 14.5)
            case .text(let lines):
                for (index, line) in lines.enumerated() {
                    body += Self.text(line, x: 0, y: y + 13 + Double(index) * 17)
                }
            case .series(let series, let share, let missing):
                let centre = y + height / 2
                grid += Self.gridSegment(from: y, to: y + height)
                body += Self.text(series.label, x: 0, y: centre + 4.5, fill: series.colour)
                if let share, let fraction = share.fraction, let interval = share.interval {
                    body += Self.intervalBar(from: Self.x(interval.lower), to: Self.x(interval.upper), y: centre, colour: series.colour)
                    body += Self.marker(series, x: Self.x(fraction), y: centre)
                    let value = (DanishFormat.percent(share) ?? DanishFormat.missing) + " ("
                        + DanishFormat.cases(share.opfyldt, of: share.relevante) + ")"
                    body += Self.text(value, x: Self.valueStart, y: centre + 4.5)
                } else {
                    body += Self.text(missing, x: Self.plotStart + 6, y: centre + 4.5, style: "italic")
                }
            case .dumbbell(let from, let to):
                let centre = y + height / 2
                grid += Self.gridSegment(from: y, to: y + height)
                let a = from?.fraction.map(Self.x)
                let b = to?.fraction.map(Self.x)
                if let a, let b {
                    body += "<line x1=\"\(Self.number(a))\" y1=\"\(Self.number(centre))\" x2=\"\(Self.number(b))\" y2=\"\(Self.number(centre))\" stroke=\"#6b7280\" stroke-width=\"3\"/>"
                }
                if let a { body += Self.marker(.analysis, x: a, y: centre) }
                if let b { body += Self.marker(.pejling, x: b, y: centre) }
                let parts = [from.flatMap(DanishFormat.percent), to.flatMap(DanishFormat.percent)]
                let value = parts.map { $0 ?? "–" }.joined(separator: " → ")
                body += Self.text(value, x: Self.valueStart, y: centre + 4.5)
            case .note(let note, let bold):
                body += Self.text(note, x: Self.plotStart, y: y + 12.5, weight: bold ? "700" : nil, style: bold ? nil : "italic",
                                  size: 12.5)
            case .gap:
                break
            }
            y += height
        }
        let height = y + 6
        let titleID = id + "-titel"
        let descriptionID = id + "-beskrivelse"
        return "<svg class=\"diagram\" id=\"\(HTML.escape(id))\" role=\"img\" aria-labelledby=\"\(HTML.escape(titleID)) \(HTML.escape(descriptionID))\" "
            + "viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\" width=\"100%\" font-size=\"\(Self.number(Self.fontSize))\">\n"
            + "<title id=\"\(HTML.escape(titleID))\">\(HTML.escape(title))</title>\n"
            + "<desc id=\"\(HTML.escape(descriptionID))\">\(HTML.escape(description))</desc>\n"
            + "<g stroke=\"#d5d8dc\" stroke-width=\"1\">\(grid)</g>\n"
            + body + "\n</svg>"
    }

    // MARK: Pieces

    static func marker(_ series: ChartSeries, x: Double, y: Double) -> String {
        switch series.marker {
        case .circle:
            return "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"5.5\" fill=\"\(series.colour)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        case .diamond:
            let r = 7.0
            return "<path d=\"M\(number(x)) \(number(y - r))L\(number(x + r)) \(number(y))L\(number(x)) \(number(y + r))L\(number(x - r)) \(number(y))Z\" "
                + "fill=\"\(series.colour)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        }
    }

    static func intervalBar(from: Double, to: Double, y: Double, colour: String) -> String {
        let top = number(y - 5)
        let bottom = number(y + 5)
        return "<path d=\"M\(number(from)) \(number(y))H\(number(to))M\(number(from)) \(top)V\(bottom)M\(number(to)) \(top)V\(bottom)\" "
            + "stroke=\"\(colour)\" stroke-width=\"2\" fill=\"none\"/>"
    }

    /// Vertical grid lines at 0, 25, 50, 75 and 100 % for one row.
    static func gridSegment(from top: Double, to bottom: Double) -> String {
        (0...4).map { tick in
            let x = number(Self.x(Double(tick) / 4))
            return "<line x1=\"\(x)\" y1=\"\(number(top))\" x2=\"\(x)\" y2=\"\(number(bottom))\"/>"
        }.joined()
    }

    static func text(_ text: String, x: Double, y: Double, anchor: String? = nil, fill: String? = nil,
                     weight: String? = nil, style: String? = nil, size: Double? = nil) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\""
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if let size { attributes += " font-size=\"\(number(size))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let style { attributes += " font-style=\"\(style)\"" }
        attributes += " fill=\"\(fill ?? "#1a1a1a")\""
        return "<text \(attributes)>\(HTML.escape(text))</text>"
    }

    /// A coordinate with at most one decimal: `72`, `126.5`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `text` broken at spaces into lines of at most `columns` characters (a longer word
    /// gets a line of its own).
    ///
    /// ```swift
    /// Chart.wrap("Barnets egne synspunkter og ønsker fremgår af barnets plan", columns: 30)
    /// // ["Barnets egne synspunkter og", "ønsker fremgår af barnets plan"]
    /// ```
    static func wrap(_ text: String, columns: Int = wrapColumns) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineCount = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let wordCount = word.count
            if line.isEmpty {
                line = String(word)
                lineCount = wordCount
            } else if lineCount + 1 + wordCount <= columns {
                line += " " + word
                lineCount += 1 + wordCount
            } else {
                lines.append(line)
                line = String(word)
                lineCount = wordCount
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}
