/// The quasi-steady electrical powers, heat flows and temperatures of the whole facility at one
/// operating point — what `CoolingPlant.operatingPoint` returns (a value of plain numbers: no allocation).
///
/// Energy balance (exact by construction, checked by `energyBalanceResidualWatts`): every watt of
/// electricity, IT included, leaves as heat rejected to the outdoors or as heat recovered:
/// facility electricity (+ heat-pump electricity) = heat rejected + heat delivered to the heat user.
public struct PlantOperatingPoint: Sendable, Equatable {
    // MARK: IT and heat paths
    /// Power at the IT inputs (servers incl. their PSUs), W.
    public var itWatts = 0.0
    /// IT heat captured by liquid (tank fluid or cold plates), W.
    public var liquidHeatWatts = 0.0
    /// IT heat to room air, W.
    public var airHeatWatts = 0.0

    // MARK: cooling electricity
    /// Technology-loop pumps (CDU or immersion-tank pumps), W.
    public var technologyPumpWatts = 0.0
    /// Facility-water pumps, W.
    public var facilityPumpWatts = 0.0
    /// Chilled-water pumps of the air side, W.
    public var chilledWaterPumpWatts = 0.0
    /// Dry-cooler or tower fans of the warm-water loop and of chiller condensers, W.
    public var heatRejectionFanWatts = 0.0
    /// Dry-cooler or tower fans of the air side's economiser, W.
    public var airSideRejectionFanWatts = 0.0
    /// CRAH (air-handler) fans, W.
    public var airHandlerFanWatts = 0.0
    /// Trim chiller on the warm-water loop, W.
    public var trimChillerWatts = 0.0
    /// Chiller of the air side, W.
    public var airSideChillerWatts = 0.0

    // MARK: power chain and other
    /// Transformer loss, W.
    public var transformerLossWatts = 0.0
    /// UPS loss, W.
    public var upsLossWatts = 0.0
    /// PDU loss, W.
    public var pduLossWatts = 0.0
    /// Lighting, security, offices (constant), W.
    public var otherWatts = 0.0

    // MARK: heat recovery
    /// Heat-pump electricity of heat recovery, W (where it is booked is the ledger's choice).
    public var heatPumpWatts = 0.0
    /// Heat delivered to the heat user, W.
    public var heatDeliveredWatts = 0.0
    /// Heat taken from the facility water for the heat user, W.
    public var heatRecoveredFromFacilityWatts = 0.0

    // MARK: heat rejection and water
    /// Heat rejected to the outdoors (coolers, towers, condensers, transformer yard, building), W.
    public var heatRejectedWatts = 0.0
    /// Heat rejected through evaporative towers, W.
    public var towerHeatWatts = 0.0
    /// Tower make-up water, L/s.
    public var waterLitersPerSecond = 0.0

    // MARK: state of the plant
    /// Facility water supply (to CDUs or tanks), °C — the set-point unless heat rejection falls short
    /// with no chiller, when it floats.
    public var facilitySupplyCelsius = 0.0
    /// Facility water return, °C.
    public var facilityReturnCelsius = 0.0
    /// Technology loop supply (CDU secondary supply, or tank fluid leaving for its exchanger), °C.
    public var technologySupplyCelsius = 0.0
    /// Technology loop return (CDU secondary return, or tank fluid back from its exchanger), °C.
    public var technologyReturnCelsius = 0.0
    /// Fan speed ratio of the warm-water heat rejection.
    public var heatRejectionFanSpeedRatio = 0.0
    /// Heat the trim chiller removes from the warm-water loop, W.
    public var trimHeatWatts = 0.0
    /// Economiser mode of the air side at this point.
    public var airSideMode = Economiser.Mode.mechanical
    /// The air side's chiller share of its load (0…1).
    public var airSideMechanicalShare = 0.0
    /// Temperature the air side's economiser alone could deliver, °C (input for the mode state machine).
    public var freeCoolingCelsius = 0.0

    public init() {}

    // MARK: totals

    /// Cooling electricity: all pumps, fans and chillers, W.
    public var coolingWatts: Double {
        technologyPumpWatts + facilityPumpWatts + chilledWaterPumpWatts + heatRejectionFanWatts + airSideRejectionFanWatts
            + airHandlerFanWatts + trimChillerWatts + airSideChillerWatts
    }

    /// Power-chain losses, W.
    public var powerChainLossWatts: Double { transformerLossWatts + upsLossWatts + pduLossWatts }

    /// Facility electricity inside the data-centre boundary, heat pump excluded, W.
    public var facilityWatts: Double { itWatts + coolingWatts + powerChainLossWatts + otherWatts }

    /// Instantaneous PUE (heat pump excluded), ≥ 1.
    public var pue: Double { itWatts > 0 ? facilityWatts / itWatts : .nan }

    /// (facility + heat-pump electricity) − (heat rejected + heat delivered), W; 0 up to round-off.
    public var energyBalanceResidualWatts: Double {
        facilityWatts + heatPumpWatts - heatRejectedWatts - heatDeliveredWatts
    }
}
