import FacilitySim
import Operations

/// The `/metrics` of `factory-twin serve`: a run's state at one simulated instant, in OpenMetrics text.
///
/// The run is computed ahead (it is deterministic) and exposed instant by instant: at simulated time t every
/// physical gauge shows the time-series row sampled last at or before t (sample and hold, as a BMS shows its latest
/// reading). Names follow the OpenMetrics conventions of `metrics.prom` (unit suffixes with UNIT lines, `_total`
/// counters, the source document's `ai_*` names verbatim):
///
/// - per cohort (a cohort is a group of identical tanks or cold-plate loops; the twin models its units as one):
///   `gpu_temperature_celsius`, `coolant_temperature_celsius` (tank fluid / loop coolant), `gpu_clock_ratio`,
///   `gpus_in_service`, label `cohort`;
/// - plant: `facility_water_supply_temperature_celsius`, `facility_water_return_temperature_celsius`,
///   `facility_water_flow_cubic_meters_per_second`, `it_power_watts`, `facility_power_watts`, `cooling_power_watts`,
///   `chiller_power_watts`, `pump_power_watts`, `heat_recovered_watts`, `facility_pue` (facility / IT power now),
///   `cooling_units_up_ratio{role}`, `outdoor_dry_bulb_celsius`, `outdoor_wet_bulb_celsius`, `it_utilisation_ratio`;
/// - the document's metrics: `ai_autonomy_boundary_violations_total` counts the audit trail's
///   `executed_beyond_authority` lines up to t; `ai_tokens_per_watt` and the `ai_inference_latency` histogram are the
///   run's whole-horizon figures (as in `metrics.prom`): the time series does not carry tokens or latencies per instant;
/// - `twin_simulated_time_seconds` (t) and `gpu_temperature_limit_celsius`.
public struct LiveExposition: Sendable {
    public let result: RunResult
    /// Cohort names, in time-series order (columns `<name>_gpu_c`).
    public let cohorts: [String]
    private let times: [Double]
    private let violationTimes: [Double]

    public init(result: RunResult) {
        self.result = result
        let columns = result.timeSeries.columns
        cohorts = columns.filter { $0.hasSuffix("_gpu_c") && $0 != "gpu_max_c" }.map { String($0.dropLast("_gpu_c".count)) }
        times = result.timeSeries.column("time_s") ?? []
        violationTimes = result.auditTrail.records.filter { $0.outcome == .executedBeyondAuthority }.map(\.timeSeconds).sorted()
    }

    /// Simulated horizon, s.
    public var horizonSeconds: Double { result.summary.simulatedSeconds }

    /// The row sampled last at or before `t` (the first row before the first sample), nil for an empty series.
    public func row(at t: Double) -> Int? {
        guard !times.isEmpty else { return nil }
        var lo = 0, hi = times.count    // first index with time > t
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return max(lo - 1, 0)
    }

    /// The exposition at simulated time `t`, s (clamped to [0, horizon]).
    public func render(atSimulatedSeconds t: Double) -> String {
        let t = min(max(t, 0), horizonSeconds)
        let s = result.summary
        var doc = OpenMetricsDocument()
        let scenario = [("scenario", s.scenario)]
        documentMetrics(&doc, at: t)
        doc.family("twin_simulated_time_seconds", "gauge", "Simulated time of the exposed state since the start of the scenario.", unit: "seconds")
        doc.sample("twin_simulated_time_seconds", scenario, t)
        doc.family("gpu_temperature_limit_celsius", "gauge", "GPU temperature limit of the scenario.", unit: "celsius")
        doc.sample("gpu_temperature_limit_celsius", scenario, s.gpuTemperatureLimitCelsius)
        if let r = row(at: t) { physicalSignals(&doc, row: r, scenario: scenario) }
        return doc.finished
    }

