import FacilitySim
import Foundation

/// One line of the CI gate's table: a metric, its baseline, its value now, the limit or tolerance, the verdict.
public struct CheckRow: Sendable, Equatable {
    public var metric: String
    public var baseline: Double?
    public var now: Double?
    /// The limit or tolerance as text (`≤ 75`, `± max(0.5, 0 %)`).
    public var limit: String
    public var passed: Bool
    /// Why it failed (empty when it passed).
    public var message: String
}

/// The gate's verdict on one scenario.
public struct CheckResult: Sendable {
    public var scenario: String
    public var rows: [CheckRow]
    /// Host wall time of the run, s (JUnit `time`).
    public var wallSeconds: Double
    public var passed: Bool { rows.allSatisfy(\.passed) }
    public var failures: Int { rows.filter { !$0.passed }.count }
}

/// The CI gate: the scenario's own thermal threshold and energy balance, the hard limits of its `limits:` block and
/// regression tolerances against a baseline summary.
///
/// Whatever the `limits:` block holds, every scenario is judged on its `thermal_management.gpu_temperature_threshold`
/// (the exact peak within `limits.threshold_tolerance`, default 0.05 K; the time any GPU spent above it within
/// `limits.seconds_above_gpu_limit`, default 0 s) and on its energy balance (`max_energy_balance_error`, default
/// 1e-9), so a gate can never pass on an empty table (issue 15 item 7).
///
/// A regression metric passes when |now − baseline| ≤ max(absolute, relative·|baseline|) (two-sided: a change either
/// way means the baseline must be renewed deliberately with `--update-baseline`). A metric absent from the baseline
/// but present now (a model newly filling it) passes; one present in the baseline but absent now fails.
public enum CheckGate {
    /// Evaluates `summary` against `limits` and, when given, `baseline`. `missingBaseline` names the baseline file
    /// that was required but absent (one failing row).
    public static func evaluate(_ summary: RunSummary, limits: LimitsSpec?, baseline: RunSummary?,
                                missingBaseline: String? = nil) -> CheckResult {
        var rows: [CheckRow] = []
        func maximum(_ metric: String, _ now: Double?, _ limit: Double?, unit: String = "") {
            guard let limit else { return }
            let ok = now.map { $0 <= limit } ?? false
            rows.append(CheckRow(metric: metric, baseline: nil, now: now, limit: "≤ \(format(limit))\(unit)", passed: ok,
                                 message: ok ? "" : now.map { "\(format($0))\(unit) exceeds the limit \(format(limit))\(unit)" } ?? "not modelled in this run"))
        }
        let l = limits
        rows += thresholdRows(summary, limits: l)
        maximum("max_gpu_temperature_celsius", summary.maxGpuTemperatureCelsius, l?.maxGpuTemperatureCelsius, unit: " °C")
        maximum("pue", summary.pue, l?.maxPue)
        maximum("throughput_lost_fraction", summary.throughputLostFraction, l?.maxThroughputLostFraction)
        maximum("energy_balance_relative_error", summary.energyBalanceRelativeError,
                l?.maxEnergyBalanceRelativeError ?? LimitsSpec().maxEnergyBalanceRelativeError)
        if let minimum = l?.minAvailability {
            let now = summary.availability
            let ok = now.map { $0 >= minimum } ?? false
            rows.append(CheckRow(metric: "availability", baseline: nil, now: now, limit: "≥ \(format(minimum))", passed: ok,
                                 message: ok ? "" : now.map { "\(format($0)) is below the minimum \(format(minimum))" } ?? "not modelled in this run"))
        }
        if let missingBaseline {
            rows.append(CheckRow(metric: "baseline", baseline: nil, now: nil, limit: "present", passed: false,
                                 message: "no baseline summary at \(missingBaseline) (create it with --update-baseline)"))
        }
        if let baseline {
            for metric in RegressionMetric.allCases {
                let base = metric.value(in: baseline), now = metric.value(in: summary)
                if base == nil && now == nil { continue }
                let t = l?.tolerances[metric] ?? metric.defaultTolerance
                let limit = "± max(\(format(t.absolute)), \(format(t.relative * 100)) %)"
                guard let base, let now else {
                    // A figure new since the baseline (a model that now fills it) is not a regression; one that
                    // disappeared is.
                    rows.append(CheckRow(metric: metric.rawValue, baseline: base, now: now, limit: limit, passed: base == nil,
                                         message: base == nil ? "" : "no longer in the summary"))
                    continue
                }
                let ok = t.accepts(now: now, baseline: base)
                rows.append(CheckRow(metric: metric.rawValue, baseline: base, now: now, limit: limit, passed: ok,
                                     message: ok ? "" : "drifted by \(format(now - base)) from the baseline \(format(base)) (tolerance \(limit))"))
            }
        }
        return CheckResult(scenario: summary.scenario, rows: rows, wallSeconds: summary.wallSeconds)
    }

    /// The rows every scenario is judged on: the peak against the scenario's threshold plus its tolerance, and the time
    /// above the threshold against the allowed time (0 s unless the `limits:` block allows more).
    static func thresholdRows(_ s: RunSummary, limits: LimitsSpec?) -> [CheckRow] {
        let threshold = s.gpuTemperatureLimitCelsius
        let tolerance = limits?.thresholdToleranceKelvin ?? LimitsSpec.defaultThresholdToleranceKelvin
        let peakOK = s.maxGpuTemperatureCelsius <= threshold + tolerance
        let peak = CheckRow(metric: "gpu_temperature_threshold", baseline: nil, now: s.maxGpuTemperatureCelsius,
                            limit: "≤ \(format(threshold)) °C + \(format(tolerance)) K", passed: peakOK,
                            message: peakOK ? "" : "peak \(format(s.maxGpuTemperatureCelsius)) °C exceeds the scenario's threshold \(format(threshold)) °C by more than its \(format(tolerance)) K tolerance")
        let allowed = limits?.maxSecondsAboveGpuLimit ?? 0
        let above = s.secondsAboveGpuLimit
        let aboveOK = above <= allowed
        let hours = SVGText.number(above / 3600, digits: 4)
        let time = CheckRow(metric: "seconds_above_gpu_limit", baseline: nil, now: above, limit: "≤ \(format(allowed)) s", passed: aboveOK,
                            message: aboveOK ? "" : "GPUs spent \(format(above)) s (\(hours) h) above the \(format(threshold)) °C threshold; \(format(allowed)) s allowed")
        return [peak, time]
    }

    /// The table printed by `factory-twin check`: scenario, metric, baseline, now, limit, verdict.
    public static func table(_ results: [CheckResult]) -> String {
        var lines = [["scenario", "metric", "baseline", "now", "limit", "verdict"]]
        for r in results {
            for row in r.rows {
                lines.append([r.scenario, row.metric, row.baseline.map(format) ?? "—", row.now.map(format) ?? "—", row.limit,
                              row.passed ? "pass" : "FAIL: \(row.message)"])
            }
        }
        let widths = (0..<5).map { c in lines.map { $0[c].count }.max() ?? 0 }
        return lines.map { line in
            (0..<6).map { c in c < 5 ? line[c].padding(toLength: widths[c], withPad: " ", startingAt: 0) : line[c] }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A number with 6 significant digits (exponent form for very large or small magnitudes).
    static func format(_ x: Double) -> String {
        if x == 0 { return "0" }
        if abs(x) >= 1e7 || abs(x) < 1e-4 { return String(format: "%.6g", x) }
        var s = String(format: "%.6g", x)
        if s.contains("e") { s = String(format: "%.6f", x) }
        return s
    }
}
