import FacilityModels
import FacilitySim
import Foundation
import SimMath
import Telemetry

/// A week (or any horizon) of a hall's telemetry produced by the twin with hidden "truth" parameter values, then
/// spoilt the way real telemetry is: sensor noise, quantisation, dropouts, a gap, duplicated and out-of-order rows,
/// and one drifting sensor. `Scenarios/telemetry/` ships one; the identifiability test fits it.
///
/// True inputs, one per `stepSeconds`: each tank's utilisation is the scenario's load profile for the hour plus a job
/// offset that jumps to a new uniform value in [−0.25, 0.15] at exponential intervals (mean 45 min, Assumption: batch and
/// fine-tuning jobs starting and ending) plus AR(1) jitter (σ 0.02, lag-1 correlation 0.9), within [0.05, 1]; GPU power
/// from the accelerator's power model at full clock; outdoor dry-bulb the scenario's TMY3 hours interpolated linearly;
/// supply the plant's own (`MeasuredPlant` without a measured supply: the set-point, floating to dry-bulb + approach·(heat
/// share) when the dry coolers cannot hold it) plus an AR(1) wobble (σ 0.1 K, lag-1 0.95, Assumption).
/// Outputs: the one plant's prediction (`ShadowPlant.predict`) with the truth values. Sensors (Assumptions, typical of DCGM and meters):
/// GPU temperature σ 0.3 K, whole °C (DCGM reports integers); GPU power σ 2 W, whole W; supply σ 0.05 K, 0.1 °C; dry-bulb
/// σ 0.2 K, 0.1 °C; pump power 1 %, 10 W; IT and facility power 0.5 %, 100 W. Each value is missing with probability
/// 0.002; 0.3 % of rows are sent twice; 0.2 % swap with the next row; 20 minutes on day 5 are lost (a collector
/// restart); tank `driftingTank`'s temperature sensor drifts by `driftKelvinPerDay` from day 3.
public struct SyntheticTelemetry: Sendable {
    public var stepSeconds = 60.0
    /// UTC instant of the first row, s since 1970.
    public var startEpochSeconds: Double
    public var seed: UInt64
    public var driftingTank = 7
    public var driftKelvinPerDay = 0.5

    public init(startEpochSeconds: Double, seed: UInt64) {
        self.startEpochSeconds = startEpochSeconds
        self.seed = seed
    }

    /// The CSV text for `spec` (its horizon and load, its weather file) with `truth` in force.
    /// - Throws: for an unsupported scenario or an unreadable weather file.
    public func csv(spec: ScenarioSpec, truth: ShadowValues) throws -> String {
        let plant = try ShadowPlant(spec: spec)
        let rows = Int(spec.horizonSeconds / stepSeconds)
        let dryBulbHourly = try ShadowWeather.dryBulbHours(spec)
        func stream(_ name: String) -> RandomStream { RandomStream(seed: seed, replication: 0, name: "synthetic-telemetry/\(name)") }
        let times = (0..<rows).map { startEpochSeconds + Double($0) * stepSeconds }
        var power: [[Double]] = []
        for tank in 0..<plant.tanks {
            let s = stream("load/\(tank)")
            var offset = 0.0, jitter = 0.0
            var nextJob = s.exponential(mean: 2700)
            var p: [Double] = []
            for k in 0..<rows {
                let t = Double(k) * stepSeconds
                while t >= nextJob { offset = s.uniform(lower: -0.25, upper: 0.15); nextJob += s.exponential(mean: 2700) }
                jitter = 0.9 * jitter + s.normal(mean: 0, standardDeviation: 0.02 * (1 - 0.81).squareRoot())
                let u = min(1, max(0.05, spec.load.utilisation(atHourIndex: spec.startHour + Int(t / 3600)) + offset + jitter))
                p.append(plant.accelerator.powerWatts(utilisation: u))
            }
            power.append(p)
        }
        // Supply: what the plant itself delivers (its set-point logic: held, or floating to dry-bulb + approach·heat share
        // when the dry coolers cannot hold it), plus a slow wobble of the loop.
        var replay = plant.plant(truth)
        var dryBulb: [Double] = [], supply: [Double] = []
        let wobble = stream("supply")
        var w = 0.0
        for k in 0..<rows {
            let hours = Double(spec.startHour) + Double(k) * stepSeconds / 3600
            let h = Int(hours), f = hours - Double(h)
            let db = dryBulbHourly[h % dryBulbHourly.count] * (1 - f) + dryBulbHourly[(h + 1) % dryBulbHourly.count] * f
            let own = replay.instant(gpuWattsPerTank: power.map { $0[k] }, dryBulbCelsius: db, supplyCelsius: nil,
                                     elapsedSeconds: Double(k) * stepSeconds).supplyCelsius
            w = 0.95 * w + wobble.normal(mean: 0, standardDeviation: 0.1 * (1 - 0.9025).squareRoot())
            dryBulb.append(db)
            supply.append(own + w)
        }
        let truthData = ShadowData(source: "truth", times: times, gpuPowerWatts: power, supplyCelsius: supply, dryBulbCelsius: dryBulb,
                                   measured: [], skips: SkipCounts())
        let prediction = plant.predict(truthData, values: truth)
        return spoil(times: times, power: power, supply: supply, dryBulb: dryBulb, prediction: prediction, tanks: plant.tanks, stream: stream)
    }

