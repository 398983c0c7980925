/// Where a figure of the serving model comes from, as the architecture requires every reported figure to say.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    /// Measured on the machine that ran the kernel (e.g. a `factory-twin calibrate` profile).
    case measured
    /// Fitted to a measurement (e.g. a roofline efficiency derived from a kernel profile).
    case calibrated
    /// Projected by a model (e.g. a roofline iteration time on an accelerator never run).
    case modelled
    /// A published figure with its source (datasheet, model card, paper, benchmark result).
    case cited
}

/// A number together with its provenance and source, so that reports can say where it came from.
public struct SourcedFigure: Sendable, Equatable, Codable {
    /// The value, in the unit its owner's name states.
    public var value: Double
    /// How the value was obtained.
    public var provenance: Provenance
    /// The source: a citation, a file path, or the word "Assumption:" followed by the reasoning.
    public var source: String

    /// Creates a figure.
    public init(_ value: Double, _ provenance: Provenance, source: String) {
        self.value = value
        self.provenance = provenance
        self.source = source
    }
}
