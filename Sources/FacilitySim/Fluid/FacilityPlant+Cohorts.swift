import FacilityModels
import Foundation

extension FacilityPlant {
    /// One cohort per cooling technology in use (primary share, then secondary), at design flow.
    func makeCohorts() -> [Cohort] {
        let f = spec.facility
        var split: [(CoolingSystemBlock.Technology, Int)] = []
        let secondary = spec.coolingSystem.secondary
        let primaryGPUs = secondary == .none ? f.gpus : Int((Double(f.gpus) * f.primaryShare).rounded())
        if primaryGPUs > 0 { split.append((spec.coolingSystem.primary, primaryGPUs)) }
        if f.gpus - primaryGPUs > 0, secondary != .none { split.append((secondary, f.gpus - primaryGPUs)) }
        return split.map { technology, gpus in
            let start = ThermalChain.State(moduleCelsius: setpointCelsius, sinkCelsius: setpointCelsius)
            let offset: Double?
            switch technology {
            case .air: offset = nil
            case .directToChip: offset = parameters[.cduApproachKelvin]
            case .liquidImmersion, .none: offset = 0
            }
            return Cohort(name: technology.rawValue, technology: technology, gpus: gpus, chain: chain(for: technology, flowRatio: 1),
                          coolantOffsetKelvin: offset, initial: start)
        }
    }

    /// The cold plate of the direct-to-chip cohorts: the OCP 1 kW OAM table of the catalogue.
    var coldPlate: ColdPlate {
        let c = parameters
        return ColdPlate(flowLitersPerMinute: [2, 3, 4, 5],
                         resistanceKelvinPerWatt: [c[.coldPlateResistanceAt2LitersPerMinute], c[.coldPlateResistanceAt3LitersPerMinute],
                                                   c[.coldPlateResistanceAt4LitersPerMinute], c[.coldPlateResistanceAt5LitersPerMinute]],
                         junctionToCaseKelvinPerWatt: c[.junctionToCaseKelvinPerWatt])
    }

    /// Conductance from a tank's fluid to the facility water at flow ratio r (both streams at r × design), W/K.
    ///
    /// Counterflow plate exchanger, balanced streams (C_r = 1): ε = NTU/(1 + NTU) (Incropera & DeWitt Table 11.3) with
    /// NTU = NTU_d · r^(n−1) (UA ∝ r^n, C ∝ r), NTU_d = ε_d/(1 − ε_d); G = ε·r·C_d, C_d = Q_design/ΔT_design.
    func tankConductanceWattsPerKelvin(flowRatio r: Double) -> Double {
        let c = parameters
        let tankDesignWatts = Double(spec.facility.gpusPerTank) * designLiquidServerWattsPerGPU
        let designCapacityRate = tankDesignWatts / c[.loopDesignRiseKelvin]
        let e = c[.immersionHXEffectiveness]
        let ntu = e / (1 - e) * pow(r, c[.heatExchangerUAFlowExponent] - 1)
        return HeatExchanger.counterflowEffectiveness(ntu: ntu, capacityRatio: 1) * r * designCapacityRate
    }

    /// The thermal chain of one GPU module and its node 2 for a cooling technology, its liquid loop at flow ratio r.
    func chain(for technology: CoolingSystemBlock.Technology, flowRatio r: Double) -> ThermalChain {
        let c = parameters
        switch technology {
        case .liquidImmersion, .none:
            let fluidHeatCapacity = c[.immersionFluidDensityKilogramsPerCubicMeter] * c[.immersionFluidSpecificHeatJoulesPerKilogramKelvin]
            return ThermalChain(moduleCapacitanceJoulesPerKelvin: c[.heatSinkModuleCapacitanceJoulesPerKelvin],
                                moduleResistanceKelvinPerWatt: c[.immersionJunctionToFluidKelvinPerWatt],
                                sinkCapacitanceJoulesPerKelvin: c[.immersionFluidVolumeCubicMeters] * fluidHeatCapacity,
                                modulesPerSink: spec.facility.gpusPerTank,
                                sinkConductanceWattsPerKelvin: tankConductanceWattsPerKelvin(flowRatio: r))
        case .directToChip:
            // The plate sees r × its design flow: resistance from the OCP table (clamped at its 2 L/min end), and the
            // coolant's capacity rate ṁ·cp at that flow.
            let flow = r * c[.coldPlateFlowLitersPerMinutePerGPU]
            let massFlow = Coolant.cubicMetersPerSecond(litersPerMinute: flow) * c[.waterDensityKilogramsPerCubicMeter]
            return ThermalChain(moduleCapacitanceJoulesPerKelvin: c[.coldPlateModuleCapacitanceJoulesPerKelvin],
                                moduleResistanceKelvinPerWatt: coldPlate.junctionToInletKelvinPerWatt(flowLitersPerMinute: flow),
                                sinkCapacitanceJoulesPerKelvin: c[.coldPlateCoolantCapacitanceJoulesPerKelvin],
                                modulesPerSink: 1, sinkConductanceWattsPerKelvin: massFlow * c[.waterSpecificHeatJoulesPerKilogramKelvin])
        case .air:
            return ThermalChain(moduleCapacitanceJoulesPerKelvin: c[.heatSinkModuleCapacitanceJoulesPerKelvin],
                                moduleResistanceKelvinPerWatt: c[.airJunctionToAirKelvinPerWatt],
                                sinkCapacitanceJoulesPerKelvin: c[.airPathCapacitanceJoulesPerKelvin],
                                modulesPerSink: 1, sinkConductanceWattsPerKelvin: c[.airConductancePerGPUWattsPerKelvin])
        }
    }
}