    /// The map file for the CSV `csv(spec:truth:)` writes.
    public static func mapYAML() -> String {
        """
        # Which column of the synthetic week is which twin signal (see docs: README "Shadow mode: your own hall").
        signals:
          supply_temperature: {series: supply_c, unit: °C}
          outdoor_dry_bulb:   {series: outdoor_c, unit: °C}
          pump_power:         {series: pump_kw, unit: kW}
          it_power:           {series: it_kw, unit: kW}
          facility_power:     {series: facility_kw, unit: kW}
          tank[*].gpu_power:  {series: "tank{tank02}_gpu_w", unit: W}
          tank[*].gpu_temperature: {series: "tank{tank02}_temp_c", unit: °C}

        """
    }

    func spoil(times: [Double], power: [[Double]], supply: [Double], dryBulb: [Double], prediction: ShadowPrediction, tanks: Int,
               stream: (String) -> RandomStream) -> String {
        let noise = stream("noise"), faults = stream("faults")
        func q(_ v: Double, _ step: Double) -> Double { (v / step).rounded() * step }
        func field(_ v: Double, _ decimals: Int) -> String {
            if faults.uniform() < 0.002 { return "" }
            return decimals == 0 ? String(Int(v.rounded())) : String(format: "%.\(decimals)f", v)
        }
        let names = (0..<tanks).map { $0 < 10 ? "0\($0)" : "\($0)" }
        var lines = ["timestamp,supply_c,outdoor_c,pump_kw,it_kw,facility_kw," + names.map { "tank\($0)_gpu_w" }.joined(separator: ",")
            + "," + names.map { "tank\($0)_temp_c" }.joined(separator: ",")]
        let outageStart = 4 * 86_400.0 + 13 * 3600, outageEnd = outageStart + 1200
        for k in times.indices {
            let elapsed = times[k] - times[0]
            if elapsed >= outageStart && elapsed < outageEnd { continue }
            var f = [ISO8601.string(times[k]),
                     field(q(supply[k] + noise.normal(mean: 0, standardDeviation: 0.05), 0.1), 1),
                     field(q(dryBulb[k] + noise.normal(mean: 0, standardDeviation: 0.2), 0.1), 1),
                     field(q(prediction.pumpPower[k] * (1 + noise.normal(mean: 0, standardDeviation: 0.01)), 10) / 1000, 2),
                     field(q(prediction.itPower[k] * (1 + noise.normal(mean: 0, standardDeviation: 0.005)), 100) / 1000, 1),
                     field(q(prediction.facilityPower[k] * (1 + noise.normal(mean: 0, standardDeviation: 0.005)), 100) / 1000, 1)]
            for t in 0..<tanks { f.append(field(power[t][k] + noise.normal(mean: 0, standardDeviation: 2), 0)) }
            for t in 0..<tanks {
                var temperature = prediction.gpuTemperature[t][k] + noise.normal(mean: 0, standardDeviation: 0.3)
                if t == driftingTank, elapsed > 3 * 86_400 { temperature += driftKelvinPerDay * (elapsed - 3 * 86_400) / 86_400 }
                f.append(field(temperature, 0))
            }
            let line = f.joined(separator: ",")
            lines.append(line)
            if faults.uniform() < 0.003 { lines.append(line) }
            if faults.uniform() < 0.002, lines.count > 2 { lines.swapAt(lines.count - 1, lines.count - 2) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The scenario's outdoor dry-bulb, hourly, °C.
enum ShadowWeather {
    static func dryBulbHours(_ spec: ScenarioSpec) throws -> [Double] {
        switch spec.weather {
        case .tmy3(let path, let offset):
            return try TMY3File(path: path).dryBulbCelsius.map { $0 + offset }
        case .synthetic(let mean, let annual, let daily, let hottest, let rh):
            return try SyntheticClimate(meanCelsius: mean, annualAmplitudeKelvin: annual, dailyAmplitudeKelvin: daily,
                                        hottestDayOfYear: hottest, relativeHumidity: rh).series().hours.map(\.dryBulbCelsius)
        }
    }
}
