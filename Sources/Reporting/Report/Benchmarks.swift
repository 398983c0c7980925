import FacilitySim
import Foundation

/// The source document's benchmarks, measured by the twin for one run (and its air-cooled baseline when given).
///
/// Each row states its definition, so that a pass or a fail can be checked by hand. A figure the run does not model
/// (tokens without the serving model, availability without failures) is "not modelled", never a guess.
public enum Benchmarks {
    /// The document's throughput range, tokens/s.
    public static let throughputRange = 10_000.0...50_000.0
    /// The document's PUE target.
    public static let pueTarget = 1.1
    /// The document's "1.5–2× better than a traditional DC".
    public static let improvementRange = 1.5...2.0
    /// The document's cost saving against public cloud, %.
    public static let savingRange = 30.0...60.0
    /// The document's uptime range.
    public static let uptimeRange = 0.9995...0.9999

    /// Every benchmark row for `summary`, against `baseline` when given.
    public static func rows(_ s: RunSummary, baseline: RunSummary?) -> [BenchmarkRow] {
        var rows: [BenchmarkRow] = []
        let tps = s.tokensPerSecond
        rows.append(BenchmarkRow(
            name: "Inference throughput", target: "10,000–50,000 tokens/s",
            measured: tps.map { "\(SVGText.fixed($0, 0)) tokens/s" } ?? "—",
            verdict: tps.map { $0 >= throughputRange.lowerBound ? .pass : .fail } ?? .notModelled,
            definition: "Mean output tokens per second over the horizon, whole facility (serving model: roofline with efficiencies calibrated on the committed CPU kernel profile); pass at ≥ 10,000 tokens/s. Above 50,000 the hall is larger than the document's range describes (0.4–2 HGX H100 nodes at 70B, shared references §6), which is not a failure.",
            provenance: .calibrated))
        rows.append(BenchmarkRow(
            name: "PUE target", target: "≤ 1.10", measured: SVGText.fixed(s.pue, 3),
            verdict: s.pue <= pueTarget + 5e-4 ? .pass : .fail,
            definition: "Facility energy / IT energy over the horizon (The Green Grid), rounded to 3 decimals; the heat pump of heat recovery is outside the boundary.",
            provenance: .modelled))
        rows += improvementRows(s, baseline: baseline)
        let saving = s.economics?.savingVersusCloudPercent
        let perInference = s.economics?.costPerInferenceUsd
        rows.append(BenchmarkRow(
            name: "Cost per inference below public cloud", target: "30–60 % lower",
            measured: saving.map { "\(SVGText.fixed($0, 1)) % lower" + (perInference.map { " ($\(SVGText.number($0, digits: 3)) per inference)" } ?? "") } ?? "—",
            verdict: saving.map { $0 >= savingRange.lowerBound ? .pass : .fail } ?? .notModelled,
            definition: "1 − own cost / cloud price, per GPU-hour or per million tokens as the reference is priced (\(s.economics?.cloudReference ?? "no cloud reference")); own cost = annualised capital (servers, facility, software & platform, integration, training; capital recovery factor) + energy + maintenance + staff + water. At equal GPU-hours and throughput the per-GPU-hour saving is the per-inference saving. Pass at ≥ 30 %.",
            provenance: .modelled))
        rows += InvestmentBreakdown.rows(s)
        rows.append(uptimeRow(s))
        rows.append(trainingRow(s))
        rows.append(BenchmarkRow(
            name: "GPU temperature policy", target: "≤ \(SVGText.fixed(s.gpuTemperatureLimitCelsius, 0)) °C",
            measured: "peak \(SVGText.fixed(s.maxGpuTemperatureCelsius, 2)) °C, \(SVGText.number(s.secondsAboveGpuLimit / 3600, digits: 3)) h above",
            verdict: s.secondsAboveGpuLimit == 0 && s.maxGpuTemperatureCelsius <= s.gpuTemperatureLimitCelsius + 0.05 ? .pass : .fail,
            definition: "Exact peak of every GPU cohort's junction temperature (closed-form thermal trajectories) and the time any GPU spent above the scenario's threshold; pass when no time is spent above it (0.05 K tolerance on the peak).",
            provenance: .modelled))
        rows.append(BenchmarkRow(
            name: "ai_tokens_per_watt", target: "reported", measured: s.tokensPerJouleFacility.map { "\(SVGText.number($0, digits: 4)) tokens/J" } ?? "—",
            verdict: s.tokensPerJouleFacility == nil ? .notModelled : .reported,
            definition: "Output tokens per second per watt of facility power = tokens per joule at the facility boundary (PUE included).",
            provenance: .calibrated))
        let latency = s.latencySeconds
        rows.append(BenchmarkRow(
            name: "ai_inference_latency", target: "buckets 0.1, 0.5, 1, 2, 5 s",
            measured: latency.map { "p50 \(SVGText.number($0.endToEnd.p50, digits: 3)) s, p99 \(SVGText.number($0.endToEnd.p99, digits: 3)) s" } ?? "—",
            verdict: latency == nil ? .notModelled : .reported,
            definition: "End-to-end request latency (arrival to last token), histogram with the document's buckets (metrics.prom); source: \(s.latencySource ?? "none"). At fluid fidelity it is a queueing approximation: one replica driven by the same scheduler and iteration-time model under Poisson arrivals, sampled at loads 5–90 % of saturation, interpolated to each hour's load and weighted by its requests (validated against request fidelity: p50 and p99 within 10 % on Scenarios/request-diurnal-64gpu.yaml).",
            provenance: .calibrated))
        let violations = s.aiAutonomyBoundaryViolations
        rows.append(BenchmarkRow(
            name: "ai_autonomy_boundary_violations", target: "0", measured: violations.map(String.init) ?? "—",
            verdict: violations.map { $0 == 0 ? .pass : .fail } ?? .notModelled,
            definition: "Control actions attempted beyond their authority under the bounded-autonomy policy.",
            provenance: .modelled))
        return rows
    }

