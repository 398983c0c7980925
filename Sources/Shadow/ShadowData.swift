import Telemetry

/// Telemetry aligned with the twin: rows in time order, each instant once, inputs per tank and facility-wide,
/// measured outputs per signal (NaN where the sample is missing), and the counts of what was skipped.
///
/// Inputs are held from their row's instant to the next row's (zero-order hold, as a sampling meter reports);
/// a missing input sample is held at its last value (the first valid one before any), and counted.
public struct ShadowData: Sendable {
    /// Where the telemetry came from.
    public var source: String
    /// Sample instants, s since 1970, strictly increasing.
    public var times: [Double]
    /// Mean GPU power per tank, W: `gpuPowerWatts[tank][row]`.
    public var gpuPowerWatts: [[Double]]
    /// Facility-water supply temperature, °C, per row.
    public var supplyCelsius: [Double]
    /// Outdoor dry-bulb, °C, per row; nil when the telemetry has none (facility power is then not predicted).
    public var dryBulbCelsius: [Double]?
    /// Measured outputs, canonical units, NaN where missing, in signal order.
    public var measured: [(signal: ShadowSignal, values: [Double])]
    public var skips: SkipCounts

    /// Number of tanks.
    public var tanks: Int { gpuPowerWatts.count }

    /// Rows `range` only (for drift windows and the follow mode's increments).
    public func rows(_ range: Range<Int>) -> ShadowData {
        var d = self
        d.times = Array(times[range])
        d.gpuPowerWatts = gpuPowerWatts.map { Array($0[range]) }
        d.supplyCelsius = Array(supplyCelsius[range])
        d.dryBulbCelsius = dryBulbCelsius.map { Array($0[range]) }
        d.measured = measured.map { ($0.signal, Array($0.values[range])) }
        return d
    }

    /// Aligns `table` through `map` for a hall of `tanks` tanks.
    ///
    /// - Parameter reorderWindowSeconds: a row earlier than the latest instant by at most this is an out-of-order
    ///   sample (skipped and counted); earlier by more, the clock went backwards, which is an error.
    /// - Throws: `TelemetryError` naming the file, line and field: a needed input with no series, a needed input
    ///   without a single valid sample, time going backwards, fewer than two instants.
    public static func align(_ table: TelemetryTable, map: SignalMap, tanks: Int, reorderWindowSeconds: Double = 600) throws -> ShadowData {
        let resolved = try map.resolve(in: table)
        for t in 0..<tanks where resolved[ShadowSignal(.gpuPower, tank: t)] == nil {
            throw TelemetryError(file: table.source, line: 1, field: "tank[\(t)].gpu_power",
                                 message: "no series for this input: the twin needs every tank's GPU power (map it with --map)")
        }
        guard resolved[ShadowSignal(.supplyTemperature)] != nil else {
            throw TelemetryError(file: table.source, line: 1, field: "supply_temperature",
                                 message: "no series for this input: the twin needs the facility-water supply temperature")
        }
        var skips = SkipCounts()
        skips.rowsRead = table.timestamps.count
        // Rows to use: time order, each instant once.
        var kept: [Int] = []
        var seen = Set<Double>()
        var latest = -Double.infinity
        for (r, t) in table.timestamps.enumerated() {
            if t > latest {
                kept.append(r); seen.insert(t); latest = t
            } else if seen.contains(t) {
                skips.duplicateRows += 1
            } else if latest - t <= reorderWindowSeconds {
                skips.outOfOrderRows += 1
            } else {
                throw TelemetryError(file: table.source, line: table.lines[r], field: "timestamp",
                                     message: "time goes backwards by \(latest - t) s (more than the \(reorderWindowSeconds) s reorder window): "
                                        + "\(ISO8601.string(t)) after \(ISO8601.string(latest))")
            }
        }
        guard kept.count >= 2 else {
            throw TelemetryError(file: table.source, line: table.lines.last ?? 1, message: "fewer than two sample instants: nothing to compare")
        }
        skips.rowsUsed = kept.count
        let times = kept.map { table.timestamps[$0] }
        let steps = zip(times.dropFirst(), times).map { $0 - $1 }.sorted()
        let median = steps[steps.count / 2]
        for s in steps where s > 1.5 * median { skips.gaps += 1; skips.gapSeconds += s }

        func series(_ signal: ShadowSignal, input: Bool) throws -> [Double]? {
            guard let (column, entry) = resolved[signal] else { return nil }
            var values = kept.map { table.values[$0][column] * entry.scale + entry.offset }
            let missing = values.filter(\.isNaN).count
            guard input else {
                if missing > 0 { skips.outputsMissing[signal.description] = missing }
                return values
            }
            guard let first = values.first(where: { !$0.isNaN }) else {
                throw TelemetryError(file: entry.file, line: entry.line, column: entry.column, field: signal.description,
                                     message: "series '\(entry.series)' has no valid sample; an input needs at least one")
            }
            if missing > 0 {
                skips.inputsHeld[signal.description] = missing
                var last = first
                for i in values.indices { if values[i].isNaN { values[i] = last } else { last = values[i] } }
            }
            return values
        }
        let power = try (0..<tanks).map { try series(ShadowSignal(.gpuPower, tank: $0), input: true)! }
        let supply = try series(ShadowSignal(.supplyTemperature), input: true)!
        let dryBulb = try series(ShadowSignal(.outdoorDryBulb), input: true)
        var measured: [(ShadowSignal, [Double])] = []
        for signal in resolved.keys.sorted() where !signal.kind.isInput {
            if let t = signal.tank, t >= tanks { continue }
            measured.append((signal, try series(signal, input: false)!))
        }
        return ShadowData(source: table.source, times: times, gpuPowerWatts: power, supplyCelsius: supply, dryBulbCelsius: dryBulb,
                          measured: measured, skips: skips)
    }
}
