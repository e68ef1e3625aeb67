/// Every number and date shown to a reader, in Danish notation: `35 %`, `1.234`, `23,5`,
/// `+24 procentpoint`, `21. juni 2017`, `6 af 17 sager`.
///
/// One place, so that a page, a chart and a table never disagree. Nothing here depends on
/// the machine's locale. A per cent sign or "procentpoint" follows its number after a
/// no-break space (U+00A0), so the two never part at a line break.
///
/// ```swift
/// DanishFormat.percent(k: 6, n: 17)           // "35 %"
/// DanishFormat.cases(6, of: 17)               // "6 af 17 sager"
/// DanishFormat.percentagePoints(23.5)         // "+24 procentpoint"
/// ```
enum DanishFormat {
    /// The no-break space between a number and its unit.
    ///
    /// ```swift
    /// "35" + DanishFormat.noBreakSpace + "%"   // "35 %"
    /// ```
    public static let noBreakSpace = "\u{00A0}"

    /// The minus sign (U+2212) used before negative differences.
    ///
    /// ```swift
    /// DanishFormat.minusSign + "5"   // "−5"
    /// ```
    public static let minusSign = "\u{2212}"

    /// What is shown for a number that cannot be shown (not finite, or out of range).
    ///
    /// ```swift
    /// DanishFormat.percent(.nan)   // "–"
    /// ```
    public static let missing = "\u{2013}"

    // MARK: - Per cent

    /// A fraction 0–1 as whole per cent, a half rounding up: `0.125` → `"13 %"`.
    ///
    /// A fraction that is a half per cent up to floating-point error (as `k / n` of a
    /// measurement computes it) counts as a half; prefer ``percent(k:n:)`` when the counts
    /// are at hand. A fraction that is not finite gives ``missing``.
    ///
    /// ```swift
    /// DanishFormat.percent(0.125)       // "13 %"
    /// DanishFormat.percent(7.0 / 20)    // "35 %"
    /// DanishFormat.percent(0.3529)      // "35 %"
    /// ```
    public static func percent(_ fraction: Double) -> String {
        guard let whole = roundedHalfUp(fraction * 100) else { return missing }
        return signed(whole, minus: minusSign) + noBreakSpace + "%"
    }

    /// The share `k / n` as whole per cent, rounded from the exact rational with a half
    /// rounding up; `nil` when `n` is 0.
    ///
    /// ```swift
    /// DanishFormat.percent(k: 1, n: 8)    // "13 %"
    /// DanishFormat.percent(k: 6, n: 17)   // "35 %"
    /// DanishFormat.percent(k: 0, n: 0)    // nil
    /// ```
    public static func percent(k: Int, n: Int) -> String? {
        guard n != 0 else { return nil }
        guard let rounded = RoundedRatio.halfUp(Int128(k) * 100, Int128(n)), let whole = Int(exactly: rounded)
        else { return percent(Double(k) / Double(n)) }
        return signed(whole, minus: minusSign) + noBreakSpace + "%"
    }

    /// A share as whole per cent; `nil` when no case was relevant.
    ///
    /// ```swift
    /// if let share = Share(opfyldt: 6, relevante: 17) {
    ///     DanishFormat.percent(share)   // "35 %"
    /// }
    /// ```
    public static func percent(_ share: Share) -> String? {
        percent(k: share.opfyldt, n: share.relevante)
    }

    /// A Wilson interval as whole per cents with an en dash: `"30–70 %"`, each bound
    /// rounded like ``percent(_:)``.
    ///
    /// ```swift
    /// if let w = WilsonInterval(successes: 10, trials: 20) {
    ///     DanishFormat.interval(w)   // "30–70 %"
    /// }
    /// ```
    public static func interval(_ interval: WilsonInterval) -> String {
        guard let lower = roundedHalfUp(interval.lower * 100),
              let upper = roundedHalfUp(interval.upper * 100)
        else { return missing }
        return signed(lower, minus: minusSign) + "\u{2013}" + signed(upper, minus: minusSign) + noBreakSpace + "%"
    }

    // MARK: - Numbers

