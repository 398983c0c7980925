import Foundation

/// A linear axis: a data range widened to "nice" tick values (1, 2, 2.5, 5 × 10ⁿ) and mapped to pixels.
struct AxisScale {
    /// Lower and upper data bounds after widening to ticks.
    let lower: Double
    let upper: Double
    /// Tick values from `lower` to `upper`.
    let ticks: [Double]
    /// Decimals the tick labels need.
    let decimals: Int

    /// Scale covering `low…high` with about `count` ticks; a flat range is widened by ±1 (or ±10 % of its value).
    /// `tight` keeps the data range as the axis range (ticks fall inside it), for time axes that should end with
    /// the data; otherwise the range widens to the outer ticks.
    init(low: Double, high: Double, count: Int, tight: Bool = false) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if hi < lo { swap(&lo, &hi) }
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / Double(max(count, 2))
        let power = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        let first = tight ? ceil(lo / step - 1e-9) * step : floor(lo / step) * step
        let last = tight ? floor(hi / step + 1e-9) * step : ceil(hi / step) * step
        var ticks: [Double] = []
        var t = first
        while t <= last + step * 1e-9 {
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        self.lower = tight ? lo : first
        self.upper = tight ? hi : last
        self.ticks = ticks
        // Fewest decimals that write the step exactly (250 → 0, 2.5 → 1, 0.25 → 2).
        self.decimals = (0...12).first { d in
            let scaled = step * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled)
        } ?? 12
    }

    /// Pixel position of `value` on an axis from `start` (at `lower`) to `end` (at `upper`).
    func map(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// Label of a tick.
    func label(_ value: Double) -> String { SVGText.fixed(value, decimals) }
}
