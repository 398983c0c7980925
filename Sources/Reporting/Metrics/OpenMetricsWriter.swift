import FacilitySim
import Foundation

/// `metrics.prom`: the run's figures in the OpenMetrics text format (HELP, TYPE and, where the metric name ends with
/// its unit as OpenMetrics requires, UNIT lines; `# EOF` at the end).
///
/// The source document's names are kept verbatim: `ai_tokens_per_watt{model,hardware_type}`, the histogram
/// `ai_inference_latency` with buckets [0.1, 0.5, 1, 2, 5] s, and the counter `ai_autonomy_boundary_violations`.
/// Their names carry no unit suffix, so their unit is stated in HELP. A metric the run does not model is declared
/// (HELP and TYPE) with no sample rather than given an invented value.
public enum OpenMetricsWriter {
    /// The exposition of `summary`.
    public static func render(_ s: RunSummary) -> String {
        var doc = OpenMetricsDocument()
        let scenario = [("scenario", s.scenario)]
        func family(_ name: String, _ type: String, _ help: String, unit: String? = nil) { doc.family(name, type, help, unit: unit) }
        func sample(_ name: String, _ labels: [(String, String)], _ value: Double) { doc.sample(name, labels, value) }
        let model = s.servedModel ?? "none"
        documentMetrics(&doc, s, violations: s.aiAutonomyBoundaryViolations)
        family("ai_tokens_generated", "counter", "Output tokens generated over the horizon.")
        if let v = s.tokensGenerated { sample("ai_tokens_generated_total", scenario + [("model", model)], v) }
        family("ai_tokens_per_second", "gauge", "Mean output tokens per second over the horizon.")
        if let v = s.tokensPerSecond { sample("ai_tokens_per_second", scenario + [("model", model)], v) }

        family("facility_pue", "gauge", "Power usage effectiveness: facility energy / IT energy over the horizon.")
        sample("facility_pue", scenario, s.pue)
        family("facility_ere", "gauge", "Energy reuse effectiveness: (facility energy - reused heat) / IT energy.")
        sample("facility_ere", scenario, s.ere)
        family("facility_erf", "gauge", "Energy reuse factor: reused heat / facility energy.")
        sample("facility_erf", scenario, s.erf)
        family("facility_energy_joules", "counter", "Electricity drawn from the utility over the horizon.", unit: "joules")
        sample("facility_energy_joules_total", scenario, s.facilityEnergyJoules)
        family("it_energy_joules", "counter", "IT energy at the server input over the horizon.", unit: "joules")
        sample("it_energy_joules_total", scenario, s.itEnergyJoules)
        family("subsystem_energy_joules", "counter", "Electricity by subsystem over the horizon.", unit: "joules")
        for key in s.energyBySubsystemJoules.keys.sorted() {
            sample("subsystem_energy_joules_total", scenario + [("subsystem", key)], s.energyBySubsystemJoules[key]!)
        }
        family("facility_water_liters", "counter", "Water evaporated and blown down over the horizon.", unit: "liters")
        sample("facility_water_liters_total", scenario, s.waterLiters)
        family("gpu_temperature_max_celsius", "gauge", "Highest GPU junction temperature reached.", unit: "celsius")
        sample("gpu_temperature_max_celsius", scenario, s.maxGpuTemperatureCelsius)
        family("gpu_temperature_limit_celsius", "gauge", "GPU temperature limit of the scenario.", unit: "celsius")
        sample("gpu_temperature_limit_celsius", scenario, s.gpuTemperatureLimitCelsius)
        family("gpu_time_above_limit_seconds", "gauge", "Time during which at least one GPU was above the limit.", unit: "seconds")
        sample("gpu_time_above_limit_seconds", scenario, s.secondsAboveGpuLimit)
        family("gpu_throttled_ratio", "gauge", "Time-weighted share of GPU-time run below full clock.", unit: "ratio")
        sample("gpu_throttled_ratio", scenario + [("controller", s.throttleController)], s.throttledFraction)
        family("gpu_throughput_lost_ratio", "gauge", "Share of GPU work lost to throttling.", unit: "ratio")
        sample("gpu_throughput_lost_ratio", scenario + [("controller", s.throttleController)], s.throughputLostFraction)
        family("facility_availability_ratio", "gauge", "Share of time all GPUs could run at full clock.", unit: "ratio")
        if let a = s.availability { sample("facility_availability_ratio", scenario, a) }
        family("cost_per_gpu_hour_usd", "gauge", "Total cost of ownership per installed GPU-hour, US dollars.", unit: "usd")
        if let v = s.economics?.costPerGpuHourUsd { sample("cost_per_gpu_hour_usd", scenario, v) }
        family("cost_per_million_tokens_usd", "gauge", "Total cost of ownership per million output tokens, US dollars.", unit: "usd")
        if let v = s.economics?.costPerMillionTokensUsd { sample("cost_per_million_tokens_usd", scenario, v) }
        return doc.finished
    }

    /// The source document's three metrics, shared by `metrics.prom` and serve's live `/metrics`:
    /// `ai_tokens_per_watt{model,hardware_type}` and the `ai_inference_latency` histogram (buckets 0.1, 0.5, 1, 2, 5 s
    /// and +Inf) from the summary, and `ai_autonomy_boundary_violations_total{scenario}` = `violations` (nil: declared
    /// without a sample).
    static func documentMetrics(_ doc: inout OpenMetricsDocument, _ s: RunSummary, violations: Int?) {
        let model = s.servedModel ?? "none"
        let labels = [("model", model), ("hardware_type", s.accelerator)]
        doc.family("ai_tokens_per_watt", "gauge", "Output tokens per second per watt of facility power (= tokens per joule, PUE included).")
        if let v = s.tokensPerJouleFacility { doc.sample("ai_tokens_per_watt", labels, v) }
        doc.family("ai_inference_latency", "histogram", "End-to-end request latency in seconds (arrival to last token), buckets 0.1, 0.5, 1, 2, 5 s.")
        if let l = s.latencySeconds {
            for (i, bound) in l.histogramBucketsSeconds.enumerated() where i < l.histogramCumulativeCounts.count {
                doc.sample("ai_inference_latency_bucket", labels + [("le", "\(bound)")], Double(l.histogramCumulativeCounts[i]))
            }
            let total = l.histogramCumulativeCounts.last ?? 0
            doc.sample("ai_inference_latency_bucket", labels + [("le", "+Inf")], Double(total))
            doc.sample("ai_inference_latency_count", labels, Double(total))
            doc.sample("ai_inference_latency_sum", labels, l.histogramSumSeconds)
        }
        doc.family("ai_autonomy_boundary_violations", "counter", "Control actions attempted beyond their authority under the bounded-autonomy policy.")
        if let v = violations { doc.sample("ai_autonomy_boundary_violations_total", [("scenario", s.scenario)], Double(v)) }
    }
}
