/// The `action` names of the audit trail's fact lines (trail format 2, issue 17): what the run observed, the
/// incidents it detected and the measured effects of its actions. Governed actions use `ControlAction` raw
/// values; the first and last lines are `AuditTrail.runStart` / `AuditTrail.runEnd`.
///
/// Fact lines have no risk class, authority or ticket (except `effect`, whose ticket names its action); their
/// `caused_by` lists the earlier lines that led to them, so a reader can walk from an incident back to its roots.
public enum TrailEntryKind {
    /// A cooling unit failed (`target`: its group; `details.source`: `reliability.scripted_failures[k]` or
    /// `random`; `details.unit`: `running` or `standby`).
    public static let unitFailed = "unit_failed"
    /// A redundancy group's running units changed (a deficit began, deepened or ended), with the capacity fractions
    /// and the facility-water supply temperature after the change.
    public static let capacityChanged = "capacity_changed"
    /// The weather and load of the hour a decision was taken in (written once per hour, when first needed).
    public static let conditions = "conditions"
    /// The exact forecast a predictive controller decided on.
    public static let forecast = "forecast"
    /// The sensed temperature a reactive controller decided on.
    public static let reading = "reading"
    /// An incident began (`details.incident` its id, `details.kind`, `details.severity`).
    public static let incident = "incident"
    /// An incident ended (`details.incident`; `observations.duration_s`, and `peak_c` for a threshold crossing).
    public static let incidentCleared = "incident_cleared"
    /// The measured effect of an executed action one forecast horizon after it (`ticket` names the action).
    public static let effect = "effect"
    /// The trail format the run wrote (`run_start` `details.trail_format`); a trail without it is format 1.
    public static let format = "2"
}
