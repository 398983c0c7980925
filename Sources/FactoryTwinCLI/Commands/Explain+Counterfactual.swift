import ArgumentParser
import FacilitySim
import Foundation
import Operations

/// `explain --counterfactual "without LINE"`: the factual and counterfactual figures and their difference.
extension Explain {
    /// The difference of the figures `explain` reports (counterfactual − factual), nil where a run lacks one.
    struct CounterfactualReport: Encodable {
        var removedLine: Int
        var removedEvent: String
        var factual: Counterfactual.Figures
        var counterfactual: Counterfactual.Figures
        var difference: [String: Double]
    }

    func runCounterfactual(_ phrase: String, text: String, index: AuditTrailIndex) throws {
        let line: Int
        do { line = try Counterfactual.line(of: phrase) } catch { throw ValidationError("\(error)") }
        let name = index.entries.first?.details["scenario"] ?? index.entries.first?.target ?? ""
        let path = scenario ?? "Scenarios/\(name).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            fail("\(trail): the counterfactual needs the scenario file: \(path) does not exist (give --scenario FILE)")
        }
        let spec = try ScenarioInput.load(path)
        let comparison: Counterfactual.Comparison
        do {
            comparison = try Counterfactual.run(trailText: text, spec: spec, without: line)
        } catch let m as AuditMismatch {
            fail("\(trail):\(m.line): \(m.field.map { "field '\($0)': " } ?? "")\(m.message)")
        } catch let f as AuditReplay.Failure {
            if case .mismatch(let m) = f { fail("\(trail):\(m.line): the trail does not match a re-run of \(path): \(m)") }
            fail("\(trail): \(f)")
        }
        let a = Counterfactual.Figures(comparison.factual.summary), b = Counterfactual.Figures(comparison.counterfactual.summary)
        var difference: [String: Double] = [
            "max_gpu_temperature_celsius": b.maxGpuTemperatureCelsius - a.maxGpuTemperatureCelsius,
            "seconds_above_gpu_limit": b.secondsAboveGpuLimit - a.secondsAboveGpuLimit,
        ]
        func pair(_ key: String, _ x: Double?, _ y: Double?) { if let x, let y { difference[key] = y - x } }
        pair("tokens_generated", a.tokensGenerated, b.tokensGenerated)
        pair("horizon_cost_usd", a.horizonCostUsd, b.horizonCostUsd)
        pair("cost_per_million_tokens_usd", a.costPerMillionTokensUsd, b.costPerMillionTokensUsd)
        pair("availability", a.availability, b.availability)
        pair("capacity_weighted_availability", a.capacityWeightedAvailability, b.capacityWeightedAvailability)
        pair("incidents", a.incidents.map(Double.init), b.incidents.map(Double.init))
        let report = CounterfactualReport(removedLine: line, removedEvent: comparison.removedEvent, factual: a, counterfactual: b,
                                          difference: difference)
        switch format {
        case .json: print(String(decoding: try Explain.encoder.encode(report), as: UTF8.self))
        case .text:
            print("Counterfactual: \(trail) without line \(line) — \(comparison.removedEvent)")
            print("(factual run verified against the trail; both from seed \(comparison.spec.seed), replication \(comparison.spec.replication))")
            func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
            func row(_ label: String, _ x: Double?, _ y: Double?) {
                guard let x, let y else { print("  \(pad(label, 36))not modelled by this scenario"); return }
                print("  \(pad(label, 36))\(pad("\(x)", 24))\(pad("\(y)", 24))\(y - x >= 0 ? "+" : "")\(y - x)")
            }
            print("  \(pad("figure", 36))\(pad("factual", 24))\(pad("counterfactual", 24))difference")
            row("peak GPU temperature, °C", a.maxGpuTemperatureCelsius, b.maxGpuTemperatureCelsius)
            row("time above the limit, s", a.secondsAboveGpuLimit, b.secondsAboveGpuLimit)
            row("tokens generated", a.tokensGenerated, b.tokensGenerated)
            row("cost over the horizon, USD", a.horizonCostUsd, b.horizonCostUsd)
            row("cost per million tokens, USD", a.costPerMillionTokensUsd, b.costPerMillionTokensUsd)
            row("availability (all GPUs full clock)", a.availability, b.availability)
            row("capacity-weighted availability", a.capacityWeightedAvailability, b.capacityWeightedAvailability)
            row("incidents", a.incidents.map(Double.init), b.incidents.map(Double.init))
        }
    }
}
