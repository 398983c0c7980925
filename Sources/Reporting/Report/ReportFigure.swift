/// Where a figure in a report comes from (the architecture's four kinds).
public enum FigureProvenance: String, Sendable, CaseIterable {
    /// Measured on the machine that ran the inference kernel.
    case measured
    /// Fitted to a measurement (the serving model's efficiencies from the committed kernel profile).
    case calibrated
    /// Computed by the twin's models from the scenario.
    case modelled
    /// A published figure, with its source.
    case cited
}

/// How a benchmark of the source document fares in this run.
public enum BenchmarkVerdict: String, Sendable {
    case pass
    case fail
    case notModelled = "not modelled"
    case reported
}

/// One row of a report table: a labelled value with its provenance.
public struct ReportRow: Sendable {
    public var label: String
    public var value: String
    public var provenance: FigureProvenance

    public init(_ label: String, _ value: String, _ provenance: FigureProvenance = .modelled) {
        self.label = label
        self.value = value
        self.provenance = provenance
    }
}

/// One benchmark of the source document: its target, what the twin measured, the verdict and the definition used.
public struct BenchmarkRow: Sendable {
    public var name: String
    public var target: String
    public var measured: String
    public var verdict: BenchmarkVerdict
    public var definition: String
    public var provenance: FigureProvenance
}
