/// One parameter of the plant model: its name, unit, value, plausible range and source.
public struct ParameterEntry: Sendable, Equatable {
    /// The parameter.
    public let parameter: PlantParameter
    /// Unit of `value` (SI or °C), e.g. "K/W".
    public let unit: String
    /// The value in force.
    public let value: Double
    /// The range the literature (or, for an assumption, engineering practice) makes plausible, in `unit`.
    public let plausibleRange: ClosedRange<Double>
    /// Where the value comes from.
    public let source: ParameterSource

    public init(parameter: PlantParameter, unit: String, value: Double, plausibleRange: ClosedRange<Double>, source: ParameterSource) {
        self.parameter = parameter
        self.unit = unit
        self.value = value
        self.plausibleRange = plausibleRange
        self.source = source
    }

    /// The stable name used in summary.json and reports (the enum case name).
    public var name: String { parameter.name }
}
