/// The facility plant as one value: technology loop (immersion tanks or CDUs), facility water, heat
/// rejection with an optional trim chiller, heat recovery, the air side (air handlers, chilled water,
/// economiser) and the power chain. `operatingPoint` (in `CoolingPlant+OperatingPoint.swift`) gives the
/// quasi-steady electrical power of every subsystem in closed form.
///
/// Sizing rules of the factories (Assumption unless stated): facility water sized for the design liquid
/// heat at a 10 K rise (as the OCP guideline's ΔT ≤ 10 K); facility pumps 300 kPa at 0.87
/// (HewlettPackard/dc-rl envs/datacenter.py); heat rejection sized at the design heat it carries; CDUs
/// are Project Deschutes units scaled to ≤ 2 MW each; transformer rated 1.6× and UPS/PDU 1.25× the design
/// IT power; "other" loads (lighting, security, offices) 1 % of design IT power.
public struct CoolingPlant: Sendable, Equatable, Codable {
    /// Design IT power (server inputs), W.
    public var designITWatts: Double
    /// The technology loop.
    public var liquidLoop: LiquidLoop
    /// Facility water.
    public var facilityWater: Coolant
    /// Facility-water pumps (variable flow tracking the heat, floored).
    public var facilityPump: Pump
    /// Heat rejection of the warm-water loop (and of the trim chiller's condenser).
    public var heatRejection: HeatRejector
    /// Trim chiller in series after heat rejection, or nil: the supply then floats above the set-point
    /// when rejection falls short.
    public var trimChiller: Chiller?
    /// Air handlers for the heat that reaches room air.
    public var airHandler: AirHandler
    /// Chilled water and economiser of the air side.
    public var airSide: AirSideCooling
    /// Power chain stages feeding the IT (the mechanical plant is on the transformer only).
    public var transformer: PowerStage
    public var ups: PowerStage
    public var pdu: PowerStage
    /// Constant other facility load, W.
    public var otherWatts: Double
    /// Heat export, if any.
    public var heatRecovery: HeatRecovery?

    public init(designITWatts: Double, liquidLoop: LiquidLoop, facilityWater: Coolant = .water, facilityPump: Pump, heatRejection: HeatRejector,
                trimChiller: Chiller?, airHandler: AirHandler, airSide: AirSideCooling, transformer: PowerStage, ups: PowerStage, pdu: PowerStage,
                otherWatts: Double, heatRecovery: HeatRecovery? = nil) {
        self.designITWatts = designITWatts
        self.liquidLoop = liquidLoop
        self.facilityWater = facilityWater
        self.facilityPump = facilityPump
        self.heatRejection = heatRejection
        self.trimChiller = trimChiller
        self.airHandler = airHandler
        self.airSide = airSide
        self.transformer = transformer
        self.ups = ups
        self.pdu = pdu
        self.otherWatts = otherWatts
        self.heatRecovery = heatRecovery
    }

