import FacilityModels
import FacilitySim

/// The electrical side of the shadow plant at one instant: pumps, dry-cooler fans, power chain, room air and building,
/// by the formulas of `FacilityPlant+OperatingPoint` (see `ShadowPlant` for what is simplified).
struct ShadowPowerModel {
    let designHeatWatts: Double
    let water: Pump, secondary: Pump, fans: Pump
    let ups: PowerStage, pdu: PowerStage, transformer: PowerStage
    let approachKelvin: Double
    let chiller = Chiller()
    let otherWatts: Double

    init(plant: ShadowPlant, values: ShadowValues) {
        let design = plant.designHeatWatts
        designHeatWatts = design
        let waterFlow = design / (995.6 * 4177 * PlantDefaults.loopDesignRiseKelvin)
        water = Pump(designFlowCubicMetersPerSecond: waterFlow,
                     designPressurePascals: values[.pumpPowerFraction] * design * PlantDefaults.waterPumpEfficiency / waterFlow,
                     efficiency: PlantDefaults.waterPumpEfficiency)
        secondary = Pump(designFlowCubicMetersPerSecond: waterFlow, designPressurePascals: PlantDefaults.secondaryPumpPressure,
                         efficiency: PlantDefaults.secondaryPumpEfficiency)
        fans = Pump(designFlowCubicMetersPerSecond: 1, designPressurePascals: PlantDefaults.dryCoolerFanFraction * design, efficiency: 1)
        let rating = design * PlantDefaults.electricalOversizing
        let upsRating: Double
        switch plant.spec.plant.upsRedundancy {
        case .n: upsRating = rating
        case .nPlus1: upsRating = rating * 1.25
        case .nPlus2: upsRating = rating * 1.5
        case .twoN: upsRating = rating * 2
        }
        ups = plant.spec.plant.upsMode == .ecoMode ? .ecoModeUPS(ratingWatts: upsRating) : .doubleConversionUPS(ratingWatts: upsRating)
        pdu = .pdu(ratingWatts: rating)
        transformer = .transformer(ratingWatts: rating * 1.6)
        approachKelvin = values[.dryCoolerApproach]
        otherWatts = PlantDefaults.otherFacilityFraction * design
    }

    /// Cooling-pump power (facility-water, tank-loop and the electrical rooms' chilled-water pumps: the twin's
    /// `cooling_pumps` subsystem) and facility power, W, for IT power `itWatts` (all of it heat into the tanks), the measured supply
    /// and dry-bulb (without a dry-bulb the fans run at full speed: a conservative stand-in, flagged in the README).
    func powers(itWatts: Double, supplyCelsius: Double, dryBulbCelsius: Double?) -> (pumps: Double, facility: Double) {
        let heatShare = itWatts / designHeatWatts
        let pumps = water.powerWatts(flowRatio: heatShare) + secondary.powerWatts(flowRatio: heatShare)
        var fanRatio = 1.0
        if let dryBulb = dryBulbCelsius, supplyCelsius > dryBulb { fanRatio = min(1, approachKelvin * heatShare / (supplyCelsius - dryBulb)) }
        let fanWatts = itWatts > 0 ? fans.powerWatts(flowRatio: fanRatio) : 0
        let pduLoss = pdu.lossWatts(outputWatts: itWatts)
        let upsLoss = ups.lossWatts(outputWatts: itWatts + pduLoss)
        let airHeat = pduLoss + upsLoss
        let crah = PlantDefaults.crahFanPressure * airHeat / (1.2 * 1005 * PlantDefaults.crahAirRiseKelvin) / PlantDefaults.crahFanEfficiency
        let airCoil = airHeat + crah
        let chilledFlow = max(airCoil, 1) / (995.6 * 4177 * PlantDefaults.chilledWaterRiseKelvin)
        let chwPump = Pump(designFlowCubicMetersPerSecond: chilledFlow, designPressurePascals: PlantDefaults.waterPumpPressure,
                           efficiency: PlantDefaults.waterPumpEfficiency)
        let chw = airCoil > 0 ? 2 * chwPump.designPowerWatts : 0
        // The rooms' coils take 10 °C chilled water from the economiser when the weather allows, the chiller otherwise
        // (`FacilityPlant+OperatingPoint`; here the economiser's mode is the one the instant's weather asks for, without
        // its 20-minute hold). Without a dry-bulb the chiller is taken to carry it all.
        let chilledSupply = 10.0
        let sink = (dryBulbCelsius ?? supplyCelsius) + approachKelvin
        let free = sink + PlantDefaults.economiserApproachKelvin
        let mode = Economiser().wantedMode(freeCelsius: free, setpointCelsius: chilledSupply, rangeKelvin: PlantDefaults.chilledWaterRiseKelvin)
        let share = Economiser.mechanicalShare(mode: mode, freeCelsius: free, setpointCelsius: chilledSupply, rangeKelvin: PlantDefaults.chilledWaterRiseKelvin)
        let airChiller = chiller.powerWatts(heatWatts: share * airCoil, supplyCelsius: chilledSupply, sinkCelsius: sink)
        let airFans = PlantDefaults.dryCoolerFanFraction * (airCoil + airChiller)
        let beforeTransformer = itWatts + pumps + fanWatts + crah + chw + airChiller + airFans + otherWatts + pduLoss + upsLoss
        let facility = beforeTransformer + transformer.lossWatts(outputWatts: beforeTransformer)
        return (pumps + chw, facility)
    }
}
