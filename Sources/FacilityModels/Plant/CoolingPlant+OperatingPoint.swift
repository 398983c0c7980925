extension CoolingPlant {
    /// The plant's quasi-steady operating point, in closed form — what the fluid-fidelity simulator calls
    /// once per hour per facility (no iteration, no allocation).
    ///
    /// Heat paths and order of evaluation:
    /// 1. IT: `liquidFraction` of `itWatts` goes to the technology loop, the rest to room air.
    /// 2. Power chain: PDU and UPS losses for the IT load heat the electrical rooms (air side).
    /// 3. Technology loop pumps track their heat; their work joins the liquid heat in the facility water,
    ///    as does the facility pumps' work (flow ∝ heat, floored).
    /// 4. Heat recovery takes its share at the return temperature set-point + Q/C_w.
    /// 5. Heat rejection holds the set-point (`DryCooler.operatingPoint`); a shortfall is trimmed by the
    ///    chiller (condensing against the rejector's design leaving temperature, its condenser heat
    ///    through the rejector's fans at their design W/W), or, without one, the supply floats to
    ///    sink + approach_d·Q/Q_d with fans flat out.
    /// 6. Air side: air-handler fans (their heat joins the air), chilled-water pumps, then the economiser
    ///    mode (given, or the ideal one) splits the coil heat between economiser and chiller.
    /// 7. The transformer carries IT, power-chain losses and the whole mechanical plant; its loss and the
    ///    "other" load are rejected as heat directly.
    /// Every watt of electricity ends up in `heatRejectedWatts` or `heatDeliveredWatts`.
    ///
    /// Simplification: heat recovery is evaluated at the set-point return temperature even when the
    /// supply floats (a warmer return would only make recovery easier).
    ///
    /// - Parameters:
    ///   - itWatts: power at the IT inputs, W.
    ///   - liquidFraction: share of IT heat captured by liquid (0…1; taken as 0 when `liquidLoop` is `.none`).
    ///   - supplySetpointCelsius: facility water supply set-point, °C.
    ///   - weather: outdoor conditions.
    ///   - airSideMode: the economiser mode from the caller's state machine, or nil for the ideal mode.
    ///   - heatDemandWatts: heat the heat user asks for now, W (ignored without heat recovery).
    /// - Complexity: O(1), no allocation.
    public func operatingPoint(itWatts: Double, liquidFraction: Double, supplySetpointCelsius: Double, weather: WeatherConditions,
                               airSideMode: Economiser.Mode? = nil, heatDemandWatts: Double = 0) -> PlantOperatingPoint {
        var p = PlantOperatingPoint()
        // A plant without a liquid loop has nowhere to put liquid heat: all of it goes to air.
        let it = max(0, itWatts), phi = liquidLoop == .none ? 0 : min(1, max(0, liquidFraction))
        p.itWatts = it
        p.liquidHeatWatts = phi * it
        p.airHeatWatts = it - p.liquidHeatWatts

        // 2. Power chain losses of the IT feed.
        p.pduLossWatts = pdu.lossWatts(outputWatts: it)
        p.upsLossWatts = ups.lossWatts(outputWatts: it + p.pduLossWatts)

        // 3. Technology loop and facility water.
        let setpoint = supplySetpointCelsius
        var waterHeat = 0.0, waterRate = 1.0
        if p.liquidHeatWatts > 0 {
            p.technologyPumpWatts = liquidLoop.operatingPoint(heatWatts: p.liquidHeatWatts, facilitySupplyCelsius: setpoint).pumpWatts
            let beforePump = p.liquidHeatWatts + p.technologyPumpWatts
            let designRate = facilityWater.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: facilityPump.designFlowCubicMetersPerSecond)
            let ratio = beforePump / (designRate * 10)
            p.facilityPumpWatts = facilityPump.powerWatts(flowRatio: ratio)
            waterRate = designRate * facilityPump.speedRatio(flowRatio: ratio)
            waterHeat = beforePump + p.facilityPumpWatts
        }

        // 4. Heat recovery.
        if let recovery = heatRecovery, waterHeat > 0 {
            let r = recovery.operatingPoint(demandWatts: heatDemandWatts, availableWatts: waterHeat, returnCelsius: setpoint + waterHeat / waterRate)
            p.heatDeliveredWatts = r.deliveredWatts
            p.heatRecoveredFromFacilityWatts = r.fromFacilityWatts
            p.heatPumpWatts = r.heatPumpWatts
        }
        let toReject = waterHeat - p.heatRecoveredFromFacilityWatts

        // 5. Heat rejection of the warm-water loop, trim or float.
        var rejected = 0.0, towerHeat = 0.0
        var supply = setpoint
        if toReject > 0 {
            let r = heatRejection.operatingPoint(heatWatts: toReject, weather: weather, setpointCelsius: setpoint, waterCapacityRateWattsPerKelvin: waterRate)
            p.heatRejectionFanWatts = r.fanWatts
            p.heatRejectionFanSpeedRatio = r.fanSpeedRatio
            if r.shortfallWatts > 0, let chiller = trimChiller {
                p.trimHeatWatts = r.shortfallWatts
                p.trimChillerWatts = chiller.powerWatts(heatWatts: r.shortfallWatts, supplyCelsius: setpoint,
                                                        sinkCelsius: heatRejection.designLeavingCelsius(weather))
                let condenser = r.shortfallWatts + p.trimChillerWatts
                let condenserFans = heatRejection.designSpecificFanPower * condenser
                p.heatRejectionFanWatts += condenserFans
                rejected += r.rejectedWatts + condenser + p.heatRejectionFanWatts
                towerHeat += r.rejectedWatts + condenser
            } else if r.shortfallWatts > 0 {
                let thermal = heatRejection.thermal
                supply = heatRejection.sinkCelsius(weather) + thermal.designApproachKelvin * toReject / thermal.designHeatWatts
                rejected += toReject + p.heatRejectionFanWatts
                towerHeat += toReject
            } else {
                rejected += toReject + p.heatRejectionFanWatts
                towerHeat += toReject
            }
        }
        p.facilitySupplyCelsius = supply
        p.facilityReturnCelsius = supply + waterHeat / waterRate
        let loop = liquidLoop.operatingPoint(heatWatts: p.liquidHeatWatts, facilitySupplyCelsius: supply)
        p.technologySupplyCelsius = loop.supplyCelsius
        p.technologyReturnCelsius = loop.returnCelsius

        // 6. Air side.
        let airIn = p.airHeatWatts + p.pduLossWatts + p.upsLossWatts
        p.airHandlerFanWatts = airHandler.fanWatts(heatWatts: airIn)
        let coil = airIn + p.airHandlerFanWatts
        var airRejected = 0.0
        if coil > 0 {
            let chw = airSide
            let designRate = Coolant.water.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: chw.chilledWaterPump.designFlowCubicMetersPerSecond)
            let ratio = coil / (designRate * chw.chilledWaterRangeKelvin)
            p.chilledWaterPumpWatts = chw.chilledWaterPump.powerWatts(flowRatio: ratio)
            let chwRate = designRate * chw.chilledWaterPump.speedRatio(flowRatio: ratio)
            let load = coil + p.chilledWaterPumpWatts
            let free = chw.freeCoolingCelsius(weather)
            let mode = chw.economiserEnabled ? (airSideMode ?? chw.idealMode(weather)) : .mechanical
            p.freeCoolingCelsius = free
            p.airSideMode = mode
            let share = Economiser.mechanicalShare(mode: mode, freeCelsius: free, setpointCelsius: chw.chilledWaterSupplyCelsius,
                                                   rangeKelvin: chw.chilledWaterRangeKelvin)
            var chillerLoad = share * load
            var economised = load - chillerLoad
            switch mode {
            case .free:
                let r = chw.rejection.operatingPoint(heatWatts: economised, weather: weather,
                                                     setpointCelsius: chw.chilledWaterSupplyCelsius - chw.economiserApproachKelvin,
                                                     waterCapacityRateWattsPerKelvin: chwRate)
                p.airSideRejectionFanWatts = r.fanWatts
                chillerLoad += r.shortfallWatts
                economised = r.rejectedWatts
            case .partial:
                p.airSideRejectionFanWatts = economised > 0 ? chw.rejection.thermal.designFanWatts : 0
            case .mechanical:
                break
            }
            p.airSideMechanicalShare = load > 0 ? chillerLoad / load : 0
            p.airSideChillerWatts = chw.chiller.powerWatts(heatWatts: chillerLoad, supplyCelsius: chw.chilledWaterSupplyCelsius,
                                                           sinkCelsius: chw.rejection.designLeavingCelsius(weather))
            let condenser = chillerLoad + p.airSideChillerWatts
            p.airSideRejectionFanWatts += chw.rejection.designSpecificFanPower * condenser
            airRejected = load + p.airSideChillerWatts + p.airSideRejectionFanWatts
            if chw.rejection.isEvaporative {
                p.waterLitersPerSecond += chw.rejection.waterLitersPerJoule * (economised + condenser)
                p.towerHeatWatts += economised + condenser
            }
        }

        // 7. Transformer and other loads.
        p.otherWatts = otherWatts
        p.transformerLossWatts = transformer.lossWatts(outputWatts: it + p.pduLossWatts + p.upsLossWatts + p.coolingWatts + p.otherWatts)
        p.heatRejectedWatts = rejected + airRejected + p.transformerLossWatts + p.otherWatts
        if heatRejection.isEvaporative {
            p.waterLitersPerSecond += heatRejection.waterLitersPerJoule * towerHeat
            p.towerHeatWatts += towerHeat
        }
        return p
    }
}
