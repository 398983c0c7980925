/// What the shadow run did not use of the telemetry, and why: nothing is dropped silently.
public struct SkipCounts: Sendable, Equatable, Codable {
    /// Rows read from the source.
    public var rowsRead = 0
    /// Rows used (in time order, each instant once).
    public var rowsUsed = 0
    /// Rows skipped because their instant was already seen (a repeated sample).
    public var duplicateRows = 0
    /// Rows skipped because they arrived after a later instant (out of order, within the reorder window).
    public var outOfOrderRows = 0
    /// Gaps: steps longer than 1.5 × the median step, and the seconds they span (inputs held across them).
    public var gaps = 0
    public var gapSeconds = 0.0
    /// Missing input samples (an empty field) held at the last value, per input signal.
    public var inputsHeld: [String: Int] = [:]
    /// Missing output samples not compared, per output signal.
    public var outputsMissing: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case rowsRead = "rows_read", rowsUsed = "rows_used", duplicateRows = "duplicate_rows", outOfOrderRows = "out_of_order_rows"
        case gaps, gapSeconds = "gap_seconds", inputsHeld = "inputs_held", outputsMissing = "outputs_missing"
    }
}
