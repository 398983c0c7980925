/// Everything a run produces: the summary and the sampled time series.
public struct RunResult: Sendable {
    public var summary: RunSummary
    public var timeSeries: TimeSeries

    public init(summary: RunSummary, timeSeries: TimeSeries) {
        self.summary = summary
        self.timeSeries = timeSeries
    }
}