    /// Uptime as an SLA counts it: judged on the service availability (share of time the hall delivered at least its
    /// committed capacity), with the facility availability (power and cooling delivered, the Uptime Institute tiers'
    /// reading), the capacity-weighted figure and the strict one beside it, each with its 95 % interval when replicated.
    /// Without a service figure (a summary written before it existed), the capacity-weighted one is judged, else the
    /// strict one's lower 95 % bound (or single-run value).
    static func uptimeRow(_ s: RunSummary) -> BenchmarkRow {
        let percent = { (x: Double) in "\(SVGText.fixed(x * 100, 3)) %" }
        func ci(_ interval: [Double]?) -> String {
            interval.flatMap { $0.count == 2 ? " [\(percent($0[0]))–\(percent($0[1]))]" : nil } ?? ""
        }
        var parts: [String] = []
        if let service = s.serviceAvailability {
            parts.append("service \(percent(service))\(ci(s.serviceAvailabilityCi95))")
        }
        if let facility = s.facilityAvailability { parts.append("facility \(percent(facility))\(ci(s.facilityAvailabilityCi95))") }
        if let weighted = s.capacityWeightedAvailability { parts.append("capacity-weighted \(percent(weighted))") }
        if let strict = s.availability { parts.append("all GPUs at full clock \(percent(strict))\(ci(s.availabilityCi95))") }
        let judged = s.serviceAvailability ?? s.capacityWeightedAvailability ?? s.availabilityCi95?.first ?? s.availability
        let commitment = s.committedCapacity.map { "\(SVGText.fixed($0 * 100, 1)) % of installed full-clock GPU capacity (\(s.committedCapacityBasis ?? "—"))" } ?? "not stated"
        return BenchmarkRow(
            name: "Uptime", target: "99.95–99.99 %", measured: parts.isEmpty ? "—" : parts.joined(separator: "; "),
            verdict: judged.map { $0 >= uptimeRange.lowerBound ? .pass : .fail } ?? .notModelled,
            definition: "Judged on the service availability: the share of time the hall delivered at least its committed capacity, \(commitment); delivered capacity = GPUs in service × the throughput ratio of their clock, capped by the share of cooling delivered. As a cloud SLA counts it (Google Compute Engine SLA: Monthly Uptime Percentage = 100 % − downtime minutes, downtime = the covered service unavailable), throttling that keeps capacity at or above the commitment is not downtime. Beside it: facility availability, the share of time power and cooling were delivered with every redundancy group at N units (Uptime Institute, Tier Standard: Topology — N+1 capacity components, Tier III concurrently maintainable; commonly quoted site figures 99.982 % Tier III, 99.995 % Tier IV); the capacity-weighted availability (mean share of capacity delivered); and the strict figure (every cooling group at N and every GPU at full clock). Intervals are 95 % Student-t over replications. Pass at ≥ 99.95 %.",
            provenance: .modelled)
    }

    /// "1.5–2× better than a traditional DC" under both readings, against the air-cooled baseline.
    static func improvementRows(_ s: RunSummary, baseline: RunSummary?) -> [BenchmarkRow] {
        let note = "The document's own figures (1.1 against a typical 1.58, Uptime 2023) give 1.44× as a ratio of PUEs and 5.8× as a ratio of overheads: its 1.5–2× fits the PUE-ratio reading in scale (it needs a 1.65–2.2 baseline), not the overhead reading."
        let name = baseline.map { "\($0.scenario), PUE \(SVGText.fixed($0.pue, 3))" } ?? "no baseline summary given"
        let pueRatio = baseline.map { $0.pue / s.pue }
        let overheadRatio = baseline.flatMap { s.pue > 1 ? ($0.pue - 1) / (s.pue - 1) : nil }
        func verdict(_ r: Double?) -> BenchmarkVerdict { r.map { $0 >= improvementRange.lowerBound ? .pass : .fail } ?? .notModelled }
        return [
            BenchmarkRow(name: "Energy efficiency vs traditional DC — ratio of PUEs", target: "1.5–2×",
                         measured: pueRatio.map { "\(SVGText.fixed($0, 2))×" } ?? "—", verdict: verdict(pueRatio),
                         definition: "PUE of the baseline (\(name)) / PUE of this run; pass at ≥ 1.5. \(note)", provenance: .modelled),
            BenchmarkRow(name: "Energy efficiency vs traditional DC — ratio of overheads", target: "1.5–2×",
                         measured: overheadRatio.map { "\(SVGText.fixed($0, 2))×" } ?? "—", verdict: verdict(overheadRatio),
                         definition: "(PUE − 1) of the baseline / (PUE − 1) of this run: non-IT energy per unit of IT energy; pass at ≥ 1.5.",
                         provenance: .modelled),
        ]
    }
}
