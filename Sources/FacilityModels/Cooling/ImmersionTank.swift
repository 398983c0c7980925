/// A single-phase immersion tank: GPUs and servers submerged in a dielectric fluid that is pumped
/// through a heat exchanger to the facility water loop.
///
/// Lumped model: the tank fluid is well mixed at T_f (the temperature leaving the tank for the heat
/// exchanger); each GPU sits at T_f + P_gpu·R_chip→fluid. The pump's work is dissipated in the fluid.
/// The heat exchanger (hot side: tank fluid at flow V̇_f; cold side: facility water at V̇_w, entering
/// at T_supply) removes Q = ε·C_min·(T_f − T_supply) (ε-NTU) or ties the water outlet to
/// T_f − approach. In steady state the heat removed equals the IT heat plus the pump work, so
///
///     ε-NTU:     T_f = T_supply + Q/(ε·C_min)
///     approach:  T_f = T_supply + approach + Q/C_w
///
/// in closed form; the water returns at T_supply + Q/C_w and the fluid re-enters the tank at
/// T_f − Q/C_f. `thermalChain` gives the same physics as a two-node transient (module, tank fluid).
///
/// Sources: fluid properties — mineral oil at 60 °C as the PAO/GTL proxy (`Coolant.mineralOil`);
/// chip-to-fluid resistance — Assumption 0.06 K/W, inside the 0.05–0.08 K/W the shared references derive
/// from h ≤ 2 kW/(m²·K) single-phase convection on a finned heat sink (Birbarah et al., IJHMT 147, 2020).
public struct ImmersionTank: Sendable, Equatable, Codable {
    /// The dielectric fluid.
    public var fluid: Coolant
    /// Fluid volume, m³.
    public var fluidVolumeCubicMeters: Double
    /// GPUs (modules) per tank.
    public var modulesPerTank: Int
    /// GPU-to-fluid thermal resistance (heat sink kept), K/W.
    public var chipToFluidKelvinPerWatt: Double
    /// Tank-fluid flow through the heat exchanger at design, m³/s.
    public var fluidFlowCubicMetersPerSecond: Double
    /// Facility-water flow through the heat exchanger at design, m³/s.
    public var waterFlowCubicMetersPerSecond: Double
    /// The fluid-to-water heat exchanger.
    public var heatExchanger: HeatExchanger
    /// The tank's fluid pump (rated at `fluidFlowCubicMetersPerSecond`).
    public var pump: Pump
    /// The facility water.
    public var water: Coolant
    /// Heat the design flows are sized for, W (pumps that track the load run at heat/design).
    public var designHeatWatts: Double

    public init(fluid: Coolant = .mineralOil, fluidVolumeCubicMeters: Double, modulesPerTank: Int, chipToFluidKelvinPerWatt: Double,
                fluidFlowCubicMetersPerSecond: Double, waterFlowCubicMetersPerSecond: Double, heatExchanger: HeatExchanger,
                pump: Pump, water: Coolant = .water, designHeatWatts: Double) {
        self.designHeatWatts = designHeatWatts
        self.fluid = fluid
        self.fluidVolumeCubicMeters = fluidVolumeCubicMeters
        self.modulesPerTank = modulesPerTank
        self.chipToFluidKelvinPerWatt = chipToFluidKelvinPerWatt
        self.fluidFlowCubicMetersPerSecond = fluidFlowCubicMetersPerSecond
        self.waterFlowCubicMetersPerSecond = waterFlowCubicMetersPerSecond
        self.heatExchanger = heatExchanger
        self.pump = pump
        self.water = water
    }

    /// A tank sized by design rules for `designHeatWatts` (all IT heat in the tank):
    /// both streams sized for a `designRiseKelvin` rise (Assumption: 10 K, as the OCP water guideline's
    /// 1.5 L/min/kW at ΔT ≤ 10 K), a counterflow plate exchanger whose UA gives ε = 0.8 at those balanced
    /// flows (NTU = 4; Assumption, typical plate-exchanger sizing), and a fluid pump of
    /// `pumpPressurePascals` at η = 0.7 (Assumption: 150 kPa across tank, piping and exchanger); fluid volume
    /// and chip-to-fluid resistance from `PlantDefaults` (1.2 m³ for a 4-server tank, 0.06 K/W; Assumptions).
    public static func designed(designHeatWatts: Double, modulesPerTank: Int, fluidVolumeCubicMeters: Double = PlantDefaults.immersionFluidVolume,
                                chipToFluidKelvinPerWatt: Double = PlantDefaults.immersionJunctionToFluid,
                                designRiseKelvin: Double = PlantDefaults.loopDesignRiseKelvin,
                                pumpPressurePascals: Double = PlantDefaults.secondaryPumpPressure, fluid: Coolant = .mineralOil,
                                water: Coolant = .water) -> ImmersionTank {
        let fluidFlow = fluid.flowCubicMetersPerSecond(heatWatts: designHeatWatts, riseKelvin: designRiseKelvin)
        let waterFlow = water.flowCubicMetersPerSecond(heatWatts: designHeatWatts, riseKelvin: designRiseKelvin)
        let capacityRate = designHeatWatts / designRiseKelvin
        return ImmersionTank(fluid: fluid, fluidVolumeCubicMeters: fluidVolumeCubicMeters, modulesPerTank: modulesPerTank,
                             chipToFluidKelvinPerWatt: chipToFluidKelvinPerWatt, fluidFlowCubicMetersPerSecond: fluidFlow,
                             waterFlowCubicMetersPerSecond: waterFlow, heatExchanger: .counterflow(conductanceWattsPerKelvin: 4 * capacityRate),
                             pump: Pump(designFlowCubicMetersPerSecond: fluidFlow, designPressurePascals: pumpPressurePascals,
                                        efficiency: PlantDefaults.secondaryPumpEfficiency),
                             water: water, designHeatWatts: designHeatWatts)
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        try fluid.validate()
        try water.validate()
        try FacilityModelError.requirePositive(fluidVolumeCubicMeters, "ImmersionTank", "fluidVolumeCubicMeters")
        guard modulesPerTank >= 1 else {
            throw FacilityModelError.invalidParameter(model: "ImmersionTank", parameter: "modulesPerTank", value: Double(modulesPerTank), requirement: "≥ 1")
        }
        try FacilityModelError.requirePositive(chipToFluidKelvinPerWatt, "ImmersionTank", "chipToFluidKelvinPerWatt")
        try FacilityModelError.requirePositive(fluidFlowCubicMetersPerSecond, "ImmersionTank", "fluidFlowCubicMetersPerSecond")
        try FacilityModelError.requirePositive(waterFlowCubicMetersPerSecond, "ImmersionTank", "waterFlowCubicMetersPerSecond")
        try heatExchanger.validate()
        try pump.validate()
        try FacilityModelError.requirePositive(designHeatWatts, "ImmersionTank", "designHeatWatts")
    }

