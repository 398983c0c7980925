/// Every control action the twin's operations software can take, each with its risk class.
///
/// The classification follows issue 6: throttling a GPU is routine; switching to a spare cooling unit or
/// starting the trim chiller is medium risk; shedding load, shutting down a tank or deferring maintenance
/// is high-stakes. Raw values are the names written in the audit trail.
public enum ControlAction: String, Sendable, CaseIterable, Codable {
    /// Change a cohort's GPU clock (DVFS state), down or up.
    case throttleGPUClock = "throttle_gpu_clock"
    /// Bring a standby unit of a redundancy group (pump, CDU, dry cooler, chiller, UPS module) into service.
    case switchToSpareUnit = "switch_to_spare_unit"
    /// Start the trim chiller to pull the facility-water supply back to its set-point.
    case startTrimChiller = "start_trim_chiller"
    /// Refuse or stop part of the serving load to protect the rest.
    case shedLoad = "shed_load"
    /// Power off the GPUs of an immersion tank (or rack).
    case shutDownTank = "shut_down_tank"
    /// Postpone a planned maintenance window.
    case deferMaintenance = "defer_maintenance"

    /// The risk class of this action under the twin's classification.
    public var riskClass: RiskClass {
        switch self {
        case .throttleGPUClock: return .routine
        case .switchToSpareUnit, .startTrimChiller: return .mediumRisk
        case .shedLoad, .shutDownTank, .deferMaintenance: return .highStakes
        }
    }
}
