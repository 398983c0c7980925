extension PlantParameter {
    static func airTable(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        let ashrae = "inside ASHRAE TC 9.9's recommended 18–27 °C inlet envelope (Thermal Guidelines 5th ed., 2021)"
        switch p {
        case .airJunctionToAirKelvinPerWatt:
            return ("K/W", 0.06, 0.04...0.08, .assumed("junction to heat-sink air path of an air-cooled GPU: a 700 W H100 near 75–80 °C at a "
                + "25 °C inlet, as air-cooled HGX systems run"))
        case .airConductancePerGPUWattsPerKelvin:
            return ("W/K", 80, 50...120, .assumed("air through one GPU's heat sink, ≈ 140 CFM ≈ 0.08 kg/s × 1,005 J/(kg·K)"))
        case .airPathCapacitanceJoulesPerKelvin:
            return ("J/K", 50, 20...200, .assumed("air path and fins around one GPU"))
        case .crahSupplyAirCelsius:
            return ("°C", 22, 18...27, .assumed("CRAH supply-air set-point, " + ashrae))
        case .crahCoilApproachKelvin:
            return ("K", 7, 4...10, .assumed("supply air above the chilled water entering the CRAH coil (22 °C air from 15 °C water)"))
        case .rackRecirculationKelvin:
            return ("K", 3, 0...6, .assumed("server inlet above CRAH supply air from hot-air recirculation (contained aisles: 1–3 K)"))
        case .roomChilledWaterSupplyCelsius:
            return ("°C", 15, 7...18, .assumed("chilled water for the room-air coils of liquid-cooled halls: elevated chilled water for 22 °C "
                + "supply air (legacy halls run 7–10 °C; 15 °C = supply air − coil approach), " + ashrae))
        case .crahAirRiseKelvin:
            return ("K", 12, 8...15, .assumed("CRAH air-side temperature rise"))
        case .crahFanPressurePascals:
            return ("Pa", 500, 300...800, .assumed("CRAH fan total pressure rise"))
        case .crahFanEfficiency:
            return ("1", 0.6, 0.5...0.7, .assumed("CRAH fan wire-to-air efficiency"))
        case .airDensityKilogramsPerCubicMeter:
            return ("kg/m³", 1.1614, 1.1...1.25, .cited("dry air at 300 K, 1 atm (Incropera & DeWitt Table A.4)"))
        default:
            return ("J/(kg·K)", 1007, 1000...1010, .cited("dry air at 300 K (Incropera & DeWitt Table A.4)"))
        }
    }

    static func rejectionTable(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        let energies = "Energies 16(9):3661 (2023), mdpi.com/1996-1073/16/9/3661"
        switch p {
        case .dryCoolerApproachKelvin:
            return ("K", 10, 5...15, .cited("median dry-cooler approach over dry-bulb at design heat, " + energies))
        case .dryCoolerFanFraction:
            return ("1", 0.015, 0.01...0.03, .assumed("dry-cooler fan power per W rejected at design airflow (dry coolers 0.01–0.03 kW/kW)"))
        case .towerApproachKelvin:
            return ("K", 5, 3...7, .cited("open wet cooling-tower approach over wet-bulb, " + energies))
        case .towerFanFraction:
            return ("1", 0.015, 0.012...0.021, .cited("open wet tower 0.012–0.021 kW_el per kW_th, " + energies))
        case .economiserApproachKelvin:
            return ("K", 2, 1...4, .assumed("water-side economiser plate heat-exchanger approach"))
        case .chilledWaterRiseKelvin:
            return ("K", 6, 5...8, .assumed("chilled-water loop design rise"))
        case .waterPumpPressurePascals:
            return ("Pa", 300e3, 150e3...400e3, .cited("facility-water pump head, HewlettPackard/dc-rl envs/datacenter.py"))
        case .waterPumpEfficiency:
            return ("1", 0.87, 0.6...0.9, .cited("wire-to-water efficiency, HewlettPackard/dc-rl envs/datacenter.py"))
        case .secondaryPumpPressurePascals:
            return ("Pa", 150e3, 80e3...250e3, .assumed("technology-loop pump head (tank oil, CDU secondary) across tank, piping and exchanger"))
        case .secondaryPumpEfficiency:
            return ("1", 0.7, 0.5...0.85, .assumed("technology-loop pump wire-to-fluid efficiency"))
        case .towerWaterLitersPerJoule:
            return ("L/J", (1.0 / 2.45e6) * (1.0 + 1.0 / 3.0), 4.5e-7...6.5e-7,
                    .derived("evaporation 1/h_fg (2.45 MJ/kg at 20 °C) plus blowdown at 4 cycles of concentration (1/3 more; cycles 3–5 "
                        + "assumed)"))
        case .chillerCarnotFraction:
            return ("1", 0.5, 0.4...0.6, .derived("COP = η·T_evap/(T_cond − T_evap): η = 0.5 with the approaches below gives COP 5.0 at the AHRI "
                + "rating point (6.7 °C leaving chilled water, 29.4 °C entering condenser water), inside the 4.4–5.9 (0.6–0.8 kW/ton) of "
                + "BAC \"Minimizing Energy Costs with Free Cooling\""))
        case .chillerEvaporatorApproachKelvin:
            return ("K", 2, 1...4, .assumed("refrigerant below the chilled-water supply"))
        case .chillerCondenserApproachKelvin:
            return ("K", 3, 2...5, .assumed("refrigerant above the condenser water or air"))
        case .chillerMaximumCOP:
            return ("1", 12, 8...15, .assumed("compressors do not run efficiently at very small lift"))
        default:
            return ("°C", 18.3, 15...21, .assumed("minimum entering condenser water of a centrifugal chiller (65 °F, head-pressure control)"))
        }
    }

    static func powerTable(_ p: PlantParameter) -> (String, Double, ClosedRange<Double>, ParameterSource) {
        let riello = "double conversion 94–97 %, eco mode 98–99 %, ≈ 85 % at 20–25 % load (Riello UPS FAQ 53; Schneider eConversion blog); "
            + "loss structure no-load + proportional + I²R 1–4 % at high load (Schneider Electric, Definitions of Losses)"
        switch p {
        case .electricalOversizing:
            return ("1", 1.25, 1.1...1.5, .assumed("electrical equipment rated at this multiple of the design IT load"))
        case .upsModuleFraction:
            return ("1", 0.25, 0.125...0.5, .assumed("one UPS module carries this share of the rated load (n+1 adds one module)"))
        case .transformerRatingMultiple:
            return ("1", 1.6, 1.2...2.0, .assumed("transformer rating over the electrical rating (room for the cooling plant)"))
        case .upsDoubleConversionFixedLossFraction:
            return ("1", 0.01, 0.005...0.02, .assumed("no-load loss of a double-conversion UPS, of rating: with the next two rows 96.2 % at "
                + "full load, 95.7 % at 50 %, 93.3 % at 20 %, fitted inside: " + riello))
        case .upsDoubleConversionProportionalLossFraction:
            return ("1", 0.02, 0.01...0.03, .assumed("proportional loss of a double-conversion UPS, of load (see the no-load row)"))
        case .upsDoubleConversionSquareLossFraction:
            return ("1", 0.01, 0.005...0.04, .assumed("I²R loss of a double-conversion UPS at full load, of rating (see the no-load row)"))
        case .upsEcoFixedLossFraction:
            return ("1", 0.005, 0.002...0.01, .assumed("no-load loss of a UPS in eco mode (bypass), of rating: with the next row 99.0 % at full "
                + "load, 98.5 % at 50 %, fitted inside: " + riello))
        case .upsEcoProportionalLossFraction:
            return ("1", 0.005, 0.002...0.01, .assumed("proportional loss of a UPS in eco mode, of load (see the eco no-load row)"))
        case .transformerNoLoadLossFraction:
            return ("1", 0.003, 0.001...0.005, .assumed("dry-type transformer no-load (core) loss, of rating: with the load-loss row 98.7 % at "
                + "full load, 99.0 % at 50 %, fitted inside ≥ 98 % (DOE efficiency standards, maddox.com; DOE EA-1565: no-load loss "
                + "constant, load loss ∝ load²)"))
        case .transformerLoadLossFraction:
            return ("1", 0.01, 0.005...0.015, .assumed("transformer load (copper) loss at full load, of rating (see the no-load row)"))
        case .pduProportionalLossFraction:
            return ("1", 0.005, 0.002...0.01, .assumed("PDU and busway loss, of load"))
        case .heatPumpCarnotFraction:
            return ("1", 0.5, 0.4...0.6, .assumed("heat pump lifting recovered heat, fraction of Carnot (the chiller row's form)"))
        case .heatRecoveryApproachKelvin:
            return ("K", 3, 2...5, .assumed("heat-pump evaporator and condenser approaches, and the recovery exchanger's approach"))
        case .heatDemandSeasonalSwing:
            return ("1", 0.5, 0...0.8, .assumed("district-heating demand swing around its mean, ± this fraction, peaking mid-January"))
        case .heatDemandPeakDayOfYear:
            return ("d", 15, 0...45, .assumed("day of the year of peak district-heating demand (mid-January, northern hemisphere)"))
        default:
            return ("1", 0.01, 0.005...0.05, .assumed("lighting, security and offices as a fraction of design IT power, constant"))
        }
    }
}
