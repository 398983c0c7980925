/// Default physical parameters of the plant, each with its source or marked as an assumption.
///
/// One place to read what a run assumes; scenario files override the ones they name.
public enum PlantDefaults {
    // MARK: servers

    /// Non-GPU server power per GPU at zero and full utilisation, W (CPUs, memory, NICs, NVSwitch, storage).
    /// Assumption: 150 W + 100 W·u, so an 8-GPU H100 server draws 6.8 kW at u = 1 without fans
    /// (DGX H100: 10.2 kW max including fans, typically 6.5–8.5 kW; supercluster.blog, unanswered.io).
    public static let otherServerWattsPerGPUIdle = 150.0
    public static let otherServerWattsPerGPUPerUtilisation = 100.0
    /// Server fans of an air-cooled server as a fraction of its other power. Assumption: 10 %
    /// (liquid-cooled servers in tanks or on cold plates have them removed).
    public static let airServerFanFraction = 0.10
    /// Server power-supply efficiency. Assumption: 95 % (80 PLUS Titanium asks 96 % at 50 % load, 230 V).
    public static let psuEfficiency = 0.95

    // MARK: GPU modules

    /// Heat capacity of a GPU module with its heat sink, J/K. Assumption: ≈ 1.5 kg of copper and
    /// aluminium at ≈ 400 J/(kg·K) — time constant of tens of seconds with the resistances below
    /// (Grant et al., SCA/HPCAsia 2026: die/package seconds, loops minutes).
    public static let heatSinkModuleCapacitance = 600.0
    /// Heat capacity of a cold-plate GPU module (die, package, copper plate ≈ 0.4 kg), J/K. Assumption.
    public static let coldPlateModuleCapacitance = 150.0

    // MARK: immersion

    /// Junction-to-fluid resistance in single-phase immersion with the heat sink kept, K/W.
    /// Assumption from the shared references (0.05–0.08 K/W from h ≤ 2 kW/m²K, Birbarah et al. 2020): 0.06.
    public static let immersionJunctionToFluid = 0.06
    /// Dielectric fluid per tank, m³. Assumption: 1.2 m³ for a 4-server tank.
    public static let immersionFluidVolume = 1.2
    /// Mineral oil at 60 °C as a proxy for PAO/GTL immersion fluids: ρ 868 kg/m³, cp 2,010 J/(kg·K)
    /// (Modelica.Thermal.FluidHeatFlow.Media.MineralOil).
    public static let oilDensity = 868.0
    public static let oilSpecificHeat = 2010.0
    /// Tank heat-exchanger effectiveness (counterflow plate HX). Assumption: 0.8.
    public static let immersionHXEffectiveness = 0.8
    /// Design temperature rise of the tank fluid loop, K. Assumption: 10 K (as the OCP water guideline).
    public static let loopDesignRiseKelvin = 10.0

    // MARK: direct-to-chip

    /// Cold-plate resistance vs flow for a 1 kW OAM, K/W at 2/3/4/5 L/min
    /// (Modelica Buildings LiquidCooled/Racks/Data/OCP_1kW_OAM_Water.mo).
    public static let coldPlateFlowLitersPerMinute = [2.0, 3.0, 4.0, 5.0]
    public static let coldPlateResistance = [0.0172, 0.0160, 0.0154, 0.0151]
    /// Junction-to-case resistance of the GPU package, K/W. Assumption: 0.02 (not published by NVIDIA).
    public static let junctionToCase = 0.02
    /// Cold-plate flow per GPU, L/min. OCP design 1.5 L/min/kW (prophetstor white paper quoting the OCP
    /// OAI guideline); a 1 kW OAM plate is characterised from 2 L/min, which this default uses.
    public static let coldPlateFlowPerGPU = 2.0
    /// Coolant held in one GPU's plate and manifold, J/K. Assumption: 0.5 L of water (4,177 J/(kg·K)).
    public static let coldPlateCoolantCapacitance = 0.5 * 4177.0
    /// Share of a cold-plate rack's heat captured by liquid: 0.945 (ExaDigiT/RAPS config/frontier.yaml).
    public static let liquidCaptureFraction = 0.945
    /// CDU approach (facility water to technology coolant), K: 3 K (Modelica Buildings
    /// CDUs/Data/GoogleProjectDeschutes.mo).
    public static let cduApproachKelvin = 3.0

