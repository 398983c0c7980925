/// Something that went wrong in a run (issue 17): detected while the run is simulated, listed in the report and
/// counted in the summary; with an audit trail it is also a trail line whose `caused_by` leads to its root causes.
public struct Incident: Sendable, Equatable, Codable {
    /// What kind of incident.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A cohort's GPU junction rose above the scenario's limit (`thermal_management.gpu_temperature_threshold`).
        case thresholdCrossing = "threshold_crossing"
        /// A cooling unit failed while no spare could take over: its group ran below the units it needs.
        case unitFailureWithoutSpare = "unit_failure_without_spare"
        /// The cooling plant could not hold its facility-water supply set-point (the supply floated above it).
        case capacityBreach = "capacity_breach"
        /// A figure the scenario's `limits` block bounds (throughput lost, availability, time above the limit,
        /// peak temperature) ended the run outside its bound: the service level the scenario asks for was missed.
        case slaBreach = "sla_breach"
        /// A governed action was needed before its authority could be obtained (`ai_autonomy_boundary_violations`).
        case autonomyBoundaryViolation = "autonomy_boundary_violation"
    }

    /// How bad it is: what ranks the incidents (the worst one is explained by default).
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Equipment at risk or the autonomy bounds crossed.
        case critical
        /// Capacity or service lost, equipment within its limits.
        case major

        var rank: Int { self == .critical ? 0 : 1 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank > b.rank }
    }

    /// `I1`, `I2` … in order of detection.
    public var id: String
    public var kind: Kind
    public var severity: Severity
    /// What it happened to: a cohort, a redundancy group, the plant, a limit.
    public var target: String
    /// When it began and ended, s (end nil while open at the end of the run, or for a run-level breach).
    public var startSeconds: Double
    public var endSeconds: Double?
    /// Its measure: the peak junction °C of a crossing, the capacity fraction left of a group, the peak supply °C of a
    /// capacity breach, the breached figure of an SLA breach.
    public var magnitude: Double
    /// One line saying what happened, with figures.
    public var summary: String
    /// Its line in the audit trail (nil without a trail).
    public var line: Int?

    public init(id: String, kind: Kind, severity: Severity, target: String, startSeconds: Double, endSeconds: Double? = nil,
                magnitude: Double, summary: String, line: Int? = nil) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.target = target
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.magnitude = magnitude
        self.summary = summary
        self.line = line
    }

    /// Duration, s, up to `horizonSeconds` for an incident still open.
    public func durationSeconds(horizonSeconds: Double) -> Double { (endSeconds ?? horizonSeconds) - startSeconds }

    /// The severity of each kind.
    public static func severity(of kind: Kind) -> Severity {
        switch kind {
        case .thresholdCrossing, .autonomyBoundaryViolation: return .critical
        case .unitFailureWithoutSpare, .capacityBreach, .slaBreach: return .major
        }
    }

    /// Whether `a` is worse than `b`: higher severity, then longer, then earlier.
    public static func isWorse(_ a: Incident, than b: Incident, horizonSeconds: Double) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        let da = a.durationSeconds(horizonSeconds: horizonSeconds), db = b.durationSeconds(horizonSeconds: horizonSeconds)
        if da != db { return da > db }
        return a.startSeconds < b.startSeconds
    }
}
