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
    /// A criterion's text, wrapped into lines to fit the layout.
    case text(String)
    /// One measurement's share as a point with its interval as a bar, the label at the left
    /// and the share with its counts at the right; `missing` is written instead when there
    /// is no share (beside the scale, never across its grid lines).
    case series(ChartSeries, Share?, missing: String)
    /// Both shares on one line, joined, for the summary; the right side shows `from → to`.
    case dumbbell(from: Share?, to: Share?)
    /// A line of text under a row, wrapped to fit the layout.
    case note(String, bold: Bool)
    /// Space between criteria.
    case gap
}

/// Where a chart's parts go, in viewBox units. A chart is drawn twice: wide for a column
/// of at least 35em (a computer, a tablet, the fragment in a CMS column), narrow for a
/// phone, where each measurement's figures go on a line above its scale. Each is sized so
/// that its text (13 units) is at least 12 CSS px where CSS shows it: the wide chart is
/// shown from a 35em (560 px) viewport, where the text column is at least 528 px wide, the
/// narrow one down to 320 px, where it is 288 px.
struct ChartLayout: Sendable, Hashable {
    let width: Double
    let plotStart: Double
    let plotEnd: Double
    /// Where the share and counts begin: right of the scale (wide) or after the label (narrow).
    let valueStart: Double
    /// Characters per line of a criterion's text or a note (at about 0.55 em a character).
    let textColumns: Int
    /// Whether figures go on a line of their own above the scale.
    let stacked: Bool
    /// Added to the chart's id, and the SVG's class.
    let idSuffix: String
    let className: String

    static let wide = ChartLayout(width: 560, plotStart: 70, plotEnd: 340, valueStart: 352, textColumns: 72,
                                  stacked: false, idSuffix: "", className: "diagram")
    static let narrow = ChartLayout(width: 300, plotStart: 16, plotEnd: 276, valueStart: 62, textColumns: 40,
                                    stacked: true, idSuffix: "-smal", className: "diagram diagram-smal")

    func x(_ fraction: Double) -> Double {
        plotStart + Swift.max(0, Swift.min(1, fraction)) * (plotEnd - plotStart)
    }

    /// The x of the grid lines at 0, 25, 50, 75 and 100 %, as written.
    var gridXs: [String] { (0...4).map { Chart.number(x(Double($0) / 4)) } }
}