    // MARK: air cooling

    /// Junction to heat-sink air path of an air-cooled GPU, K/W. Assumption: 0.06 (700 W H100 near
    /// 75–80 °C at 25 °C inlet, as air-cooled HGX systems run).
    public static let airJunctionToAir = 0.06
    /// Air through one GPU's heat sink, W/K (ṁ·cp). Assumption: ≈ 140 CFM per GPU ≈ 0.08 kg/s → 80 W/K.
    public static let airConductancePerGPU = 80.0
    /// Heat capacity of the air path and fins around one GPU, J/K. Assumption.
    public static let airPathCapacitance = 50.0
    /// Server inlet air: CRAH supply 22 °C plus 3 K recirculation (Assumption), inside ASHRAE's
    /// recommended 18–27 °C envelope.
    public static let airInletCelsius = 25.0
    /// CRAH air-side temperature rise, K, fan pressure rise, Pa, and fan efficiency. Assumption: 12 K, 500 Pa, 0.6.
    public static let crahAirRiseKelvin = 12.0
    public static let crahFanPressure = 500.0
    public static let crahFanEfficiency = 0.6

    // MARK: heat rejection

    /// Dry-cooler approach over dry-bulb at design heat, K: median 10 K (Energies 16(9):3661, 2023).
    public static let dryCoolerApproachKelvin = 10.0
    /// Dry-cooler fan power per W rejected at design airflow. Assumption: 0.015 (dry coolers 0.01–0.03 kW/kW).
    public static let dryCoolerFanFraction = 0.015
    /// Cooling-tower approach over wet-bulb, K: 5 K open tower (Energies 16(9):3661).
    public static let towerApproachKelvin = 5.0
    /// Tower fan power per W rejected: 0.015 (open wet tower 0.012–0.021 kW/kW, same source).
    public static let towerFanFraction = 0.015
    /// Economiser heat-exchanger approach, K. Assumption: 2 K.
    public static let economiserApproachKelvin = 2.0
    /// Chilled-water supply for the air handlers' coils, °C. Assumption: 15 °C (elevated chilled water for
    /// 22–24 °C supply air; legacy halls run 7–10 °C). Used by `AirSideCooling`.
    public static let chilledWaterSupplyCelsius = 15.0
    /// Chilled-water loop design rise, K. Assumption: 6 K.
    public static let chilledWaterRiseKelvin = 6.0
    /// Water pumps: 300 kPa at 0.87 wire-to-water efficiency (HewlettPackard/dc-rl envs/datacenter.py).
    public static let waterPumpPressure = 300e3
    public static let waterPumpEfficiency = 0.87
    /// Technology-loop pumps (tank oil, CDU secondary). Assumption: 150 kPa at 0.7.
    public static let secondaryPumpPressure = 150e3
    public static let secondaryPumpEfficiency = 0.7
    /// Water evaporated per joule rejected by an evaporative tower: 1 / h_fg (2.45 MJ/kg at 20 °C), kg/J;
    /// blowdown at 4 cycles of concentration adds 1/3 (Assumption: typical cycles 3–5).
    public static let towerWaterLitersPerJoule = (1.0 / 2.45e6) * (1.0 + 1.0 / 3.0)

    // MARK: heat recovery and building

    /// Heat-pump Carnot fraction for lifting recovered heat. Assumption: 0.5.
    public static let heatPumpCarnotFraction = 0.5
    /// Lighting, security, offices: Assumption 1 % of design IT power, constant.
    public static let otherFacilityFraction = 0.01
    /// Electrical equipment rated at this multiple of design load. Assumption: 1.25.
    public static let electricalOversizing = 1.25
}
