import FacilityModels
import Foundation

extension FacilityPlant {
    /// Sets every cohort's inputs for utilisation `u` and finds the plant's electrical powers.
    ///
    /// Heat paths: each GPU's own power enters its module (node 1); the rest of the server's power
    /// (other components and PSU loss) enters node 2 — all of it in a tank, the liquid-captured share
    /// on cold plates — and the remainder goes to room air, as does everything in an air-cooled server.
    ///
    /// Missing cooling units (`capacity` < 1) act physically: less coolant flow lowers each liquid cohort's
    /// conductance to the coolant, fewer dry coolers or towers widen the approach at a given heat, fewer
    /// chillers cap the trim; the supply then floats above the set-point and the chips warm.
    /// Failed GPUs draw nothing and give no heat: powers and heat count the GPUs in service.
    func operatingPoint(utilisation u: Double, weather: WeatherConditions, hour: Int, cohorts: inout [Cohort],
                        economiser: inout Economiser, capacity: CoolingCapacity = CoolingCapacity()) -> PlantPoint {
        var powers = SubsystemPowers()
        var liquidHeat = 0.0, airHeat = 0.0, liquidDesign = 0.0, secondaryFlowRatio = 0.0
        for i in cohorts.indices {
            let technology = cohorts[i].technology
            // Each cohort runs at its own DVFS state (the whole cohort throttles together).
            let gpuWatts = accelerator.powerWatts(utilisation: servingRate?.activity(atLoad: u) ?? u, clock: cohorts[i].clockRatio)
            let heat = cohortHeat(technology: technology, utilisation: u, gpuWatts: gpuWatts)
            let gpus = Double(cohorts[i].gpusInService)
            let installed = Double(cohorts[i].gpus)
            powers.it += gpus * heat.serverWatts
            switch technology {
            case .liquidImmersion, .none:
                liquidDesign += installed * designLiquidServerWattsPerGPU
            case .directToChip:
                liquidDesign += installed * PlantDefaults.liquidCaptureFraction * designLiquidServerWattsPerGPU
            case .air:
                break
            }
            cohorts[i].inputs.modulePowerWatts = gpuWatts
            cohorts[i].inputs.sinkPowerWatts = heat.sinkWattsPerGPU * Double(cohorts[i].chain.modulesPerSink)
            cohorts[i].heatToAirWatts = gpus * heat.airWattsPerGPU
            if technology == .air {
                airHeat += gpus * heat.serverWatts    // through the heat sink, the GPU's heat reaches room air too
            } else {
                liquidHeat += gpus * (gpuWatts + heat.sinkWattsPerGPU)
                airHeat += gpus * heat.airWattsPerGPU
            }
        }
        if liquidDesign > 0 { secondaryFlowRatio = liquidHeat / liquidDesign }
        // Variable-speed pumps follow the heat; when fewer pumps (or CDUs) run than the flow needs, the running
        // ones deliver their fraction of design flow and the conductance to the coolant falls in proportion.
        let flowShortfall = secondaryFlowRatio > capacity.coolantFlow && secondaryFlowRatio > 0
        let deliveredFlowRatio = flowShortfall ? capacity.coolantFlow : secondaryFlowRatio
        for i in cohorts.indices where cohorts[i].technology != .air {
            cohorts[i].setCoolantFlow(fraction: flowShortfall ? capacity.coolantFlow / secondaryFlowRatio : 1)
        }

        // Power chain serving the IT: PDU then UPS. Their losses heat the electrical rooms (air).
        let pduLoss = pdu.lossWatts(outputWatts: powers.it)
        let upsLoss = ups.lossWatts(outputWatts: powers.it + pduLoss)
        airHeat += pduLoss + upsLoss

        // Air handling (CRAH fans) for all heat that reaches air: V̇ = Q/(ρ·cp·ΔT), P = Δp·V̇/η.
        let airFlow = (spec.plant.constantSpeedAirHandling ? max(airHeat, designAirHeatWatts) : airHeat)
            / (1.2 * 1005 * PlantDefaults.crahAirRiseKelvin)
        powers[.airHandling] = PlantDefaults.crahFanPressure * airFlow / PlantDefaults.crahFanEfficiency
        let airCoilHeat = airHeat + powers[.airHandling]

        let tower = spec.plant.coolingTower
        let sinkCelsius = tower ? weather.wetBulbCelsius : weather.dryBulbCelsius
        let approach = tower ? PlantDefaults.towerApproachKelvin : (spec.plant.dryCoolerApproachKelvin ?? PlantDefaults.dryCoolerApproachKelvin)
        let fanFraction = tower ? PlantDefaults.towerFanFraction : PlantDefaults.dryCoolerFanFraction
        var supply = setpointCelsius
        var rejected = 0.0   // heat the dry coolers or towers reject, W
        var trimHeat = 0.0   // heat the trim chiller takes from the warm-water loop, W

        // Heat recovery takes its share of the liquid heat before the dry coolers.
        let recovered = recoverHeat(liquidHeat: liquidHeat, hour: hour, supplyCelsius: setpointCelsius)
        powers.heatRecoveredWatts = recovered.fromFacilityWatts
        powers.heatDeliveredWatts = recovered.deliveredWatts
        powers.heatPumpWatts = recovered.heatPumpWatts

        // Room air is cooled by chilled water at 10 °C (Assumption for the CRAH coils of every design):
        // from the economiser when the weather allows, from the chiller otherwise.
        let chilledSupply = spec.coolingSystem.primary == .air ? setpointCelsius : 10.0
        let free = sinkCelsius + approach + PlantDefaults.economiserApproachKelvin
        let mechanicalShare = spec.plant.economiser
            ? economiser.update(freeCelsius: free, setpointCelsius: chilledSupply, rangeKelvin: PlantDefaults.chilledWaterRiseKelvin,
                                time: Double(hour) * 3600)
            : 1
        let airChillerHeat = mechanicalShare * airCoilHeat
        var chillerWatts = chiller.powerWatts(heatWatts: airChillerHeat, supplyCelsius: chilledSupply, sinkCelsius: sinkCelsius + approach)
        rejected += airCoilHeat

        if liquidHeat > 0 {
            // Warm-water loop: fans (or tower) modulate to hold the set-point; the chiller trims the rest.
            let toReject = liquidHeat - recovered.fromFacilityWatts
            // Fewer heat-rejection units: the same heat over less air, so the approach scales as 1/fraction.
            let rejection = max(capacity.heatRejection, 1e-3)
            let designShare = max(toReject / liquidDesign, 0) / rejection
            let available = setpointCelsius - sinkCelsius
            var fanRatio = available > 0 ? approach * designShare / available : .infinity
            if fanRatio > 1 {
                fanRatio = 1
                let floating = sinkCelsius + approach * designShare
                switch spec.plant.chiller {
                case .none:
                    supply = floating
                case .trim, .full:
                    var trim = toReject * min(1, (floating - setpointCelsius) / PlantDefaults.loopDesignRiseKelvin)
                    // Trim capacity: the liquid design heat (Assumption) times the chillers' running fraction.
                    // Beyond it the supply floats to where the trim needed equals the capacity.
                    let trimCapacity = capacity.chiller * liquidDesign
                    if trim > trimCapacity {
                        trim = trimCapacity
                        supply = max(setpointCelsius, floating - PlantDefaults.loopDesignRiseKelvin * trimCapacity / max(toReject, 1e-9))
                    }
                    trimHeat = trim
                    chillerWatts += chiller.powerWatts(heatWatts: trim, supplyCelsius: setpointCelsius, sinkCelsius: sinkCelsius + approach)
                }
            }
            let fans = Pump(designFlowCubicMetersPerSecond: 1, designPressurePascals: fanFraction * liquidDesign * rejection,
                            efficiency: 1)
            powers[tower ? .coolingTower : .coolingFans] += toReject > 0 ? fans.powerWatts(flowRatio: fanRatio) : 0
            rejected += toReject
            // Facility-water pumps (300 kPa) and technology-loop pumps (tank oil / CDU secondary).
            let waterFlow = liquidDesign / (995.6 * 4177 * PlantDefaults.loopDesignRiseKelvin)
            // `heat_rejection.pump_power_fraction` k sets the design power k·Q_design (Δp = k·Q_design·η/V̇); absent, 300 kPa.
            let waterPressure = spec.plant.pumpPowerFraction.map { $0 * liquidDesign * PlantDefaults.waterPumpEfficiency / waterFlow }
                ?? PlantDefaults.waterPumpPressure
            let water = Pump(designFlowCubicMetersPerSecond: waterFlow, designPressurePascals: waterPressure,
                             efficiency: PlantDefaults.waterPumpEfficiency)
            let secondary = Pump(designFlowCubicMetersPerSecond: waterFlow, designPressurePascals: PlantDefaults.secondaryPumpPressure,
                                 efficiency: PlantDefaults.secondaryPumpEfficiency)
            // In a shortfall the running pumps run at their design point (N pumps share design flow equally).
            powers[.coolingPumps] += flowShortfall
                ? capacity.coolantFlow * (water.designPowerWatts + secondary.designPowerWatts)
                : water.powerWatts(flowRatio: deliveredFlowRatio) + secondary.powerWatts(flowRatio: deliveredFlowRatio)
        }
        // Chilled-water and condenser-water pumps of the room-air cooling, sized on the design air heat.
        let airDesign = max(airCoilHeat, 1)
        let chilledFlow = airDesign / (995.6 * 4177 * PlantDefaults.chilledWaterRiseKelvin)
        let chwPump = Pump(designFlowCubicMetersPerSecond: chilledFlow, designPressurePascals: PlantDefaults.waterPumpPressure,
                           efficiency: PlantDefaults.waterPumpEfficiency)
        powers[.coolingPumps] += airCoilHeat > 0 ? 2 * chwPump.designPowerWatts : 0
        powers[.chiller] = chillerWatts
        // Heat-rejection fans/tower for the air-side heat and the compressor work.
        let airRejectionFans = fanFraction * (airCoilHeat + chillerWatts)
        powers[tower ? .coolingTower : .coolingFans] += airRejectionFans
        rejected += chillerWatts
        if tower { powers.waterLitersPerSecond = rejected * PlantDefaults.towerWaterLitersPerJoule }

        powers[.other] = PlantDefaults.otherFacilityFraction * designITWatts
        let transformerLoad = powers.total - powers[.powerChainLosses] + pduLoss + upsLoss
        powers[.powerChainLosses] = pduLoss + upsLoss + transformer.lossWatts(outputWatts: transformerLoad)
        for i in cohorts.indices {
            cohorts[i].inputs.coolantCelsius = cohorts[i].coolantOffsetKelvin.map { supply + $0 } ?? PlantDefaults.airInletCelsius
        }
        return PlantPoint(powers: powers, supplyCelsius: supply, trimHeatWatts: trimHeat)
    }

