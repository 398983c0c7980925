import FacilityModels

/// One plant parameter a run used, as summary.json lists it: name, unit, value, plausible range and where the value
/// comes from (`assumed` true where nothing is published).
public struct ParameterUse: Codable, Sendable, Equatable {
    /// The `PlantParameter` case name, e.g. `immersionJunctionToFluidKelvinPerWatt`.
    public var name: String
    public var unit: String
    public var value: Double
    /// Plausible range, in `unit`.
    public var plausibleLow: Double
    public var plausibleHigh: Double
    /// cited, derived, assumed or scenario.
    public var kind: String
    /// The citation (paper or datasheet with its table or figure), the derivation, or the reason for the assumption.
    public var source: String
    /// True for an assumption (no published figure behind it); reports show these as assumed.
    public var assumed: Bool

    public init(_ entry: ParameterEntry) {
        name = entry.name
        unit = entry.unit
        value = entry.value
        plausibleLow = entry.plausibleRange.lowerBound
        plausibleHigh = entry.plausibleRange.upperBound
        kind = entry.source.kind
        source = entry.source.text
        assumed = entry.source.isAssumed
    }
}
