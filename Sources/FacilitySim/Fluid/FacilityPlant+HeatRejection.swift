import FacilityModels
import Foundation

extension FacilityPlant {
    /// What the heat rejection and the chillers do at one operating point.
    struct Rejection {
        /// Facility-water supply, °C (the set-point, or above it when the plant cannot hold it).
        var supplyCelsius: Double
        /// Chilled water delivered to the room-air coils, °C.
        var chilledWaterCelsius: Double
        /// Heat the trim chiller takes from the warm-water loop, W.
        var trimHeatWatts = 0.0
        /// Heat the room-air coils remove (air heat plus the CRAH fans' work), W.
        var airCoilHeatWatts = 0.0
        /// Heat the dry coolers or towers reject, W.
        var rejectedWatts = 0.0
    }

    /// Heat rejection: the room-air coils (chilled water from the economiser when the weather allows, from the chiller
    /// otherwise) and the warm-water loop (fans or tower modulate to hold the set-point, the chiller trims the rest).
    /// Sets the chiller, fan and tower powers in `powers`. A measured supply (`plantPoint`) stands in for the set-point.
    func rejectHeat(heat: CohortHeat, recoveredWatts: Double, weather: WeatherConditions, timeSeconds: Double,
                    economiser: inout Economiser, capacity: CoolingCapacity, measuredSupplyCelsius: Double? = nil,
                    powers: inout SubsystemPowers) -> Rejection {
        let setpointCelsius = measuredSupplyCelsius ?? self.setpointCelsius
        let c = parameters
        let tower = spec.plant.coolingTower
        let sinkCelsius = tower ? weather.wetBulbCelsius : weather.dryBulbCelsius
        let approach = tower ? c[.towerApproachKelvin] : c[.dryCoolerApproachKelvin]
        let fanFraction = tower ? c[.towerFanFraction] : c[.dryCoolerFanFraction]
        let airCoilHeat = heat.airWatts + powers[.airHandling]

        // Room air: chilled water at the air hall's set-point, or the room-air chilled water of a liquid-cooled hall.
        let airPrimary = spec.coolingSystem.primary == .air
        let chilledSetpoint = airPrimary ? setpointCelsius : c[.roomChilledWaterSupplyCelsius]
        let free = sinkCelsius + approach + c[.economiserApproachKelvin]
        let mechanicalShare = spec.plant.economiser
            ? economiser.update(freeCelsius: free, setpointCelsius: chilledSetpoint, rangeKelvin: c[.chilledWaterRiseKelvin],
                                time: timeSeconds)
            : 1
        // An air hall without a chiller gets what the economiser can deliver: its chilled water floats with the weather.
        let noChiller = airPrimary && spec.plant.chiller == .none
        let chilledWater = noChiller ? max(chilledSetpoint, free) : chilledSetpoint
        var chillerWatts = noChiller ? 0
            : chiller.powerWatts(heatWatts: mechanicalShare * airCoilHeat, supplyCelsius: chilledSetpoint, sinkCelsius: sinkCelsius + approach)
        var result = Rejection(supplyCelsius: setpointCelsius, chilledWaterCelsius: chilledWater, airCoilHeatWatts: airCoilHeat,
                               rejectedWatts: airCoilHeat)

        if heat.liquidWatts > 0 {
            let toReject = heat.liquidWatts - recoveredWatts
            // Fewer heat-rejection units: the same heat over less air, so the approach scales as 1/fraction.
            let rejection = max(capacity.heatRejection, 1e-3)
            let designShare = max(toReject / heat.liquidDesignWatts, 0) / rejection
            let available = setpointCelsius - sinkCelsius
            var fanRatio = available > 0 ? approach * designShare / available : .infinity
            if fanRatio > 1 {
                fanRatio = 1
                let floating = sinkCelsius + approach * designShare
                switch spec.plant.chiller {
                case .none:
                    result.supplyCelsius = measuredSupplyCelsius ?? floating
                case .trim, .full:
                    let rise = c[.loopDesignRiseKelvin]
                    var trim = toReject * min(1, (floating - setpointCelsius) / rise)
                    // Trim capacity: the liquid design heat (Assumption) times the chillers' running fraction.
                    // Beyond it the supply floats to where the trim needed equals the capacity.
                    let trimCapacity = capacity.chiller * heat.liquidDesignWatts
                    if trim > trimCapacity {
                        trim = trimCapacity
                        result.supplyCelsius = measuredSupplyCelsius
                            ?? max(setpointCelsius, floating - rise * trimCapacity / max(toReject, 1e-9))
                    }
                    result.trimHeatWatts = trim
                    chillerWatts += chiller.powerWatts(heatWatts: trim, supplyCelsius: setpointCelsius, sinkCelsius: sinkCelsius + approach)
                }
            }
            var fans = Pump(designFlowCubicMetersPerSecond: 1, designPressurePascals: fanFraction * heat.liquidDesignWatts * rejection,
                            efficiency: 1)
            fans.minimumSpeedRatio = c[.pumpMinimumSpeedRatio]
            powers[tower ? .coolingTower : .coolingFans] += toReject > 0 ? fans.powerWatts(flowRatio: fanRatio) : 0
            result.rejectedWatts += toReject
        }
        powers[.chiller] = chillerWatts
        // Heat-rejection fans/tower for the air-side heat and the compressor work.
        powers[tower ? .coolingTower : .coolingFans] += fanFraction * (airCoilHeat + chillerWatts)
        result.rejectedWatts += chillerWatts
        return result
    }

    /// Heat exported to the heat user this hour.
    struct Recovery {
        var deliveredWatts = 0.0
        var fromFacilityWatts = 0.0
        var heatPumpWatts = 0.0
    }

    /// District heating: the demand (scenario mean, ± `heatDemandSeasonalSwing` peaking on `heatDemandPeakDayOfYear`) is met from the
    /// facility's return water — at the temperature the pumped flow gives (`returnWaterCelsius`) less the recovery
    /// exchanger's approach — lifted by a heat pump when it is colder than the user's supply
    /// (COP = η·T_hot/(T_hot − T_source), T_hot = user supply + approach).
    func recoverHeat(liquidHeat: Double, hour: Int, returnCelsius: Double) -> Recovery {
        guard spec.coolingSystem.heatRecovery, let mean = spec.plant.heatRecoveryDemandWatts,
              let userSupply = spec.plant.heatRecoverySupplyCelsius, liquidHeat > 0 else { return Recovery() }
        let c = parameters
        let day = Double(hour / 24)
        let demand = mean * (1 + c[.heatDemandSeasonalSwing] * cos(2 * .pi * (day - c[.heatDemandPeakDayOfYear]) / 365))
        let approach = c[.heatRecoveryApproachKelvin]
        let source = returnCelsius - approach
        guard source < userSupply else {
            let taken = min(demand, liquidHeat)
            return Recovery(deliveredWatts: taken, fromFacilityWatts: taken, heatPumpWatts: 0)
        }
        let hot = userSupply + approach + 273.15, cold = source + 273.15
        let cop = c[.heatPumpCarnotFraction] * hot / (hot - cold)
        let fromFacility = min(demand * (1 - 1 / cop), liquidHeat)
        let delivered = fromFacility / (1 - 1 / cop)
        return Recovery(deliveredWatts: delivered, fromFacilityWatts: fromFacility, heatPumpWatts: delivered - fromFacility)
    }
}