    /// Checks every component.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        try FacilityModelError.requirePositive(designITWatts, "CoolingPlant", "designITWatts")
        try liquidLoop.validate()
        try facilityWater.validate()
        try facilityPump.validate()
        try heatRejection.validate()
        try trimChiller?.validate()
        try airHandler.validate()
        try airSide.validate()
        try transformer.validate()
        try ups.validate()
        try pdu.validate()
        try FacilityModelError.requireNonNegative(otherWatts, "CoolingPlant", "otherWatts")
        try heatRecovery?.validate()
    }

    /// The kind of outdoor heat rejection a factory builds.
    public enum RejectionKind: String, Sendable, Codable { case dryCooler, coolingTower }

    /// A plant for `designITWatts` of IT of which `liquidFraction` reaches `liquidLoop` (whose pumps the
    /// caller sized), with the factory sizing rules of the type's documentation.
    /// - Throws: `FacilityModelError` for invalid values.
    public static func sized(designITWatts: Double, liquidFraction: Double, liquidLoop: LiquidLoop, rejection: RejectionKind = .dryCooler,
                             trimChiller: Chiller? = Chiller(), economiser: Bool = true, heatRecovery: HeatRecovery? = nil) throws -> CoolingPlant {
        try FacilityModelError.requirePositive(designITWatts, "CoolingPlant", "designITWatts")
        try FacilityModelError.require(liquidFraction, in: 0...1, "CoolingPlant", "liquidFraction")
        let liquidDesign = designITWatts * liquidFraction
        let loopPumps = liquidLoop.operatingPoint(heatWatts: liquidDesign, facilitySupplyCelsius: 30).pumpWatts
        let waterDesign = max(liquidDesign + loopPumps, 1)
        let flow = Coolant.water.flowCubicMetersPerSecond(heatWatts: waterDesign, riseKelvin: PlantDefaults.loopDesignRiseKelvin)
        let pump = Pump(designFlowCubicMetersPerSecond: flow, designPressurePascals: PlantDefaults.waterPumpPressure,
                        efficiency: PlantDefaults.waterPumpEfficiency)
        let rejectionDesign = waterDesign + pump.designPowerWatts
        let rejector: HeatRejector = rejection == .dryCooler ? .dryCooler(DryCooler(designHeatWatts: rejectionDesign))
                                                             : .coolingTower(CoolingTower(designHeatWatts: rejectionDesign))
        let rating = designITWatts * PlantDefaults.electricalOversizing
        let ups = PowerStage.doubleConversionUPS(ratingWatts: rating), pdu = PowerStage.pdu(ratingWatts: rating)
        let electricalLoss = pdu.lossWatts(outputWatts: designITWatts) + ups.lossWatts(outputWatts: designITWatts * 1.005)
        let airDesign = designITWatts * (1 - liquidFraction) + electricalLoss
        let handler = AirHandler(designHeatWatts: airDesign)
        let plant = CoolingPlant(designITWatts: designITWatts, liquidLoop: liquidLoop, facilityPump: pump, heatRejection: rejector,
                                 trimChiller: trimChiller, airHandler: handler,
                                 airSide: .sized(designHeatWatts: airDesign + handler.designFanWatts, rejection: rejector, economiserEnabled: economiser),
                                 transformer: .transformer(ratingWatts: designITWatts * 1.6), ups: ups, pdu: pdu,
                                 otherWatts: PlantDefaults.otherFacilityFraction * designITWatts, heatRecovery: heatRecovery)
        try plant.validate()
        return plant
    }

    /// A direct-to-chip hall: `liquidCaptureFraction` of IT heat to cold plates (0.945, ExaDigiT/RAPS
    /// config/frontier.yaml), CDUs of Project Deschutes scaled to ≤ 2 MW each.
    /// - Throws: `FacilityModelError` for invalid values.
    public static func directToChip(designITWatts: Double, liquidCaptureFraction: Double = 0.945, rejection: RejectionKind = .dryCooler,
                                    trimChiller: Chiller? = Chiller(), heatRecovery: HeatRecovery? = nil) throws -> CoolingPlant {
        let liquid = designITWatts * liquidCaptureFraction
        let count = max(1, Int((liquid / 2e6).rounded(.up)))
        return try sized(designITWatts: designITWatts, liquidFraction: liquidCaptureFraction,
                         liquidLoop: .directToChip(cdu: .scaledDeschutes(ratedHeatWatts: max(liquid, 1) / Double(count)), count: count),
                         rejection: rejection, trimChiller: trimChiller, heatRecovery: heatRecovery)
    }

    /// An immersion hall: all IT heat in `tanks` identical tanks of `modulesPerTank` GPUs
    /// (`ImmersionTank.designed`).
    /// - Throws: `FacilityModelError` for invalid values.
    public static func immersion(designITWatts: Double, tanks: Int, modulesPerTank: Int, rejection: RejectionKind = .dryCooler,
                                 trimChiller: Chiller? = Chiller(), heatRecovery: HeatRecovery? = nil) throws -> CoolingPlant {
        guard tanks >= 1 else {
            throw FacilityModelError.invalidParameter(model: "CoolingPlant", parameter: "tanks", value: Double(tanks), requirement: "≥ 1")
        }
        let tank = ImmersionTank.designed(designHeatWatts: designITWatts / Double(tanks), modulesPerTank: modulesPerTank)
        return try sized(designITWatts: designITWatts, liquidFraction: 1, liquidLoop: .immersion(tank: tank, count: tanks),
                         rejection: rejection, trimChiller: trimChiller, heatRecovery: heatRecovery)
    }

    /// An air-cooled hall: all IT heat to the air handlers and chilled water.
    /// - Throws: `FacilityModelError` for invalid values.
    public static func airCooled(designITWatts: Double, rejection: RejectionKind = .coolingTower, economiser: Bool = true) throws -> CoolingPlant {
        try sized(designITWatts: designITWatts, liquidFraction: 0, liquidLoop: .none, rejection: rejection, trimChiller: nil, economiser: economiser)
    }
}