    /// Where one GPU's server power goes at utilisation `u` with the GPU drawing `gpuWatts`, W per GPU:
    /// the server input, the heat into node 2 (all of the non-GPU heat in a tank, the liquid-captured share
    /// on cold plates, none in air) and the heat to room air.
    func cohortHeat(technology: CoolingSystemBlock.Technology, utilisation u: Double, gpuWatts: Double)
        -> (serverWatts: Double, sinkWattsPerGPU: Double, airWattsPerGPU: Double) {
        let server = FacilityPlant.serverWattsPerGPU(gpu: gpuWatts, utilisation: u, air: technology == .air)
        let sink: Double
        switch technology {
        case .liquidImmersion, .none: sink = server - gpuWatts
        case .directToChip: sink = max(0, PlantDefaults.liquidCaptureFraction * server - gpuWatts)
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

    /// Heat exported to the heat user this hour.
    struct Recovery {
        var deliveredWatts = 0.0
        var fromFacilityWatts = 0.0
        var heatPumpWatts = 0.0
    }

    /// District heating: the demand (scenario mean, ±50 % seasonal swing peaking mid-January — Assumption)
    /// is met from the facility's return water, lifted by a heat pump when the water is colder than the
    /// user's supply temperature (COP = η·T_hot/(T_hot − T_source), η = 0.5, 3 K approaches — Assumption).
    func recoverHeat(liquidHeat: Double, hour: Int, supplyCelsius: Double) -> Recovery {
        guard spec.coolingSystem.heatRecovery, let mean = spec.plant.heatRecoveryDemandWatts, liquidHeat > 0 else { return Recovery() }
        let day = Double(hour / 24)
        let demand = mean * (1 + 0.5 * cos(2 * .pi * (day - 15) / 365))
        let userSupply = spec.plant.heatRecoverySupplyCelsius ?? 65
        let source = supplyCelsius + PlantDefaults.loopDesignRiseKelvin - 3
        guard source < userSupply else {
            let taken = min(demand, liquidHeat)
            return Recovery(deliveredWatts: taken, fromFacilityWatts: taken, heatPumpWatts: 0)
        }
        let hot = userSupply + 3 + 273.15, cold = source + 273.15
        let cop = PlantDefaults.heatPumpCarnotFraction * hot / (hot - cold)
        let fromFacility = min(demand * (1 - 1 / cop), liquidHeat)
        let delivered = fromFacility / (1 - 1 / cop)
        return Recovery(deliveredWatts: delivered, fromFacilityWatts: fromFacility, heatPumpWatts: delivered - fromFacility)
    }
}
