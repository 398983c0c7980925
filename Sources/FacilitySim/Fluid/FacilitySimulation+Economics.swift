import FacilityModels

extension FacilitySimulation {
    /// The run's cost figures under the scenario's `economics:` block, or nil when the scenario has none.
    ///
    /// Called last in `makeResult`, once the summary carries the tokens and requests of the serving model.
    /// With an hourly price series the energy is priced at the mean price weighted by the sampled facility power.
    /// - Throws: `FacilityModelError` when the economics parameters are invalid.
    func economicsSummary(for summary: RunSummary, series: TimeSeries) throws -> EconomicsSummary? {
        guard let economics = spec.economics else { return nil }
        var p = economics.parameters
        // A fluid run knows tokens but not requests: one inference is then the mean output length of the serving
        // block's length mix (its nominal mean: the clamp to [1, max_tokens] is ignored). A request-fidelity run
        // divides by its completed requests instead (CostOfOwnership).
        if p.tokensPerInference == nil, summary.requests == nil, let serving = spec.serving {
            switch serving.arrivals {
            case .trace: break
            default: p.tokensPerInference = Self.nominalMean(serving.outputTokens)
            }
        }
        var price = p.energyPriceUsdPerKilowattHour
        if let prices = p.hourlyEnergyPricesUsdPerKilowattHour, !prices.isEmpty,
           let times = series.column("time_s"), let power = series.column("facility_power_w") {
            let samples = zip(times, power).map { (hour: spec.startHour + Int(($0.0 / 3600).rounded(.down)), watts: $0.1) }
            price = CostOfOwnership.powerWeightedPrice(prices: prices, samples: samples)
        }
        let facility = CostOfOwnership.Facility(
            gpus: spec.facility.gpus, gpusPerServer: spec.facility.gpusPerServer, designITWatts: plant.designITWatts,
            horizonSeconds: spec.horizonSeconds, facilityEnergyJoules: summary.facilityEnergyJoules,
            meanEnergyPriceUsdPerKilowattHour: price, waterLiters: summary.waterLiters,
            heatRecoveredJoules: summary.heatRecoveredJoules, tokensGenerated: summary.tokensGenerated,
            requestsCompleted: summary.requests?.completed)
        let cost = try CostOfOwnership(parameters: p, facility: facility)
        return EconomicsSummary(
            costPerGpuHourUsd: cost.costPerGpuHourUsd, costPerMillionTokensUsd: cost.costPerMillionTokensUsd,
            costPerInferenceUsd: cost.costPerInferenceUsd, savingVersusCloudPercent: cost.savingVersusCloudPercent,
            annualCostByCategoryUsd: cost.annualCostByCategoryUsd, horizonCostUsd: cost.horizonCostUsd,
            investmentByCategoryUsd: cost.investmentByCategoryUsd, cloudReference: p.cloud?.label,
            energyPriceUsdPerKilowattHour: price)
    }

    /// Mean of a length distribution before rounding and clamping, tokens.
    static func nominalMean(_ d: ServingSpec.LengthDistribution) -> Double {
        switch d {
        case .constant(let n): return n
        case .lognormal(let mean, _), .exponential(let mean): return mean
        case .uniform(let lower, let upper): return (lower + upper) / 2
        }
    }
}
