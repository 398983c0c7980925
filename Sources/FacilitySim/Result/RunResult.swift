import Operations

/// Everything a run produces: the summary, the sampled time series and the audit trail.
public struct RunResult: Sendable {
    public var summary: RunSummary
    public var timeSeries: TimeSeries
    /// The hash-chained trail of governed actions (empty when the scenario has no `ai_governance` block or
    /// disables the trail).
    public var auditTrail: AuditTrail
    /// The incidents the run detected, in order of detection (issue 17; empty at request fidelity, which does not
    /// detect them yet).
    public var incidents: [Incident]

    public init(summary: RunSummary, timeSeries: TimeSeries, auditTrail: AuditTrail = AuditTrail(), incidents: [Incident] = []) {
        self.summary = summary
        self.timeSeries = timeSeries
        self.auditTrail = auditTrail
        self.incidents = incidents
    }
}