    /// A whole number with `.` between thousands: `1234` → `"1.234"`.
    ///
    /// ```swift
    /// DanishFormat.integer(1234)       // "1.234"
    /// DanishFormat.integer(-1234567)   // "-1.234.567"
    /// DanishFormat.integer(999)        // "999"
    /// ```
    public static func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(String(n.magnitude))
    }

    /// A number with `digits` decimals after a decimal comma, a half rounding away from
    /// zero, thousands grouped with `.`; never `-0`. Negative `digits` count as 0, more
    /// than 15 as 15; a number that is not finite gives ``missing``.
    ///
    /// ```swift
    /// DanishFormat.decimal(23.5, digits: 1)      // "23,5"
    /// DanishFormat.decimal(0.35294, digits: 3)   // "0,353"
    /// DanishFormat.decimal(-0.04, digits: 1)     // "0,0"
    /// DanishFormat.decimal(1234.5, digits: 0)    // "1.235"
    /// ```
    public static func decimal(_ x: Double, digits: Int) -> String {
        let digits = Swift.min(Swift.max(digits, 0), 15)
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        guard let scaled = roundedHalfAwayFromZero(x * Double(scale)) else {
            // Out of Int's range: no decimals worth showing, so Swift's own digits.
            guard x.isFinite else { return missing }
            return x.description.replacingDots()
        }
        let whole = grouped(String(scaled.magnitude / UInt(scale)))
        let sign = scaled < 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        let fraction = String(scaled.magnitude % UInt(scale))
        return sign + whole + "," + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    // MARK: - Differences

    /// A difference in percentage points as a whole number with its sign, a half rounding
    /// away from zero: `23.5` → `"+24 procentpoint"`, `-5` → `"−5 procentpoint"` (with a
    /// real minus sign), and no sign on 0. A difference that is not finite gives ``missing``.
    ///
    /// ```swift
    /// DanishFormat.percentagePoints(23.5)   // "+24 procentpoint"
    /// DanishFormat.percentagePoints(-5)     // "−5 procentpoint"
    /// DanishFormat.percentagePoints(0.4)    // "0 procentpoint"
    /// ```
    public static func percentagePoints(_ difference: Double) -> String {
        guard let whole = roundedHalfAwayFromZero(difference) else { return missing }
        return (whole > 0 ? "+" : "") + signed(whole, minus: minusSign) + noBreakSpace + "procentpoint"
    }

    /// The difference between two shares as a page shows it: that of the two whole per
    /// cents shown beside it (each share's ``Share/wholePercent``), so that a reader's own
    /// subtraction agrees; `nil` when either share has no relevant case.
    ///
    /// ```swift
    /// if let analyse = Share(opfyldt: 6, relevante: 17), let status = Share(opfyldt: 10, relevante: 17) {
    ///     DanishFormat.percentagePoints(from: analyse, to: status)   // "+24 procentpoint" (35 % → 59 %)
    /// }
    /// ```
    public static func percentagePoints(from: Share, to: Share) -> String? {
        guard let first = from.wholePercent, let second = to.wholePercent else { return nil }
        let whole = second - first
        return (whole > 0 ? "+" : "") + signed(whole, minus: minusSign) + noBreakSpace + "procentpoint"
    }

    // MARK: - Dates and counts

    /// The Danish month names, lower-case, January first.
    ///
    /// ```swift
    /// DanishFormat.monthNames[5]   // "juni"
    /// ```
    public static let monthNames = [
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ]

    /// A date as Danish text: `"21. juni 2017"`.
    ///
    /// ```swift
    /// if let date = ISODate("2017-06-21") {
    ///     DanishFormat.date(date)   // "21. juni 2017"
    /// }
    /// ```
    public static func date(_ date: ISODate) -> String {
        let month = monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : String(date.month)
        return "\(date.day). \(month) \(date.year)"
    }

    /// `k` of `n` cases: `"6 af 17 sager"`, `"1 af 1 sag"`, numbers as ``integer(_:)``.
    ///
    /// ```swift
    /// DanishFormat.cases(6, of: 17)     // "6 af 17 sager"
    /// DanishFormat.cases(1, of: 1)      // "1 af 1 sag"
    /// DanishFormat.cases(0, of: 0)      // "0 af 0 sager"
    /// ```
    public static func cases(_ k: Int, of n: Int) -> String {
        "\(integer(k)) af \(integer(n)) \(n == 1 ? "sag" : "sager")"
    }

    // MARK: - Rounding

    /// How far from a half a value may lie and still count as one: floating-point error
    /// from computing `k / n × 100`, far below the gap of `1 / 2n` between a real half
    /// and the nearest other share of a measurement.
    static func halfTolerance(_ value: Double) -> Double {
        1e-9 + abs(value) * 1e-12
    }

    /// `value` rounded to a whole number, a half (within ``halfTolerance(_:)``) up;
    /// `nil` when not finite or beyond Int's range.
    static func roundedHalfUp(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 0x1p62 else { return nil }
        let below = value.rounded(.down)
        let rounded = value - below >= 0.5 - halfTolerance(value) ? below + 1 : below
        return Int(rounded)
    }

    /// `value` rounded to a whole number, a half (within ``halfTolerance(_:)``) away from
    /// zero; `nil` when not finite or beyond Int's range.
    static func roundedHalfAwayFromZero(_ value: Double) -> Int? {
        guard let magnitude = roundedHalfUp(abs(value)) else { return nil }
        return value < 0 ? -magnitude : magnitude
    }

    /// Digits with `.` between thousands.
    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }

    /// A whole number with `minus` before it when negative.
    private static func signed(_ value: Int, minus: String) -> String {
        (value < 0 ? minus : "") + grouped(String(value.magnitude))
    }
}

private extension String {
    /// Swift's `1234.5` as `1234,5`.
    func replacingDots() -> String {
        String(map { $0 == "." ? "," : $0 })
    }
}
