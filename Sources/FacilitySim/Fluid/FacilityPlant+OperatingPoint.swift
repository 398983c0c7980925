import FacilityModels
import Foundation

extension FacilityPlant {
    /// Heat the cohorts produce at one operating point, W.
    struct CohortHeat {
        /// Heat into the liquid loops (tank fluid, cold-plate coolant).
        var liquidWatts = 0.0
        /// Heat to room air (air-cooled servers, the uncaptured share of liquid-cooled ones).
        var airWatts = 0.0
        /// Liquid heat of the installed GPUs at full load and clock: what the loops' design flow is sized for.
        var liquidDesignWatts = 0.0
    }

    /// The liquid loops' flow this hour as a fraction of design, and whether the running pumps fall short of it.
    struct LoopFlow {
        var ratio: Double
        var shortfall: Bool
    }

    /// Sets every cohort's inputs for utilisation `u` and finds the plant's electrical powers.
    ///
    /// Heat paths: each GPU's own power enters its module (node 1); the rest of the server's power
    /// (other components and PSU loss) enters node 2 — all of it in a tank, the liquid-captured share
    /// on cold plates — and the remainder goes to room air, as does everything in an air-cooled server.
    ///
    /// One flow (see the type): the pumps run at r = liquid heat / liquid design heat (≥ the drives' minimum speed);
    /// missing pumps or CDUs (`capacity.coolantFlow` < r) cap it, and every loop's conductance follows the flow
    /// delivered. Fewer dry coolers or towers widen the approach at a given heat, fewer chillers cap the trim; the
    /// supply then floats above the set-point and the chips warm. Failed GPUs draw nothing and give no heat.
    func operatingPoint(utilisation u: Double, weather: WeatherConditions, hour: Int, cohorts: inout [Cohort],
                        economiser: inout Economiser, capacity: CoolingCapacity = CoolingCapacity()) -> PlantPoint {
        var itWatts = 0.0
        let heat = setCohortInputs(utilisation: u, cohorts: &cohorts, itWatts: &itWatts)
        let flow = loopFlow(heat: heat, capacity: capacity)
        for i in cohorts.indices where cohorts[i].technology != .air {
            cohorts[i].chain = chain(for: cohorts[i].technology, flowRatio: flow.ratio)
        }
        let point = plantPoint(heat: heat, itWatts: itWatts, flow: flow, weather: weather, timeSeconds: Double(hour) * 3600,
                               economiser: &economiser, capacity: capacity)
        for i in cohorts.indices {
            cohorts[i].inputs.coolantCelsius = cohorts[i].coolantOffsetKelvin.map { point.supplyCelsius + $0 } ?? point.airInletCelsius
        }
        return point
    }