    /// Heat capacity of the tank fluid, J/K.
    public var fluidCapacitanceJoulesPerKelvin: Double { fluid.capacitanceJoulesPerKelvin(volumeCubicMeters: fluidVolumeCubicMeters) }

    /// The steady state of the tank at one operating point.
    public struct SteadyState: Sendable, Equatable {
        /// Heat removed by the exchanger: IT heat + pump work, W.
        public var heatWatts: Double
        /// Tank fluid (well mixed, = exchanger hot inlet), °C.
        public var fluidCelsius: Double
        /// Fluid returning to the tank from the exchanger, °C.
        public var fluidReturnCelsius: Double
        /// Facility water leaving the exchanger, °C.
        public var waterReturnCelsius: Double
        /// GPU temperature for the module power asked, °C.
        public var moduleCelsius: Double
        /// Electrical power of the tank pump, W.
        public var pumpWatts: Double
    }

    /// The tank's steady state in closed form (see the type's documentation).
    /// - Parameters:
    ///   - itWatts: all IT heat dissipated in the tank, W.
    ///   - modulePowerWatts: power of one GPU, for its temperature, W.
    ///   - supplyCelsius: facility water entering the exchanger, °C.
    ///   - flowRatio: fluid and water flows as a fraction of design (both pumps track together).
    public func steadyState(itWatts: Double, modulePowerWatts: Double, supplyCelsius: Double, flowRatio: Double = 1) -> SteadyState {
        let pumpWatts = pump.powerWatts(flowRatio: flowRatio)
        let speed = pump.speedRatio(flowRatio: flowRatio)
        let heat = itWatts + pumpWatts
        let cFluid = fluid.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: fluidFlowCubicMetersPerSecond * speed)
        let cWater = water.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: waterFlowCubicMetersPerSecond * speed)
        let fluidCelsius: Double
        switch heatExchanger {
        case .approach(let k):
            fluidCelsius = supplyCelsius + k + heat / cWater
        case .counterflow, .effectiveness:
            let epsilon = heatExchanger.effectiveness(hotCapacityRateWattsPerKelvin: cFluid, coldCapacityRateWattsPerKelvin: cWater)
            fluidCelsius = supplyCelsius + heat / (epsilon * min(cFluid, cWater))
        }
        return SteadyState(heatWatts: heat, fluidCelsius: fluidCelsius, fluidReturnCelsius: fluidCelsius - heat / cFluid,
                           waterReturnCelsius: supplyCelsius + heat / cWater,
                           moduleCelsius: fluidCelsius + modulePowerWatts * chipToFluidKelvinPerWatt, pumpWatts: pumpWatts)
    }

    /// The conductance from the tank fluid to the facility supply temperature, W/K: ε·C_min for ε-NTU;
    /// for a fixed approach k, the G with Q = G·(T_f − T_supply) at design heat `designHeatWatts`.
    public func fluidToSupplyConductanceWattsPerKelvin(flowRatio: Double = 1, designHeatWatts: Double? = nil) -> Double {
        let speed = pump.speedRatio(flowRatio: flowRatio)
        let cFluid = fluid.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: fluidFlowCubicMetersPerSecond * speed)
        let cWater = water.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: waterFlowCubicMetersPerSecond * speed)
        switch heatExchanger {
        case .approach(let k):
            let q = designHeatWatts ?? cWater * 10
            return q / (k + q / cWater)
        case .counterflow, .effectiveness:
            return heatExchanger.effectiveness(hotCapacityRateWattsPerKelvin: cFluid, coldCapacityRateWattsPerKelvin: cWater) * min(cFluid, cWater)
        }
    }

    /// The tank as a two-node `ThermalChain` (one GPU module; the tank fluid shared by
    /// `modulesPerTank` modules, losing heat to the facility supply) for transient runs.
    /// - Parameter moduleCapacitanceJoulesPerKelvin: heat capacity of one GPU with its heat sink, J/K.
    public func thermalChain(moduleCapacitanceJoulesPerKelvin: Double, flowRatio: Double = 1) -> ThermalChain {
        ThermalChain(moduleCapacitanceJoulesPerKelvin: moduleCapacitanceJoulesPerKelvin, moduleResistanceKelvinPerWatt: chipToFluidKelvinPerWatt,
                     sinkCapacitanceJoulesPerKelvin: fluidCapacitanceJoulesPerKelvin, modulesPerSink: modulesPerTank,
                     sinkConductanceWattsPerKelvin: fluidToSupplyConductanceWattsPerKelvin(flowRatio: flowRatio))
    }
}
