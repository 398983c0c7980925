extension PlantParameter {
    /// The default entry: unit, value, plausible range and source (paper or datasheet with its table or figure;
    /// `derived` gives the formula; `assumed` where nothing is published).
    public var defaultEntry: ParameterEntry {
        let (unit, value, range, source) = PlantParameter.table(self)
        return ParameterEntry(parameter: self, unit: unit, value: value, plausibleRange: range, source: source)
    }

    private static let refs = "/work/shared/references/physics-and-benchmarks.md"

    private static func table(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        switch p {
        case .otherServerWattsPerGPUIdle, .otherServerWattsPerGPUPerUtilisation, .airServerFanFraction, .psuEfficiency,
             .heatSinkModuleCapacitanceJoulesPerKelvin, .coldPlateModuleCapacitanceJoulesPerKelvin:
            return serverTable(p)
        case .immersionJunctionToFluidKelvinPerWatt, .immersionFluidVolumeCubicMeters, .immersionFluidDensityKilogramsPerCubicMeter,
             .immersionFluidSpecificHeatJoulesPerKilogramKelvin, .immersionFluidConductivityWattsPerMeterKelvin,
             .immersionFluidViscosityPascalSeconds, .immersionHXEffectiveness, .heatExchangerUAFlowExponent, .loopDesignRiseKelvin,
             .pumpMinimumSpeedRatio:
            return immersionTable(p)
        case .coldPlateFlowLitersPerMinutePerGPU, .coldPlateResistanceAt2LitersPerMinute, .coldPlateResistanceAt3LitersPerMinute,
             .coldPlateResistanceAt4LitersPerMinute, .coldPlateResistanceAt5LitersPerMinute, .junctionToCaseKelvinPerWatt,
             .coldPlateCoolantCapacitanceJoulesPerKelvin, .liquidCaptureFraction, .cduApproachKelvin, .warmWaterSupplyCelsius,
             .waterDensityKilogramsPerCubicMeter, .waterSpecificHeatJoulesPerKilogramKelvin:
            return coldPlateTable(p)
        case .airJunctionToAirKelvinPerWatt, .airConductancePerGPUWattsPerKelvin, .airPathCapacitanceJoulesPerKelvin,
             .crahSupplyAirCelsius, .crahCoilApproachKelvin, .rackRecirculationKelvin, .roomChilledWaterSupplyCelsius,
             .crahAirRiseKelvin, .crahFanPressurePascals, .crahFanEfficiency, .airDensityKilogramsPerCubicMeter,
             .airSpecificHeatJoulesPerKilogramKelvin:
            return airTable(p)
        case .dryCoolerApproachKelvin, .dryCoolerFanFraction, .towerApproachKelvin, .towerFanFraction, .economiserApproachKelvin,
             .chilledWaterRiseKelvin, .waterPumpPressurePascals, .waterPumpEfficiency, .secondaryPumpPressurePascals,
             .secondaryPumpEfficiency, .towerWaterLitersPerJoule, .chillerCarnotFraction, .chillerEvaporatorApproachKelvin,
             .chillerCondenserApproachKelvin, .chillerMaximumCOP, .chillerMinimumSinkCelsius:
            return rejectionTable(p)
        default:
            return powerTable(p)
        }
    }

    private static func serverTable(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        switch p {
        case .otherServerWattsPerGPUIdle:
            return ("W", 150, 100...250, .assumed("non-GPU server power (CPUs, memory, NICs, NVSwitch) per GPU at idle; with the next row an "
                + "8-GPU H100 server draws 6.8 kW at full load without fans (DGX H100: 10.2 kW max incl. fans, typically 6.5–8.5 kW; "
                + "supercluster.blog, unanswered.io)"))
        case .otherServerWattsPerGPUPerUtilisation:
            return ("W", 100, 50...200, .assumed("non-GPU server power per GPU added at full utilisation (see the idle row)"))
        case .airServerFanFraction:
            return ("1", 0.10, 0.05...0.20, .assumed("server fans of an air-cooled server as a fraction of its other power"))
        case .psuEfficiency:
            return ("1", 0.95, 0.94...0.96, .cited("80 PLUS Titanium, 230 V internal redundant: ≥ 94 % at 20 %, 96 % at 50 %, 91 % at 100 % load "
                + "(80 Plus certification table, en.wikipedia.org/wiki/80_Plus); 95 % taken as the mid-load average"))
        case .heatSinkModuleCapacitanceJoulesPerKelvin:
            return ("J/K", 600, 300...1500, .assumed("≈ 1.5 kg of copper and aluminium at ≈ 400 J/(kg·K); die/package time constant of seconds, "
                + "loops minutes (Grant et al., SCA/HPCAsia 2026)"))
        default:
            return ("J/K", 150, 80...400, .assumed("die, package and a ≈ 0.4 kg copper cold plate"))
        }
    }

    private static func immersionTable(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        let pao = "polyalphaolefin (PAO, the base stock of single-phase immersion fluids) property tables of Sleiti, J. Synthetic "
            + "Lubrication 24:77–90 (2007), as tabulated in ThermoS.Media.PAO; "
        switch p {
        case .immersionJunctionToFluidKelvinPerWatt:
            return ("K/W", 0.040, 0.03...0.06, .derived("R = R_jc + 1/(h·A·η_o) = 0.02 + 1/(1,000 W/(m²·K) · 0.05 m²) = 0.04 K/W: the package's "
                + "junction-to-case resistance (the cold-plate row's 0.02 K/W) plus a kept HGX heat sink in forced single-phase dielectric "
                + "flow, h = 1 kW/(m²·K), half the < 2 kW/(m²·K) single-phase ceiling of Birbarah et al., IJHMT 147 (2020) 118918, on "
                + "≈ 0.05 m² of effective fin area (h and area assumed); issue #16's published and first-principles range is 0.03–0.05 K/W "
                + "(the shared references' 0.05–0.08 K/W is marked A)"))
        case .immersionFluidVolumeCubicMeters:
            return ("m³", 1.2, 0.6...2.5, .assumed("dielectric fluid in a 4-server (32-GPU) tank"))
        case .immersionFluidDensityKilogramsPerCubicMeter:
            return ("kg/m³", 778.4, 740...870, .derived(pao + "density 779 kg/m³ at 41.1 °C and 759 at 71.1 °C, interpolated at the 42.5 °C design "
                + "tank temperature (W32 supply 30 °C + rise/ε = 12.5 K)"))
        case .immersionFluidSpecificHeatJoulesPerKilogramKelvin:
            return ("J/(kg·K)", 2281, 1900...2500, .derived(pao + "cp 2,280 J/(kg·K) at 42 °C and 2,466 at 95 °C, interpolated at 42.5 °C"))
        case .immersionFluidConductivityWattsPerMeterKelvin:
            return ("W/(m·K)", 0.1469, 0.12...0.16, .derived(pao + "λ 0.1444 at 60.4 °C and 0.1387 at 101.7 °C, extrapolated linearly to 42.5 °C "
                + "(informational: the lumped chip-to-fluid resistance stands for convection)"))
        case .immersionFluidViscosityPascalSeconds:
            return ("Pa·s", 0.00776, 0.003...0.02, .derived(pao + "μ 0.0079 Pa·s at 40.6 °C and 0.00482 at 79.4 °C, interpolated at 42.5 °C "
                + "(informational, as λ)"))
        case .immersionHXEffectiveness:
            return ("1", 0.8, 0.6...0.9, .assumed("tank-to-facility-water plate exchanger effectiveness at design flow (NTU = 4 with balanced "
                + "streams, Incropera & DeWitt Table 11.3 ε = NTU/(1+NTU)); typical plate-exchanger sizing"))
        case .heatExchangerUAFlowExponent:
            return ("1", 0.8, 0.5...0.8, .cited("UA ∝ flow^0.8: the Reynolds exponent of the Dittus–Boelter correlation Nu = 0.023·Re^0.8·Pr^n "
                + "(Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, eq. 8.60), both streams scaled together; laminar "
                + "plate channels give 0.5–0.7"))
        case .loopDesignRiseKelvin:
            return ("K", 10, 5...15, .cited("design coolant rise ΔT ≤ 10 K at 1.5 L/min/kW (OCP OAI liquid-cooling guideline, quoted by the "
                + "prophetstor white paper; \(refs) §2)"))
        default:
            return ("1", 0.3, 0.2...0.5, .assumed("lowest variable-speed-drive speed of pumps and fans (flow ratio floor); a common VFD minimum"))
        }
    }

    private static func coldPlateTable(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        let ocp = "OCP 1 kW OAM cold plate with water (lbl-srg/modelica-buildings Buildings/Applications/DataCenters/LiquidCooled/Racks/"
            + "Data/OCP_1kW_OAM_Water.mo), case-to-inlet resistance at "
        switch p {
        case .coldPlateFlowLitersPerMinutePerGPU:
            return ("L/min", 2.0, 1.0...3.0, .cited("OCP design 1.5 L/min/kW (prophetstor quoting the OCP OAI guideline); the OAM plate is "
                + "characterised from 2 L/min, which this default uses"))
        case .coldPlateResistanceAt2LitersPerMinute: return ("K/W", 0.0172, 0.012...0.03, .cited(ocp + "2 L/min"))
        case .coldPlateResistanceAt3LitersPerMinute: return ("K/W", 0.0160, 0.012...0.03, .cited(ocp + "3 L/min"))
        case .coldPlateResistanceAt4LitersPerMinute: return ("K/W", 0.0154, 0.012...0.03, .cited(ocp + "4 L/min"))
        case .coldPlateResistanceAt5LitersPerMinute: return ("K/W", 0.0151, 0.012...0.03, .cited(ocp + "5 L/min"))
        case .junctionToCaseKelvinPerWatt:
            return ("K/W", 0.02, 0.01...0.03, .assumed("GPU junction-to-case resistance (not published by NVIDIA or AMD); with the OCP plate a "
                + "700 W H100 sits ≈ 26 K above its coolant, inside the 21–28 K derived for 0.03–0.04 K/W plates (fibermall, "
                + "cooling-thermal.com; \(refs) §2)"))
        case .coldPlateCoolantCapacitanceJoulesPerKelvin:
            return ("J/K", 2088.5, 1000...5000, .assumed("0.5 L of water in one GPU's plate and manifold (0.5 kg × 4,177 J/(kg·K))"))
        case .liquidCaptureFraction:
            return ("1", 0.945, 0.8...0.98, .cited("share of a cold-plate rack's heat captured by liquid (ExaDigiT/RAPS config/frontier.yaml "
                + "cooling_efficiency)"))
        case .cduApproachKelvin:
            return ("K", 3, 2...5, .cited("CDU approach, facility water to technology coolant (Modelica Buildings CDUs/Data/"
                + "GoogleProjectDeschutes.mo)"))
        case .warmWaterSupplyCelsius:
            return ("°C", 30, 17...40, .cited("facility-water supply of a liquid-cooled hall without a set-point in the scenario: ASHRAE TC 9.9 "
                + "liquid class W32 (supply ≤ 32 °C; Thermal Guidelines 5th ed., 2021, upsite.com summary) with 2 K margin"))
        case .waterDensityKilogramsPerCubicMeter:
            return ("kg/m³", 995.6, 990...1000, .cited("water at 30 °C (Modelica.Thermal.FluidHeatFlow.Media.Water)"))
        default:
            return ("J/(kg·K)", 4177, 4170...4190, .cited("water at 30 °C (Modelica.Thermal.FluidHeatFlow.Media.Water)"))
        }
    }
}