    /// The plant's electrical powers, supply and return for the heat `heat` of IT drawing `itWatts` at the loops'
    /// flow `flow`: power chain, air handling, heat recovery, heat rejection, pumps, building, transformer. The one
    /// path both the fluid run (`operatingPoint`) and a measured replay (`MeasuredPlant`) take.
    ///
    /// `measuredSupplyCelsius` (a replay): the facility-water supply a hall's sensor reads replaces the set-point —
    /// the dry-cooler fans modulate to hold it, the trim chiller (if any) makes up what they cannot, and the supply
    /// reported is the measured one.
    func plantPoint(heat cohortHeat: CohortHeat, itWatts: Double, flow: LoopFlow, weather: WeatherConditions, timeSeconds: Double,
                    economiser: inout Economiser, capacity: CoolingCapacity, measuredSupplyCelsius: Double? = nil) -> PlantPoint {
        var heat = cohortHeat
        var powers = SubsystemPowers()
        powers.it = itWatts
        let hour = Int((timeSeconds / 3600).rounded(.down))

        // Power chain serving the IT: PDU then UPS. Their losses heat the electrical rooms (air).
        let pduLoss = pdu.lossWatts(outputWatts: powers.it)
        let upsLoss = ups.lossWatts(outputWatts: powers.it + pduLoss)
        heat.airWatts += pduLoss + upsLoss

        // Air handling (CRAH fans) for all heat that reaches air: V̇ = Q/(ρ·cp·ΔT), P = Δp·V̇/η.
        let c = parameters
        let airFlow = (spec.plant.constantSpeedAirHandling ? max(heat.airWatts, designAirHeatWatts) : heat.airWatts)
            / (c[.airDensityKilogramsPerCubicMeter] * c[.airSpecificHeatJoulesPerKilogramKelvin] * c[.crahAirRiseKelvin])
        powers[.airHandling] = c[.crahFanPressurePascals] * airFlow / c[.crahFanEfficiency]

        let returnCelsius = returnWaterCelsius(supplyCelsius: measuredSupplyCelsius ?? setpointCelsius, heat: heat, flow: flow)
        let recovered = recoverHeat(liquidHeat: heat.liquidWatts, hour: hour, returnCelsius: returnCelsius)
        powers.heatRecoveredWatts = recovered.fromFacilityWatts
        powers.heatDeliveredWatts = recovered.deliveredWatts
        powers.heatPumpWatts = recovered.heatPumpWatts

        let rejection = rejectHeat(heat: heat, recoveredWatts: recovered.fromFacilityWatts, weather: weather, timeSeconds: timeSeconds,
                                   economiser: &economiser, capacity: capacity, measuredSupplyCelsius: measuredSupplyCelsius,
                                   powers: &powers)
        powers[.coolingPumps] += pumpWatts(heat: heat, flow: flow, capacity: capacity, airCoilHeatWatts: rejection.airCoilHeatWatts)
        if spec.plant.coolingTower { powers.waterLitersPerSecond = rejection.rejectedWatts * c[.towerWaterLitersPerJoule] }

        powers[.other] = c[.otherFacilityFraction] * designITWatts
        let transformerLoad = powers.total - powers[.powerChainLosses] + pduLoss + upsLoss
        powers[.powerChainLosses] = pduLoss + upsLoss + transformer.lossWatts(outputWatts: transformerLoad)
        let airInlet = max(c[.crahSupplyAirCelsius], rejection.chilledWaterCelsius + c[.crahCoilApproachKelvin])
            + c[.rackRecirculationKelvin]
        // What a hall's flow meter and return sensor read: the pumped facility-water flow and the return header.
        let flowRatio = heat.liquidDesignWatts > 0 ? flow.ratio : 0
        powers.facilityWaterFlowCubicMetersPerSecond = flowRatio * heat.liquidDesignWatts
            / (c[.waterDensityKilogramsPerCubicMeter] * c[.waterSpecificHeatJoulesPerKilogramKelvin] * c[.loopDesignRiseKelvin])
        powers.returnCelsius = returnWaterCelsius(supplyCelsius: rejection.supplyCelsius, heat: heat, flow: flow)
        return PlantPoint(powers: powers, supplyCelsius: rejection.supplyCelsius, trimHeatWatts: rejection.trimHeatWatts,
                          flowRatio: flowRatio, returnCelsius: powers.returnCelsius, airInletCelsius: airInlet)
    }

    /// Sets each cohort's module and node-2 powers and its heat to air at utilisation `u`; adds the IT power to
    /// `itWatts` and returns where the heat goes.
    func setCohortInputs(utilisation u: Double, cohorts: inout [Cohort], itWatts: inout Double) -> CohortHeat {
        var heat = CohortHeat()
        let capture = parameters[.liquidCaptureFraction]
        for i in cohorts.indices {
            let technology = cohorts[i].technology
            // Each cohort runs at its own DVFS state (the whole cohort throttles together).
            let gpuWatts = accelerator.powerWatts(utilisation: servingRate?.activity(atLoad: u) ?? u, clock: cohorts[i].clockRatio)
            let split = cohortHeat(technology: technology, utilisation: u, gpuWatts: gpuWatts)
            let gpus = Double(cohorts[i].gpusInService)
            let installed = Double(cohorts[i].gpus)
            itWatts += gpus * split.serverWatts
            switch technology {
            case .liquidImmersion, .none: heat.liquidDesignWatts += installed * designLiquidServerWattsPerGPU
            case .directToChip: heat.liquidDesignWatts += installed * capture * designLiquidServerWattsPerGPU
            case .air: break
            }
            cohorts[i].inputs.modulePowerWatts = gpuWatts
            cohorts[i].inputs.sinkPowerWatts = split.sinkWattsPerGPU * Double(cohorts[i].chain.modulesPerSink)
            cohorts[i].heatToAirWatts = gpus * split.airWattsPerGPU
            if technology == .air {
                heat.airWatts += gpus * split.serverWatts    // through the heat sink, the GPU's heat reaches room air too
            } else {
                heat.liquidWatts += gpus * (gpuWatts + split.sinkWattsPerGPU)
                heat.airWatts += gpus * split.airWattsPerGPU
            }
        }
        return heat
    }

    /// The pumps' flow ratio: variable-speed pumps hold the design rise (r = heat/design heat), within the drives'
    /// speed range; running pumps short of that flow deliver their share of design flow.
    func loopFlow(heat: CohortHeat, capacity: CoolingCapacity) -> LoopFlow {
        guard heat.liquidDesignWatts > 0 else { return LoopFlow(ratio: 1, shortfall: false) }
        let demanded = min(1, max(parameters[.pumpMinimumSpeedRatio], heat.liquidWatts / heat.liquidDesignWatts))
        let shortfall = demanded > capacity.coolantFlow
        return LoopFlow(ratio: shortfall ? max(capacity.coolantFlow, 1e-3) : demanded, shortfall: shortfall)
    }

