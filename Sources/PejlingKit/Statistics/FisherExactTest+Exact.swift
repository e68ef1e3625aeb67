import BigInt

/// The exact side of Fisher's test: where floating point could tip a decision (two tables
/// equally likely, or a p-value at 1/20), whole numbers decide.
///
/// The table with `a = x` has weight W(x) = C(r₁, x) · C(r₂, c₁ − x), a whole number, and
/// probability W(x) / C(n, c₁). BigInt (attaswift) holds the weights, which run to
/// thousands of digits for tables of 100.000 cases.
extension FisherExactTest.Table {
    /// Two log-densities this close may belong to equally likely tables: far above the
    /// floating-point error of log-factorials up to log(200.000!) (about 1e-9), far below
    /// the gap between unequal tables of a small sample.
    static let tieTolerance = 1e-7

    /// Whether the table with `a = x` is no more likely than the observed one, given
    /// `logDifference`, the difference of their log-densities in floating point; within
    /// ``tieTolerance`` of 0 the weights are compared exactly.
    func isAsExtreme(_ x: Int, observed: Int, logDifference: Double) -> Bool {
        if logDifference < -Self.tieTolerance { return true }
        if logDifference > Self.tieTolerance { return false }
        return compareWeights(x, observed) <= 0
    }

    /// The sign of W(x) − W(y), exactly.
    ///
    /// W(x) / W(y) is a ratio of factorials of the two tables' cells; Legendre's formula
    /// gives the exponent of every prime in it. All zero (as for mirror-image tables) means
    /// equal; otherwise the two sides' prime powers are multiplied out and compared.
    func compareWeights(_ x: Int, _ y: Int) -> Int {
        // W(x) / W(y) = Π cells(y)! / Π cells(x)!
        let over = cells(y), under = cells(x)
        if over.sorted() == under.sorted() { return 0 }
        let largest = Swift.max(over.max() ?? 0, under.max() ?? 0)
        var numerator = BigUInt(1)
        var denominator = BigUInt(1)
        for prime in FisherExactTest.primes {
            if prime > largest { break }
            var exponent = 0
            for n in over { exponent += Self.primeExponent(prime, inFactorialOf: n) }
            for n in under { exponent -= Self.primeExponent(prime, inFactorialOf: n) }
            if exponent > 0 { numerator *= BigUInt(prime).power(exponent) }
            if exponent < 0 { denominator *= BigUInt(prime).power(-exponent) }
        }
        return numerator == denominator ? 0 : (numerator < denominator ? -1 : 1)
    }

    /// The exponent of `prime` in n! (Legendre): ⌊n/p⌋ + ⌊n/p²⌋ + …
    static func primeExponent(_ prime: Int, inFactorialOf n: Int) -> Int {
        var exponent = 0
        var rest = n / prime
        while rest > 0 {
            exponent += rest
            rest /= prime
        }
        return exponent
    }

    /// The exact two-sided p-value of the table with `a = observed`: the sum of the weights
    /// no larger than the observed one over the sum of all, as a double, and whether it is
    /// below 1/20 (20 · tail < all, in whole numbers).
    ///
    /// Used only where the floating-point p-value is within 1e-6 of 0.05. It sums the
    /// tables of `range` (where the floating-point walk found a weight above 0) exactly;
    /// every table outside it is less likely than the observed one and weighs less than
    /// 2⁻¹⁰⁷⁴ of the mode, so the rest adds less than 2⁻¹⁰⁵⁰ of the mode in all. When that
    /// cannot tip the decision (always, unless p is 1/20 to some 300 digits), the range
    /// decides; otherwise every table the margins allow is summed.
    func exactTail(observed: Int, in range: ClosedRange<Int>) -> (pValue: Double, isBelowOneTwentieth: Bool) {
        let partial = exactSums(observed: observed, in: range)
        let twentyTails = partial.tail.multiplied(byWord: 20)
        let decided: Bool?
        if twentyTails >= partial.all {
            decided = false   // the rest only adds to the tail
        } else if (partial.all - twentyTails) << 1050 > partial.largest.multiplied(byWord: 19) {
            decided = true    // 20 (tail + rest) < all + rest for any rest below the bound
        } else {
            decided = nil
        }
        let sums = decided == nil && range != lowest...highest ? exactSums(observed: observed, in: lowest...highest) : partial
        // The leading 64 bits of each give the ratio to double precision.
        let shift = Swift.max(0, sums.all.bitWidth - 64)
        let pValue = Double(sums.tail >> shift) / Double(sums.all >> shift)
        return (Swift.min(pValue, 1), decided ?? (sums.tail.multiplied(byWord: 20) < sums.all))
    }

    /// The weights of the tables with `a` in `range` (which holds `observed`), summed: those
    /// no larger than the observed one's, all, and the largest.
    func exactSums(observed: Int, in range: ClosedRange<Int>) -> (tail: BigUInt, all: BigUInt, largest: BigUInt) {
        let observedWeight = Self.binomial(firstRow, observed) * Self.binomial(secondRow, firstColumn - observed)
        var tail = observedWeight
        var all = observedWeight
        var largest = observedWeight
        func add(_ weight: BigUInt) {
            all += weight
            if weight <= observedWeight { tail += weight }
            if weight > largest { largest = weight }
        }
        // Up: W(x + 1) = W(x) · (r₁ − x)(c₁ − x) / ((x + 1)(r₂ − c₁ + x + 1)), exactly.
        var weight = observedWeight
        var x = observed
        while x < Swift.min(range.upperBound, highest) {
            weight = weight.multiplied(byWord: UInt((firstRow - x) * (firstColumn - x)))
                / BigUInt((x + 1) * (secondRow - firstColumn + x + 1))
            x += 1
            add(weight)
        }
        // Down: W(x − 1) = W(x) · x (r₂ − c₁ + x) / ((r₁ − x + 1)(c₁ − x + 1)), exactly.
        weight = observedWeight
        x = observed
        while x > Swift.max(range.lowerBound, lowest) {
            weight = weight.multiplied(byWord: UInt(x * (secondRow - firstColumn + x)))
                / BigUInt((firstRow - x + 1) * (firstColumn - x + 1))
            x -= 1
            add(weight)
        }
        return (tail, all, largest)
    }

    /// C(n, k) exactly.
    static func binomial(_ n: Int, _ k: Int) -> BigUInt {
        guard k >= 0, k <= n else { return 0 }
        let k = Swift.min(k, n - k)
        var result = BigUInt(1)
        for i in 0..<k {
            // C(n, i) · (n − i) = C(n, i + 1) · (i + 1): the division leaves no remainder.
            result = result.multiplied(byWord: UInt(n - i)) / BigUInt(i + 1)
        }
        return result
    }
}

extension FisherExactTest {
    /// The primes up to the largest cell a table may have (``maximumCount``), by the sieve
    /// of Eratosthenes, once.
    static let primes: [Int] = {
        let limit = maximumCount
        var composite = [Bool](repeating: false, count: limit + 1)
        var primes: [Int] = []
        for n in 2...limit where !composite[n] {
            primes.append(n)
            var multiple = n * n
            while multiple <= limit {
                composite[multiple] = true
                multiple += n
            }
        }
        return primes
    }()
}
