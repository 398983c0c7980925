import FacilityModels

extension FacilitySimulation {
    /// The run's cost figures under the scenario's `economics:` block, or nil when the scenario has none.
    ///
    /// Called last in `makeResult`, once the summary carries the tokens and requests of the serving model.
    /// With an hourly price series the energy is priced at the mean price weighted by the sampled facility power.
    /// - Throws: `FacilityModelError` when the economics parameters are invalid.
    func economicsSummary(for summary: RunSummary, series: TimeSeries) throws -> EconomicsSummary? {
        guard let economics = spec.economics else { return nil }
        let p = economics.parameters
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
}
