/// The technology loop between the IT and the facility water: immersion tanks, direct-to-chip CDUs, or
/// none (an air-cooled hall).
public enum LiquidLoop: Sendable, Equatable, Codable {
    /// `count` identical immersion tanks sharing the liquid heat equally.
    case immersion(tank: ImmersionTank, count: Int)
    /// `count` identical CDUs sharing the liquid heat equally.
    case directToChip(cdu: CDU, count: Int)
    /// No liquid loop.
    case none

    /// Checks the model.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        switch self {
        case let .immersion(tank, count):
            try tank.validate()
            guard count >= 1 else { throw FacilityModelError.invalidParameter(model: "LiquidLoop", parameter: "tank count", value: Double(count), requirement: "≥ 1") }
        case let .directToChip(cdu, count):
            try cdu.validate()
            guard count >= 1 else { throw FacilityModelError.invalidParameter(model: "LiquidLoop", parameter: "CDU count", value: Double(count), requirement: "≥ 1") }
        case .none:
            break
        }
    }

    /// The loop at one operating point: pump power, and the loop's supply and return temperatures for a
    /// facility supply temperature.
    struct Point {
        var pumpWatts: Double
        var supplyCelsius: Double
        var returnCelsius: Double
    }

    /// The loop carrying `heatWatts` of IT heat with facility water entering at `facilitySupplyCelsius`.
    @inline(__always)
    func operatingPoint(heatWatts: Double, facilitySupplyCelsius: Double) -> Point {
        switch self {
        case let .immersion(tank, count):
            let n = Double(count)
            let perTank = heatWatts / n
            // Pumps track the heat (floored at the pump's minimum speed).
            let s = tank.steadyState(itWatts: perTank, modulePowerWatts: 0, supplyCelsius: facilitySupplyCelsius,
                                     flowRatio: perTank / tank.designHeatWatts)
            return Point(pumpWatts: n * s.pumpWatts, supplyCelsius: s.fluidCelsius, returnCelsius: s.fluidReturnCelsius)
        case let .directToChip(cdu, count):
            let n = Double(count)
            let p = cdu.operatingPoint(heatWatts: heatWatts / n, facilitySupplyCelsius: facilitySupplyCelsius)
            return Point(pumpWatts: n * p.pumpWatts, supplyCelsius: p.secondarySupplyCelsius, returnCelsius: p.secondaryReturnCelsius)
        case .none:
            return Point(pumpWatts: 0, supplyCelsius: facilitySupplyCelsius, returnCelsius: facilitySupplyCelsius)
        }
    }
}
