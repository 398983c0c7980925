import FacilityModels
import Foundation

extension FacilitySimulation {
    /// Column names of the time series (units in the names). After the plant's powers come the signals a hall's
    /// BMS exports: facility-water return temperature and flow, pump power, and the share of each kind of cooling
    /// unit running (1 = all N units up); per cohort the GPUs in service.
    static func columns(_ cohorts: [Cohort]) -> [String] {
        var names = ["time_s", "utilisation", "dry_bulb_c", "wet_bulb_c", "supply_c", "it_power_w",
                     "facility_power_w", "cooling_power_w", "chiller_power_w", "heat_recovered_w", "pue_instant",
                     "gpu_max_c", "return_c", "coolant_flow_m3_s", "pump_power_w", "coolant_flow_units_up",
                     "heat_rejection_units_up", "chiller_units_up"]
        for c in cohorts { names += ["\(c.name)_gpu_c", "\(c.name)_sink_c", "\(c.name)_clock", "\(c.name)_gpus_up"] }
        return names
    }

    static func row(time: Double, utilisation: Double, weather: WeatherConditions, supply: Double,
                    powers: SubsystemPowers, cohorts: [Cohort], units: CoolingCapacity = CoolingCapacity()) -> [Double] {
        let it = powers.it
        let peak: Double = cohorts.map(\.state.moduleCelsius).max() ?? 0
        var row: [Double] = [time, utilisation, weather.dryBulbCelsius, weather.wetBulbCelsius, supply, it, powers.total,
                   powers.cooling, powers[.chiller], powers.heatRecoveredWatts, it > 0 ? powers.total / it : 0,
                   peak, powers.facilityWaterFlowCubicMetersPerSecond > 0 ? powers.returnCelsius : supply,
                   powers.facilityWaterFlowCubicMetersPerSecond, powers[.coolingPumps], units.coolantFlow,
                   units.heatRejection, units.chiller]
        for c in cohorts { row += [c.state.moduleCelsius, c.state.sinkCelsius, c.clockRatio, Double(c.gpusInService)] }
        return row
    }

    func makeResult(accounts: EnergyAccounts, series: TimeSeries, storedHeatChange: Double, secondsAbove: Double,
                    availableSeconds: Double, service: ServiceAvailabilityTally, peakFacilityWatts: Double, chillerSeconds: Double, maxSupply: Double, events: Int,
                    wallSeconds: Double) throws -> RunResult {
        let it = accounts.itJoules
        let total = accounts.totalJoules
        let reused = accounts.heatRecoveredJoules
        let cooling = accounts.coolingJoules
        // Heat leaving the facility: what the cohorts gave to the facility water and to room air, plus
        // every non-IT joule of electricity (pumps, fans, compressors and conversion losses all end
        // up as heat in the water or the air); the heat user takes its share.
        let heatFromIT = cohorts.reduce(0) { $0 + $1.heatToCoolantJoules + $1.heatToAirJoules }
        let heatOut = heatFromIT + (total - it)
        let rejected = heatOut - reused
        let gpuSeconds = Double(spec.facility.gpus) * spec.horizonSeconds
        let demanded = cohorts.reduce(0) { $0 + $1.workDemanded }
        let balance = total > 0 ? abs(total - (rejected + reused + storedHeatChange)) / total : 0
        var summary = RunSummary(
            scenario: spec.name, seed: spec.seed, version: SimulatorVersion.string, fidelity: spec.fidelity.rawValue,
            accelerator: plant.accelerator.name, gpus: spec.facility.gpus,
            pue: it > 0 ? total / it : 0,
            ppueCooling: it > 0 ? (it + cooling) / it : 0,
            ere: it > 0 ? (total - reused) / it : 0,
            erf: total > 0 ? reused / total : 0,
            wueLitersPerKilowattHour: it > 0 ? accounts.waterLiters / (it / 3.6e6) : 0,
            itEnergyJoules: it, facilityEnergyJoules: total, energyBySubsystemJoules: accounts.bySubsystem,
            heatRecoveredJoules: reused, heatDeliveredJoules: accounts.heatDeliveredJoules,
            heatPumpEnergyJoules: accounts.heatPumpJoules, heatRejectedJoules: rejected, waterLiters: accounts.waterLiters,
            energyBalanceRelativeError: balance,
            meanItPowerWatts: spec.horizonSeconds > 0 ? it / spec.horizonSeconds : 0,
            peakFacilityPowerWatts: peakFacilityWatts,
            maxGpuTemperatureCelsius: cohorts.map(\.maxModuleCelsius).max() ?? 0,
            gpuTemperatureLimitCelsius: spec.thermalManagement.gpuTemperatureThresholdCelsius,
            secondsAboveGpuLimit: secondsAbove,
            gpuSecondsAboveLimit: cohorts.reduce(0) { $0 + $1.gpuSecondsAboveLimit },
            chillerSeconds: chillerSeconds, maxCoolantSupplyCelsius: maxSupply,
            throttleController: controller.name,
            throttledFraction: gpuSeconds > 0 ? cohorts.reduce(0) { $0 + $1.gpuSecondsThrottled } / gpuSeconds : 0,
            throughputLostFraction: demanded > 0 ? cohorts.reduce(0) { $0 + $1.workLostToThrottling } / demanded : 0,
            clockChanges: cohorts.reduce(0) { $0 + $1.clockChanges },
            simulatedSeconds: spec.horizonSeconds, events: events, wallSeconds: wallSeconds)
        if !spec.provenance.isEmpty { summary.provenance = spec.provenance }
        // Operations (issue 6).
        summary.availability = spec.horizonSeconds > 0 ? availableSeconds / spec.horizonSeconds : 1
        summary.capacityWeightedAvailability = gpuSeconds > 0 ? cohorts.reduce(0) { $0 + $1.capacitySeconds } / gpuSeconds : 1
        FacilitySimulation.applyServiceLevel(service, level: spec.serviceLevel, to: &summary)
        if hazard != nil { summary.gpuFailures = cohorts.reduce(0) { $0 + $1.failures } }
        if !spec.reliability.coolingGroups.isEmpty {
            summary.coolingUnitFailures = coolingUnits.failures
            if spec.reliability.maintenance != nil { summary.preventiveReplacements = coolingUnits.preventiveReplacements }
        }
        var result = RunResult(summary: summary, timeSeries: series)
        applyServingFigures(to: &result.summary, series: series)
        try applyTrainingFigures(to: &result.summary)
        // Economics last: it prices the tokens and requests the serving model has just filled in.
        result.summary.economics = try economicsSummary(for: result.summary, series: series)
        return result
    }
}

/// Version of the simulator recorded in results.
public enum SimulatorVersion {
    public static let string = "0.1.0"
}
