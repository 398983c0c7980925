import FacilitySim
import Foundation

/// The tables every report shows (HTML and Markdown render the same rows).
public enum ReportTables {
    /// The scenario and its headline figures.
    public static func summary(_ s: RunSummary) -> [ReportRow] {
        let mwh = { (j: Double) in "\(SVGText.fixed(j / 3.6e9, 1)) MWh" }
        var rows: [ReportRow] = [
            ReportRow("Scenario", "\(s.scenario) (seed \(s.seed), FactoryTwin \(s.version), \(s.fidelity) fidelity)"),
            ReportRow("Hall", "\(SVGText.fixed(Double(s.gpus), 0)) × \(s.accelerator)", .cited),
            ReportRow("Simulated horizon", "\(SVGText.number(s.simulatedSeconds / 3600, digits: 5)) h (\(s.events) events, \(SVGText.number(s.wallSeconds, digits: 3)) s wall)"),
            ReportRow("PUE / pPUE cooling", "\(SVGText.fixed(s.pue, 4)) / \(SVGText.fixed(s.ppueCooling, 4))"),
            ReportRow("ERE / ERF", "\(SVGText.fixed(s.ere, 4)) / \(SVGText.fixed(s.erf, 4))"),
            ReportRow("WUE", "\(SVGText.fixed(s.wueLitersPerKilowattHour, 3)) L/kWh"),
            ReportRow("IT / facility energy", "\(mwh(s.itEnergyJoules)) / \(mwh(s.facilityEnergyJoules))"),
            ReportRow("Mean IT power / peak facility power", "\(SVGText.fixed(s.meanItPowerWatts / 1e3, 1)) kW / \(SVGText.fixed(s.peakFacilityPowerWatts / 1e3, 1)) kW"),
            ReportRow("Heat recovered / delivered", "\(mwh(s.heatRecoveredJoules)) / \(mwh(s.heatDeliveredJoules))"),
            ReportRow("Water", "\(SVGText.fixed(s.waterLiters / 1000, 1)) m³"),
            ReportRow("Peak GPU temperature (limit)", "\(SVGText.fixed(s.maxGpuTemperatureCelsius, 2)) °C (\(SVGText.fixed(s.gpuTemperatureLimitCelsius, 1)) °C)"),
            ReportRow("Time any GPU above the limit", "\(SVGText.number(s.secondsAboveGpuLimit / 3600, digits: 4)) h (\(SVGText.number(s.gpuSecondsAboveLimit / 3600, digits: 4)) GPU-h)"),
            ReportRow("Throttling (\(s.throttleController))", "\(SVGText.fixed(s.throttledFraction * 100, 2)) % of GPU-time throttled, \(SVGText.fixed(s.throughputLostFraction * 100, 3)) % throughput lost, \(s.clockChanges) clock changes"),
            ReportRow("Chiller running", "\(SVGText.number(s.chillerSeconds / 3600, digits: 4)) h"),
            ReportRow("Energy balance relative error", String(format: "%.2e", s.energyBalanceRelativeError)),
        ]
        if let provenance = s.provenance {
            rows.insert(ReportRow("Provenance of the scenario's values", provenance.joined(separator: "; "), .calibrated), at: 1)
        }
        if let tokens = s.tokensGenerated {
            rows.append(ReportRow("Tokens generated\(s.servedModel.map { " (\($0))" } ?? "")",
                                  "\(SVGText.number(tokens, digits: 4)) (\(SVGText.fixed(s.tokensPerSecond ?? 0, 0)) tokens/s)", .calibrated))
        }
        if let a = s.availability {
            let ci = s.availabilityCi95.map { $0.count == 2 ? ", 95 % CI \(SVGText.fixed($0[0] * 100, 4))–\(SVGText.fixed($0[1] * 100, 4)) %" : "" } ?? ""
            rows.append(ReportRow("Availability (all GPUs at full clock)", "\(SVGText.fixed(a * 100, 4)) %\(ci)\(s.replications.map { " over \($0) replications" } ?? "")"))
        }
        if let w = s.capacityWeightedAvailability {
            rows.append(ReportRow("Capacity-weighted availability", "\(SVGText.fixed(w * 100, 4)) %"))
        }
        if s.gpuFailures != nil || s.coolingUnitFailures != nil {
            rows.append(ReportRow("Failures", "\(s.gpuFailures.map { "\($0) GPU" } ?? "no GPU failures modelled"), \(s.coolingUnitFailures.map { "\($0) cooling-unit" } ?? "no cooling-unit failures modelled")"))
        }
        return rows
    }

    /// Cost figures, when the run has an economics model.
    public static func economics(_ s: RunSummary) -> [ReportRow] {
        guard let e = s.economics else { return [] }
        var rows = [ReportRow("Cost per GPU-hour", "$\(SVGText.fixed(e.costPerGpuHourUsd, 3))")]
        rows.append(ReportRow("Cost per million output tokens", e.costPerMillionTokensUsd.map { "$\(SVGText.fixed($0, 3))" } ?? "not modelled (no tokens in this run)"))
        rows.append(ReportRow("Cost per inference", e.costPerInferenceUsd.map { "$\(SVGText.number($0, digits: 4))" } ?? "not modelled"))
        if let cloud = e.cloudReference { rows.append(ReportRow("Cloud reference", cloud, .cited)) }
        rows.append(ReportRow("Saving versus cloud", e.savingVersusCloudPercent.map { "\(SVGText.fixed($0, 1)) %" } ?? "not comparable"))
        if let price = e.energyPriceUsdPerKilowattHour { rows.append(ReportRow("Electricity price (mean)", "$\(SVGText.fixed(price, 4))/kWh", .cited)) }
        rows.append(ReportRow("Cost over the horizon", "$\(SVGText.fixed(e.horizonCostUsd, 0))"))
        let annual = e.annualCostByCategoryUsd
        rows.append(ReportRow("Annual cost", "$\(SVGText.fixed(annual.values.reduce(0, +), 0))/yr: " + annual.keys.sorted().map {
            "\(label($0)) $\(SVGText.number(annual[$0]! / 1e3, digits: 3))k"
        }.joined(separator: ", ")))
        if let investment = e.investmentByCategoryUsd {
            let total = investment.values.reduce(0, +)
            rows.append(ReportRow("Investment", "$\(SVGText.number(total / 1e6, digits: 4)) M: " + investment.keys.sorted().map {
                "\(label($0)) \(SVGText.fixed(total > 0 ? 100 * investment[$0]! / total : 0, 1)) %"
            }.joined(separator: ", ")))
        }
        return rows
    }

    /// A summary key (`capital_servers`, or `capitalServers` after a snake-case round trip) as words.
    static func label(_ key: String) -> String {
        var out = ""
        for c in key {
            if c == "_" { out += " " } else if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}
