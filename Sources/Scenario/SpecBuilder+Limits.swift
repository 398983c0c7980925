import FacilitySim
import Foundation

extension SpecBuilder {
    /// Reads the optional `limits:` block (issue 8) into `ScenarioSpec.limits`: the hard limits and regression
    /// tolerances `factory-twin check` enforces.
    func readLimits() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("limits") else { return nil }
        defer { m.rejectUnknownKeys() }
        var limits = LimitsSpec()
        var ok = true
        func read(_ key: String, _ dimension: Dimension, _ range: ClosedRange<Double>) -> Double? {
            guard m.contains(key) else { m.accept(key); return nil }
            let v = m.quantity(key, dimension, range: range)
            if v == nil { ok = false }
            return v
        }
        if let tolerance = read("threshold_tolerance", .temperatureDifference, 0...50) { limits.thresholdToleranceKelvin = tolerance }
        limits.maxGpuTemperatureCelsius = read("max_gpu_temperature_celsius", .temperature, 0...200)
        limits.maxSecondsAboveGpuLimit = read("seconds_above_gpu_limit", .time, 0...(100 * 31_536_000.0))
        limits.minAvailability = read("min_availability", .fraction, 0...1)
        limits.maxPue = read("max_pue", .dimensionless, 1...10)
        limits.maxThroughputLostFraction = read("max_throughput_lost_fraction", .fraction, 0...1)
        if m.contains("max_energy_balance_error") {
            limits.maxEnergyBalanceRelativeError = read("max_energy_balance_error", .dimensionless, 0...1)
        } else {
            m.accept("max_energy_balance_error")
        }
        if let t = m.mapping("tolerances") {
            defer { t.rejectUnknownKeys() }
            for metric in RegressionMetric.allCases {
                guard let entry = t.mapping(metric.rawValue) else { t.accept(metric.rawValue); continue }
                defer { entry.rejectUnknownKeys() }
                let relative = entry.quantity("relative", .fraction, default: 0, range: 0...10)
                let absolute = entry.quantity("absolute", .dimensionless, default: 0, range: 0...1e30)
                guard let relative, let absolute else { ok = false; continue }
                limits.tolerances[metric] = RegressionTolerance(relative: relative, absolute: absolute)
            }
        } else if m.contains("tolerances") {
            ok = false
        }
        guard ok else { return nil }
        return { $0.limits = limits }
    }
}