    /// `ai_tokens_per_watt`, `ai_inference_latency` (whole horizon) and `ai_autonomy_boundary_violations` up to t,
    /// written by the same code as `metrics.prom`'s.
    private func documentMetrics(_ doc: inout OpenMetricsDocument, at t: Double) {
        let total = result.summary.aiAutonomyBoundaryViolations
        // Without an audit trail the times are unknown: the count shows once the horizon is reached.
        let count = total.map { result.auditTrail.records.isEmpty ? (t >= horizonSeconds ? $0 : 0) : violationTimes.prefix { $0 <= t }.count }
        OpenMetricsWriter.documentMetrics(&doc, result.summary, violations: count)
    }

    /// The gauges a hall's BMS and DCGM exporter show, from time-series row `r`.
    private func physicalSignals(_ doc: inout OpenMetricsDocument, row r: Int, scenario: [(String, String)]) {
        let ts = result.timeSeries
        func value(_ column: String) -> Double? { ts.columns.firstIndex(of: column).map { ts[r, $0] } }
        func gauge(_ name: String, _ column: String, _ help: String, unit: String? = nil) {
            guard let v = value(column) else { return }
            doc.family(name, "gauge", help, unit: unit)
            doc.sample(name, scenario, v)
        }
        func perCohort(_ name: String, _ suffix: String, _ help: String, unit: String? = nil) {
            doc.family(name, "gauge", help, unit: unit)
            for c in cohorts { if let v = value(c + suffix) { doc.sample(name, scenario + [("cohort", c)], v) } }
        }
        perCohort("gpu_temperature_celsius", "_gpu_c", "GPU junction temperature of each cohort of identical tanks or loops.", unit: "celsius")
        perCohort("coolant_temperature_celsius", "_sink_c", "Tank fluid (immersion) or cold-plate coolant temperature of each cohort.", unit: "celsius")
        perCohort("gpu_clock_ratio", "_clock", "GPU clock as a share of full clock (DVFS state) of each cohort.", unit: "ratio")
        perCohort("gpus_in_service", "_gpus_up", "GPUs in service (not failed) in each cohort.")
        gauge("facility_water_supply_temperature_celsius", "supply_c", "Facility-water supply temperature.", unit: "celsius")
        gauge("facility_water_return_temperature_celsius", "return_c", "Facility-water return temperature (before heat recovery).", unit: "celsius")
        gauge("facility_water_flow_cubic_meters_per_second", "coolant_flow_m3_s", "Facility-water flow the pumps deliver.", unit: "cubic_meters_per_second")
        gauge("it_power_watts", "it_power_w", "IT power at the server input.", unit: "watts")
        gauge("facility_power_watts", "facility_power_w", "Power drawn from the utility.", unit: "watts")
        gauge("cooling_power_watts", "cooling_power_w", "Cooling plant power: pumps, fans, chiller, tower, air handling.", unit: "watts")
        gauge("chiller_power_watts", "chiller_power_w", "Chiller compressor power (0 while free cooling holds the set-point).", unit: "watts")
        gauge("pump_power_watts", "pump_power_w", "Facility-water, technology-loop and chilled-water pump power.", unit: "watts")
        gauge("heat_recovered_watts", "heat_recovered_w", "Heat exported from the facility water to the heat user.", unit: "watts")
        gauge("facility_pue", "pue_instant", "Power usage effectiveness now: facility power / IT power.")
        gauge("outdoor_dry_bulb_celsius", "dry_bulb_c", "Outdoor dry-bulb temperature.", unit: "celsius")
        gauge("outdoor_wet_bulb_celsius", "wet_bulb_c", "Outdoor wet-bulb temperature.", unit: "celsius")
        gauge("it_utilisation_ratio", "utilisation", "Offered load as a share of full GPU utilisation.", unit: "ratio")
        doc.family("cooling_units_up_ratio", "gauge", "Share of each kind of cooling unit running (1 = all N units up).", unit: "ratio")
        for (role, column) in [("coolant_flow", "coolant_flow_units_up"), ("heat_rejection", "heat_rejection_units_up"), ("chiller", "chiller_units_up")] {
            if let v = value(column) { doc.sample("cooling_units_up_ratio", scenario + [("role", role)], v) }
        }
    }
}
