/// A summary figure the CI gate compares with a baseline, its key in `summary.json` and its default tolerance.
///
/// Runs are deterministic (same scenario and seed ⇒ bit-identical figures), so any drift comes from a change of
/// code or data; the default tolerances let numerically harmless changes through and stop changes of substance.
public enum RegressionMetric: String, Sendable, CaseIterable, Hashable {
    case pue
    case maxGpuTemperatureCelsius = "max_gpu_temperature_celsius"
    case secondsAboveGpuLimit = "seconds_above_gpu_limit"
    case facilityEnergyJoules = "facility_energy_joules"
    case itEnergyJoules = "it_energy_joules"
    case throttledFraction = "throttled_fraction"
    case throughputLostFraction = "throughput_lost_fraction"
    case waterLiters = "water_liters"
    case tokensGenerated = "tokens_generated"
    case availability
    case costPerGpuHourUsd = "cost_per_gpu_hour_usd"

    /// The metric's value in `summary` (nil when the run did not model it).
    public func value(in s: RunSummary) -> Double? {
        switch self {
        case .pue: return s.pue
        case .maxGpuTemperatureCelsius: return s.maxGpuTemperatureCelsius
        case .secondsAboveGpuLimit: return s.secondsAboveGpuLimit
        case .facilityEnergyJoules: return s.facilityEnergyJoules
        case .itEnergyJoules: return s.itEnergyJoules
        case .throttledFraction: return s.throttledFraction
        case .throughputLostFraction: return s.throughputLostFraction
        case .waterLiters: return s.waterLiters
        case .tokensGenerated: return s.tokensGenerated
        case .availability: return s.availability
        case .costPerGpuHourUsd: return s.economics?.costPerGpuHourUsd
        }
    }

    /// Default tolerance. Assumption (engineering choice): 0.5 % on energies, PUE and cost; 0.5 K on the peak
    /// temperature; 60 s or 5 % on time above the limit; 0.005 absolute on fractions; 1e-4 on availability.
    public var defaultTolerance: RegressionTolerance {
        switch self {
        case .pue, .facilityEnergyJoules, .itEnergyJoules, .tokensGenerated, .costPerGpuHourUsd:
            return RegressionTolerance(relative: 0.005, absolute: 0)
        case .waterLiters: return RegressionTolerance(relative: 0.005, absolute: 1)
        case .maxGpuTemperatureCelsius: return RegressionTolerance(relative: 0, absolute: 0.5)
        case .secondsAboveGpuLimit: return RegressionTolerance(relative: 0.05, absolute: 60)
        case .throttledFraction, .throughputLostFraction: return RegressionTolerance(relative: 0, absolute: 0.005)
        case .availability: return RegressionTolerance(relative: 0, absolute: 1e-4)
        }
    }
}
