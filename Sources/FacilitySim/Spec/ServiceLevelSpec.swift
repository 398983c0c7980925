/// The scenario's `service_level:` block: the capacity the hall commits to deliver, against which its service
/// availability is counted (issue 15 item 3), and the baseline design its report compares with (item 6).
///
/// ```yaml
/// service_level:
///   committed_capacity: 95 %     # share of installed full-clock GPU capacity sold under the SLA
/// baseline: traditional-air-cooled.yaml
/// ```
public struct ServiceLevelSpec: Sendable, Equatable {
    /// Default commitment: 95 % of installed full-clock GPU capacity. Assumption (no published figure): a hall keeps
    /// about 5 % of its capacity unsold as headroom for failed GPUs awaiting replacement and for thermal throttling.
    public static let defaultCommittedCapacity = 0.95

    /// Committed capacity, share of installed full-clock GPU capacity (0…1).
    public var committedCapacity: Double
    /// True when the scenario states the commitment; false when the default applies (the report says so).
    public var stated: Bool

    public init(committedCapacity: Double = ServiceLevelSpec.defaultCommittedCapacity, stated: Bool = false) {
        self.committedCapacity = committedCapacity
        self.stated = stated
    }

    /// How the report names the commitment's origin.
    public var basis: String {
        stated ? "scenario (service_level.committed_capacity)"
               : "default, assumed (ServiceLevelSpec.defaultCommittedCapacity: 5 % headroom for failures and throttling)"
    }
}