/// An accessible chart written as inline SVG: `role="img"`, a `<title>` and a `<desc>`
/// named by `aria-labelledby`, a `viewBox` so that it scales to its column, and a text
/// legend. No script, no chart library. It is written in two layouts (``ChartLayout``),
/// of which CSS shows one: the narrow one has the id and class suffix `-smal`.
///
/// ```swift
/// let chart = Chart(id: "figur-egelund-status-faglig-udredning", title: "…", description: "…",
///                   legend: [.analysis, .pejling], rows: rows)
/// chart.svg   // "<svg class=\"diagram\" role=\"img\" …</svg>\n<svg class=\"diagram diagram-smal\" …"
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

    /// The text size, in viewBox units; a pejlemærke's name is a little larger.
    static let fontSize = 13.0
    static let headingSize = 14.5
    static let lineHeight = 17.0

    /// Both layouts, wide first.
    var svg: String {
        var out = UTF8Buffer(capacity: rows.count * 1200 + 2 * (title.utf8.count + description.utf8.count) + 2048)
        write(ChartLayout.wide, to: &out)
        out.append("\n")
        write(ChartLayout.narrow, to: &out)
        return out.string
    }

    func svg(_ layout: ChartLayout) -> String {
        var out = UTF8Buffer()
        write(layout, to: &out)
        return out.string
    }

    /// The chart in one layout. The grid's segments (one per row with a scale) are one path.
    func write(_ layout: ChartLayout, to out: inout UTF8Buffer) {
        var grid = UTF8Buffer(capacity: rows.count * 80)
        var body = UTF8Buffer(capacity: rows.count * 240 + 1024)
        var y = 4.0
        // Legend: one line per series, then the interval bar.
        for (series, date) in legend {
            let centre = y + 9
            Self.appendMarker(series, x: 8, y: centre, to: &body)
            Self.appendText(series.label + ", " + date, x: 22, y: centre + 4.5, to: &body)
            y += 19
        }
        if showsIntervals {
            let centre = y + 9
            Self.appendIntervalBar(from: 1, to: 29, y: centre, colour: "#4a4a4a", to: &body)
            Self.appendText("95\u{00A0}%-sikkerhedsinterval", x: 36, y: centre + 4.5, to: &body)
            y += 19
        }
        // Axis labels.
        y += 6
        for tick in 0...4 {
            let fraction = Double(tick) / 4
            Self.appendText(Self.axisLabels[tick], x: layout.x(fraction), y: y + 10, anchor: "middle", fill: "#4a4a4a", to: &body)
        }
        y += 18
        let gridXs = layout.gridXs
        for row in rows {
            switch row {
            case .heading(let name):
                let lines = layout.stacked ? Self.wrap(name, columns: layout.textColumns - 6) : [name]
                for (index, line) in lines.enumerated() {
                    Self.appendText(line, x: 0, y: y + 19 + Double(index) * 19, weight: "700", size: Self.headingSize, to: &body)
                }
                y += 26 + Double(lines.count - 1) * 19
            case .text(let text):
                let lines = Self.wrap(text, columns: layout.textColumns)
                for (index, line) in lines.enumerated() {
                    Self.appendText(line, x: 0, y: y + 13 + Double(index) * Self.lineHeight, to: &body)
                }
                y += Double(lines.count) * Self.lineHeight + 3
            case .series(let series, let share, let missing):
                var value: String?
                if let share, let percent = DanishFormat.percent(share), share.interval != nil {
                    value = percent + " (" + DanishFormat.cases(share.opfyldt, of: share.relevante) + ")"
                }
                if layout.stacked {
                    // The label and the figures on a line, the scale under them (none without a share).
                    Self.appendText(series.label, x: 0, y: y + 13, fill: series.colour, weight: "700", to: &body)
                    Self.appendText(value ?? missing, x: layout.valueStart, y: y + 13, style: value == nil ? "italic" : nil, to: &body)
                    y += Self.lineHeight + 1
                    guard value != nil else { y += 2; break }
                } else {
                    Self.appendText(series.label, x: 0, y: y + 11 + 4.5, fill: series.colour, to: &body)
                }
                let centre = y + 11
                if let share, let fraction = share.fraction, let interval = share.interval, value != nil {
                    Self.appendGridSegment(gridXs, from: y, to: y + 22, to: &grid)
                    Self.appendIntervalBar(from: layout.x(interval.lower), to: layout.x(interval.upper), y: centre,
                                           colour: series.colour, to: &body)
                    Self.appendMarker(series, x: layout.x(fraction), y: centre, to: &body)
                    if !layout.stacked, let value {
                        Self.appendText(value, x: layout.valueStart, y: centre + 4.5, to: &body)
                    }
                } else if !layout.stacked {
                    // No share: the words stand where the share would, clear of the scale.
                    Self.appendText(missing, x: layout.valueStart, y: centre + 4.5, style: "italic", to: &body)
                }
                y += 22
            case .dumbbell(let from, let to):
                var value = from.flatMap(DanishFormat.percent) ?? "–"
                value += " → "
                value += to.flatMap(DanishFormat.percent) ?? "–"
                if layout.stacked {
                    Self.appendText(value, x: 0, y: y + 13, to: &body)
                    y += Self.lineHeight + 1
                }
                let centre = y + 11
                Self.appendGridSegment(gridXs, from: y, to: y + 22, to: &grid)
                let a = from?.fraction.map(layout.x)
                let b = to?.fraction.map(layout.x)
                if let a, let b {
                    body.append("<line x1=\"")
                    body.append(number: a)
                    body.append("\" y1=\"")
                    body.append(number: centre)
                    body.append("\" x2=\"")
                    body.append(number: b)
                    body.append("\" y2=\"")
                    body.append(number: centre)
                    body.append("\" stroke=\"#6b7280\" stroke-width=\"3\"/>")
                }
                if let a { Self.appendMarker(.analysis, x: a, y: centre, to: &body) }
                if let b { Self.appendMarker(.pejling, x: b, y: centre, to: &body) }
                if !layout.stacked { Self.appendText(value, x: layout.valueStart, y: centre + 4.5, to: &body) }
                y += 22
            case .note(let note, let bold):
                let x = layout.stacked ? 0 : layout.plotStart
                let columns = layout.stacked ? layout.textColumns : layout.textColumns - 10
                for line in Self.wrap(note, columns: columns) {
                    Self.appendText(line, x: x, y: y + 12.5, weight: bold ? "700" : nil, style: bold ? nil : "italic", to: &body)
                    y += Self.lineHeight
                }
            case .gap:
                y += 10
            }
        }
        let height = y + 6
        let escapedID = HTML.escape(id + layout.idSuffix)
        out.append("<svg class=\"")
        out.append(layout.className)
        out.append("\" id=\"")
        out.append(escapedID)
        out.append("\" role=\"img\" aria-labelledby=\"")
        out.append(escapedID)
        out.append("-titel ")
        out.append(escapedID)
        out.append("-beskrivelse\" viewBox=\"0 0 ")
        out.append(number: layout.width)
        out.append(" ")
        out.append(number: height)
        out.append("\" width=\"100%\" font-size=\"")
        out.append(number: Self.fontSize)
        out.append("\">\n<title id=\"")
        out.append(escapedID)
        out.append("-titel\">")
        out.append(escaping: title)
        out.append("</title>\n<desc id=\"")
        out.append(escapedID)
        out.append("-beskrivelse\">")
        out.append(escaping: description)
        out.append("</desc>\n<g stroke=\"#d5d8dc\" stroke-width=\"1\" fill=\"none\">")
        if !grid.bytes.isEmpty {
            out.append("<path d=\"")
            out.append(grid)
            out.append("\"/>")
        }
        out.append("</g>\n")
        out.append(body)
        out.append("\n</svg>")
    }

    // MARK: Pieces

    /// The axis labels at 0, 25, 50, 75 and 100 %.
    static let axisLabels = (0...4).map { DanishFormat.percent(Double($0) / 4) }

    static func appendMarker(_ series: ChartSeries, x: Double, y: Double, to out: inout UTF8Buffer) {
        switch series.marker {
        case .circle:
            out.append("<circle cx=\"")
            out.append(number: x)
            out.append("\" cy=\"")
            out.append(number: y)
            out.append("\" r=\"5.5\" fill=\"")
            out.append(series.colour)
            out.append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>")
        case .diamond:
            let r = 7.0
            out.append("<path d=\"M")
            out.append(number: x)
            out.append(" ")
            out.append(number: y - r)
            out.append("L")
            out.append(number: x + r)
            out.append(" ")
            out.append(number: y)
            out.append("L")
            out.append(number: x)
            out.append(" ")
            out.append(number: y + r)
            out.append("L")
            out.append(number: x - r)
            out.append(" ")
            out.append(number: y)
            out.append("Z\" fill=\"")
            out.append(series.colour)
            out.append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>")
        }
    }

    static func appendIntervalBar(from: Double, to: Double, y: Double, colour: String, to out: inout UTF8Buffer) {
        out.append("<path d=\"M")
        out.append(number: from)
        out.append(" ")
        out.append(number: y)
        out.append("H")
        out.append(number: to)
        out.append("M")
        out.append(number: from)
        out.append(" ")
        out.append(number: y - 5)
        out.append("V")
        out.append(number: y + 5)
        out.append("M")
        out.append(number: to)
        out.append(" ")
        out.append(number: y - 5)
        out.append("V")
        out.append(number: y + 5)
        out.append("\" stroke=\"")
        out.append(colour)
        out.append("\" stroke-width=\"2\" fill=\"none\"/>")
    }

    /// Vertical grid lines at 0, 25, 50, 75 and 100 % (`xs`) for one row, as path data
    /// (`M70 129V151M137.5 129V151…`).
    static func appendGridSegment(_ xs: [String], from top: Double, to bottom: Double, to out: inout UTF8Buffer) {
        var ends = UTF8Buffer()
        ends.append(" ")
        ends.append(number: top)
        ends.append("V")
        ends.append(number: bottom)
        for x in xs {
            out.append("M")
            out.append(x)
            out.append(ends)
        }
    }

    static func appendText(_ text: String, x: Double, y: Double, anchor: StaticString? = nil, fill: String? = nil,
                           weight: StaticString? = nil, style: StaticString? = nil, size: Double? = nil, to out: inout UTF8Buffer) {
        out.append("<text x=\"")
        out.append(number: x)
        out.append("\" y=\"")
        out.append(number: y)
        out.append("\"")
        if let anchor {
            out.append(" text-anchor=\"")
            out.append(anchor)
            out.append("\"")
        }
        if let size {
            out.append(" font-size=\"")
            out.append(number: size)
            out.append("\"")
        }
        if let weight {
            out.append(" font-weight=\"")
            out.append(weight)
            out.append("\"")
        }
        if let style {
            out.append(" font-style=\"")
            out.append(style)
            out.append("\"")
        }
        out.append(" fill=\"")
        if let fill { out.append(fill) } else { out.append("#1a1a1a") }
        out.append("\">")
        out.append(escaping: text)
        out.append("</text>")
    }

    /// A coordinate with at most one decimal: `72`, `126.5`.
    static func number(_ value: Double) -> String {
        var out = UTF8Buffer()
        out.append(number: value)
        return out.string
    }

    /// ``wrap(_:columns:)`` by bytes, for a text where every scalar is a character of its
    /// own (all below U+0300, no carriage return: no combining mark, no CR LF pair), so
    /// that counting scalars counts characters; `nil` for any other text.
    static func wrapSimple(_ text: String, columns: Int) -> [String]? {
        let utf8 = text.utf8
        var lines: [String] = []
        var lineStart = utf8.startIndex
        var lineEnd = utf8.startIndex
        var lineCount = 0
        var hasLine = false
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                utf8.formIndex(after: &index)
                continue
            }
            // A word: up to the next separator, counting its scalars.
            let wordStart = index
            var wordCount = 0
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 { break }
                if byte == 0x0D || byte >= 0xCC { return nil }   // CR, or a scalar from U+0300 up
                if byte & 0xC0 != 0x80 { wordCount += 1 }
                utf8.formIndex(after: &index)
            }
            if !hasLine {
                lineStart = wordStart
                lineCount = wordCount
                hasLine = true
            } else if lineCount + 1 + wordCount <= columns, Self.byteBefore(wordStart, in: utf8) == 0x20,
                      utf8.index(after: lineEnd) == wordStart {
                lineCount += 1 + wordCount
            } else if lineCount + 1 + wordCount <= columns {
                // Words joined across other whitespace: the line is rebuilt with single spaces.
                return nil
            } else {
                lines.append(String(Substring(utf8[lineStart..<lineEnd])))
                lineStart = wordStart
                lineCount = wordCount
            }
            lineEnd = index
        }
        if hasLine { lines.append(String(Substring(utf8[lineStart..<lineEnd]))) }
        return lines.isEmpty ? [""] : lines
    }

    private static func byteBefore(_ index: String.UTF8View.Index, in utf8: String.UTF8View) -> UInt8? {
        index == utf8.startIndex ? nil : utf8[utf8.index(before: index)]
    }

    /// `text` broken at spaces into lines of at most `columns` characters (a longer word
    /// gets a line of its own).
    ///
    /// ```swift
    /// Chart.wrap("Barnets egne synspunkter og ønsker fremgår af barnets plan", columns: 30)
    /// // ["Barnets egne synspunkter og", "ønsker fremgår af barnets plan"]
    /// ```
    static func wrap(_ text: String, columns: Int = ChartLayout.wide.textColumns) -> [String] {
        wrapSimple(text, columns: columns) ?? wrapByCharacters(text, columns: columns)
    }

    /// ``wrap(_:columns:)`` for any text, counting characters.
    static func wrapByCharacters(_ text: String, columns: Int) -> [String] {
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
