/// Export of facility heat to a district-heating user.
///
/// The user asks for `demand` W at `userSupplyCelsius`. The facility's return water, at T_return, passes
/// its heat through an exchanger with `exchangerApproachKelvin`:
/// - if T_return − approach ≥ user supply, the heat goes across directly (no electricity);
/// - otherwise a `HeatPump` lifts it: delivering D needs W = D/COP of electricity and takes D − W from the
///   facility water.
/// Either way no more than the heat available in the facility water is taken. Where the heat pump's
/// electricity belongs (inside the data centre's energy boundary, as issue 4 asks, or with the heat
/// user) is the `EnergyLedger`'s choice, not this model's.
public struct HeatRecovery: Sendable, Equatable, Codable {
    /// The user's demand.
    public var demand: HeatDemandProfile
    /// The user's required supply temperature, °C.
    public var userSupplyCelsius: Double
    /// Facility-water to user exchanger approach, K. Assumption: 3 K.
    public var exchangerApproachKelvin: Double
    /// The heat pump used when the facility water is too cold.
    public var heatPump: HeatPump

    public init(demand: HeatDemandProfile, userSupplyCelsius: Double, exchangerApproachKelvin: Double = 3, heatPump: HeatPump = HeatPump()) {
        self.demand = demand
        self.userSupplyCelsius = userSupplyCelsius
        self.exchangerApproachKelvin = exchangerApproachKelvin
        self.heatPump = heatPump
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        try demand.validate()
        try FacilityModelError.requireFinite(userSupplyCelsius, "HeatRecovery", "userSupplyCelsius")
        try FacilityModelError.requireNonNegative(exchangerApproachKelvin, "HeatRecovery", "exchangerApproachKelvin")
        try heatPump.validate()
    }

    /// The heat export at one operating point.
    public struct Point: Sendable, Equatable {
        /// Heat delivered to the user, W.
        public var deliveredWatts: Double
        /// Heat taken from the facility water, W.
        public var fromFacilityWatts: Double
        /// Heat-pump electricity, W (delivered − from facility).
        public var heatPumpWatts: Double
        /// The heat pump's COP (0 when it does not run).
        public var heatPumpCOP: Double

        public static let none = Point(deliveredWatts: 0, fromFacilityWatts: 0, heatPumpWatts: 0, heatPumpCOP: 0)
    }

    /// The export when the user asks for `demandWatts` and the facility water returns at
    /// `returnCelsius` carrying `availableWatts` of heat.
    @inline(__always)
    public func operatingPoint(demandWatts: Double, availableWatts: Double, returnCelsius: Double) -> Point {
        guard demandWatts > 0, availableWatts > 0 else { return .none }
        let source = returnCelsius - exchangerApproachKelvin
        if source >= userSupplyCelsius {
            let taken = min(demandWatts, availableWatts)
            return Point(deliveredWatts: taken, fromFacilityWatts: taken, heatPumpWatts: 0, heatPumpCOP: 0)
        }
        let cop = heatPump.heatingCOP(supplyCelsius: userSupplyCelsius, sourceCelsius: source)
        guard cop > 1 + 1e-9 else { return .none }   // no gain over resistive heating: nothing recovered
        // Delivered D = from facility + W, W = D/COP ⇒ from facility = D·(1 − 1/COP).
        let fromFacility = min(demandWatts * (1 - 1 / cop), availableWatts)
        let delivered = fromFacility / (1 - 1 / cop)
        return Point(deliveredWatts: delivered, fromFacilityWatts: fromFacility, heatPumpWatts: delivered - fromFacility, heatPumpCOP: cop)
    }

    /// The export at `hourOfYear` with the demand taken from the profile.
    public func operatingPoint(hourOfYear: Double, availableWatts: Double, returnCelsius: Double) -> Point {
        operatingPoint(demandWatts: demand.demandWatts(hourOfYear: hourOfYear), availableWatts: availableWatts, returnCelsius: returnCelsius)
    }
}