    /// Facility-water return temperature at the flow delivered, °C: T_supply + Q/(r·C_design), C_design = Q_design/ΔT_design.
    func returnWaterCelsius(supplyCelsius: Double, heat: CohortHeat, flow: LoopFlow) -> Double {
        guard heat.liquidDesignWatts > 0 else { return supplyCelsius }
        return supplyCelsius + parameters[.loopDesignRiseKelvin] * heat.liquidWatts / (heat.liquidDesignWatts * flow.ratio)
    }

    /// Electrical power of every pump, W: the facility-water and technology-loop pumps at the loops' flow ratio
    /// (affinity, P_design·r³; in a shortfall the running pumps at their design point), and the chilled- and
    /// condenser-water pumps of the room-air cooling, sized on the air-coil heat.
    func pumpWatts(heat: CohortHeat, flow: LoopFlow, capacity: CoolingCapacity, airCoilHeatWatts: Double) -> Double {
        let c = parameters
        let waterCapacity = c[.waterDensityKilogramsPerCubicMeter] * c[.waterSpecificHeatJoulesPerKilogramKelvin]
        var total = 0.0
        if heat.liquidWatts > 0 {
            let waterFlow = heat.liquidDesignWatts / (waterCapacity * c[.loopDesignRiseKelvin])
            var water = Pump(designFlowCubicMetersPerSecond: waterFlow, designPressurePascals: c[.waterPumpPressurePascals],
                             efficiency: c[.waterPumpEfficiency])
            var secondary = Pump(designFlowCubicMetersPerSecond: waterFlow, designPressurePascals: c[.secondaryPumpPressurePascals],
                                 efficiency: c[.secondaryPumpEfficiency])
            water.minimumSpeedRatio = c[.pumpMinimumSpeedRatio]
            secondary.minimumSpeedRatio = water.minimumSpeedRatio
            total += flow.shortfall
                ? capacity.coolantFlow * (water.designPowerWatts + secondary.designPowerWatts)
                : water.powerWatts(flowRatio: flow.ratio) + secondary.powerWatts(flowRatio: flow.ratio)
        }
        if airCoilHeatWatts > 0 {
            let chilledFlow = max(airCoilHeatWatts, 1) / (waterCapacity * c[.chilledWaterRiseKelvin])
            let chw = Pump(designFlowCubicMetersPerSecond: chilledFlow, designPressurePascals: c[.waterPumpPressurePascals],
                           efficiency: c[.waterPumpEfficiency])
            total += 2 * chw.designPowerWatts
        }
        return total
    }

    /// Where one GPU's server power goes at utilisation `u` with the GPU drawing `gpuWatts`, W per GPU:
    /// the server input, the heat into node 2 (all of the non-GPU heat in a tank, the liquid-captured share
    /// on cold plates, none in air) and the heat to room air.
    func cohortHeat(technology: CoolingSystemBlock.Technology, utilisation u: Double, gpuWatts: Double)
        -> (serverWatts: Double, sinkWattsPerGPU: Double, airWattsPerGPU: Double) {
        let server = FacilityPlant.serverWattsPerGPU(gpu: gpuWatts, utilisation: u, air: technology == .air, parameters)
        let sink: Double
        switch technology {
        case .liquidImmersion, .none: sink = server - gpuWatts
        case .directToChip: sink = max(0, parameters[.liquidCaptureFraction] * server - gpuWatts)
        case .air: sink = 0
        }
        return (server, sink, server - gpuWatts - sink)
    }

    /// The thermal inputs `cohort` would have at utilisation `u` and clock ratio `clock` with its present
    /// coolant temperature (exact when the supply does not float with the heat, i.e. with a chiller).
    func inputs(for cohort: Cohort, utilisation u: Double, clock: Double) -> ThermalChain.Inputs {
        let gpuWatts = accelerator.powerWatts(utilisation: servingRate?.activity(atLoad: u) ?? u, clock: clock)
        let heat = cohortHeat(technology: cohort.technology, utilisation: u, gpuWatts: gpuWatts)
        return ThermalChain.Inputs(modulePowerWatts: gpuWatts, sinkPowerWatts: heat.sinkWattsPerGPU * Double(cohort.chain.modulesPerSink),
                                   coolantCelsius: cohort.inputs.coolantCelsius)
    }
}
