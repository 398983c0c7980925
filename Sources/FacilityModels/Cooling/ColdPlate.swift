/// A direct-to-chip cold plate whose case-to-coolant resistance depends on the coolant flow.
///
/// Following Modelica Buildings `LiquidCooled/Racks/ColdPlateR_P.mo`: T_case = T_in + R(V̇)·Q, with R
/// interpolated linearly in a table of flow (clamped at the table's ends); the coolant leaves at
/// T_in + Q/(ṁ·cp). The junction sits a further `junctionToCaseKelvinPerWatt`·Q above the case. The
/// largest heat a plate can carry with the case at a limit is (T_limit − T_in)/R (EnergyPlus
/// `Coil:Cooling:ITE:ColdPlate` design note, NFP-Datacenter_LiquidCooledCoil.md).
///
/// Default table: OCP 1 kW OAM with water, R = 0.0172 / 0.0160 / 0.0154 / 0.0151 K/W at 2 / 3 / 4 / 5 L/min
/// (lbl-srg/modelica-buildings `Buildings/Applications/DataCenters/LiquidCooled/Racks/Data/OCP_1kW_OAM_Water.mo`).
public struct ColdPlate: Sendable, Equatable, Codable {
    /// Table flows, L/min, strictly increasing.
    public var flowLitersPerMinute: [Double]
    /// Case-to-coolant-inlet resistance at each table flow, K/W.
    public var resistanceKelvinPerWatt: [Double]
    /// Junction (die) to case resistance of the package, K/W (default 0.02 K/W, an assumption: the run takes it and
    /// the table from `PlantParameter.junctionToCaseKelvinPerWatt` and `coldPlateResistanceAt…`).
    public var junctionToCaseKelvinPerWatt: Double
    /// The coolant.
    public var coolant: Coolant

    public init(flowLitersPerMinute: [Double], resistanceKelvinPerWatt: [Double], junctionToCaseKelvinPerWatt: Double = 0.02,
                coolant: Coolant = .water) {
        self.flowLitersPerMinute = flowLitersPerMinute
        self.resistanceKelvinPerWatt = resistanceKelvinPerWatt
        self.junctionToCaseKelvinPerWatt = junctionToCaseKelvinPerWatt
        self.coolant = coolant
    }

    /// The OCP 1 kW OAM plate with water (see the type's documentation).
    public static let ocp1kWOAM = ColdPlate(flowLitersPerMinute: [2, 3, 4, 5], resistanceKelvinPerWatt: [0.0172, 0.0160, 0.0154, 0.0151])

    /// Checks the table (≥ 2 points, increasing flows, positive resistances) and the coolant.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        guard flowLitersPerMinute.count >= 2, flowLitersPerMinute.count == resistanceKelvinPerWatt.count else {
            throw FacilityModelError.invalidConfiguration(model: "ColdPlate", message: "needs ≥ 2 (flow, resistance) points of equal count")
        }
        guard zip(flowLitersPerMinute, flowLitersPerMinute.dropFirst()).allSatisfy({ $0 < $1 }), flowLitersPerMinute[0] > 0 else {
            throw FacilityModelError.invalidConfiguration(model: "ColdPlate", message: "table flows must be positive and strictly increasing: \(flowLitersPerMinute)")
        }
        for r in resistanceKelvinPerWatt { try FacilityModelError.requirePositive(r, "ColdPlate", "resistanceKelvinPerWatt") }
        try FacilityModelError.requireNonNegative(junctionToCaseKelvinPerWatt, "ColdPlate", "junctionToCaseKelvinPerWatt")
        try coolant.validate()
    }

    /// Case-to-inlet resistance at `flow` L/min, K/W (linear between table points, clamped outside).
    public func resistanceKelvinPerWatt(flowLitersPerMinute flow: Double) -> Double {
        let x = flowLitersPerMinute, y = resistanceKelvinPerWatt
        if flow <= x[0] { return y[0] }
        if flow >= x[x.count - 1] { return y[y.count - 1] }
        var i = 1
        while x[i] < flow { i += 1 }
        let w = (flow - x[i - 1]) / (x[i] - x[i - 1])
        return y[i - 1] + w * (y[i] - y[i - 1])
    }

    /// Case temperature, °C: T_in + R(V̇)·Q.
    public func caseCelsius(heatWatts: Double, inletCelsius: Double, flowLitersPerMinute flow: Double) -> Double {
        inletCelsius + resistanceKelvinPerWatt(flowLitersPerMinute: flow) * heatWatts
    }

    /// Junction temperature, °C: case + R_jc·Q.
    public func junctionCelsius(heatWatts: Double, inletCelsius: Double, flowLitersPerMinute flow: Double) -> Double {
        caseCelsius(heatWatts: heatWatts, inletCelsius: inletCelsius, flowLitersPerMinute: flow) + junctionToCaseKelvinPerWatt * heatWatts
    }

    /// Coolant outlet temperature, °C: T_in + Q/(ρ·cp·V̇).
    public func outletCelsius(heatWatts: Double, inletCelsius: Double, flowLitersPerMinute flow: Double) -> Double {
        inletCelsius + heatWatts / coolant.capacityRateWattsPerKelvin(flowCubicMetersPerSecond: Coolant.cubicMetersPerSecond(litersPerMinute: flow))
    }

    /// Largest heat the plate carries with its case at `caseLimitCelsius`, W: (T_limit − T_in)/R.
    public func maximumHeatWatts(caseLimitCelsius: Double, inletCelsius: Double, flowLitersPerMinute flow: Double) -> Double {
        max(0, (caseLimitCelsius - inletCelsius) / resistanceKelvinPerWatt(flowLitersPerMinute: flow))
    }

    /// Junction-to-inlet resistance at `flow`, K/W (for a `ThermalChain` or `ThermalNetwork` node).
    public func junctionToInletKelvinPerWatt(flowLitersPerMinute flow: Double) -> Double {
        junctionToCaseKelvinPerWatt + resistanceKelvinPerWatt(flowLitersPerMinute: flow)
    }
}
