import FacilityModels
import Foundation
import Operations

/// Bounded autonomy and the audit trail in the fluid run (issue 6, items 4–5).
///
/// With an `ai_governance` block, every clock change is submitted to the run's `Governor` as a
/// `throttle_gpu_clock` action (routine) before it is scheduled: the governor records it with the observations
/// that drove it and says when it may take effect (at once for autonomous and notify authorities; after a
/// drawn approval delay when the policy makes routine actions require approval). Without the block nothing
/// is governed, no trail is kept and the run is unchanged bit for bit.
///
/// Deadlines (what makes an approval too late, `Governor`): a step *down* protects the hardware and carries the
/// latest instant it is of use — for reactive control the instant it would take effect unaided (reading +
/// actuation delay: the junction is already above the threshold); for predictive control the exact instant the
/// junction would cross the threshold at the current clock (`firstTime(moduleAbove:)` on the trajectory), or the
/// end of the forecast window. A step *up* only restores throughput and can wait (no deadline).
extension FacilitySimulation {
    /// The run's governor, or nil when the scenario has no `ai_governance` block.
    /// - Throws: `GovernanceError.invalidPolicy` for an invalid approval-delay distribution.
    func makeGovernor() throws -> Governor? {
        guard let block = spec.aiGovernance else { return nil }
        return try Governor(policy: block.policy, verification: block.verification, scenario: spec.name, seed: spec.seed,
                            replication: spec.replication, horizonSeconds: spec.horizonSeconds, overrides: spec.overrides)
    }

    /// The run's ledger: its governor (nil without `ai_governance`) and incident detection (issue 17).
    func makeLedger() throws -> RunLedger {
        RunLedger(governor: try makeGovernor(), spec: spec, cohortNames: cohorts.map(\.name), setpointCelsius: plant.setpointCelsius)
    }

    /// Hands capacity segment `k` to the ledger (with the groups whose switchover to a spare starts then).
    func capacityChanged(_ ledger: inout RunLedger, segment k: Int, capacity: CoolingCapacity, supplyCelsius: Double) {
        guard let timeline = coolingUnits.timeline else { return }
        let start = timeline.segments[k].startSeconds
        let names = spec.reliability.coolingGroups.map(\.name)
        let switching = Set(coolingUnits.switchovers.filter { $0.record.startSeconds == start }.map { names[$0.group] })
        ledger.capacityChanged(timeline.segments[k].capacityFractions, at: start, coolantFlow: capacity.coolantFlow,
                               heatRejection: capacity.heatRejection, chiller: capacity.chiller, supplyCelsius: supplyCelsius,
                               switchoverStarts: switching)
    }

    /// Observations common to every clock change of `cohort` towards DVFS state `index`.
    static func clockObservations(_ cohort: Cohort, to index: Int, threshold: Double, clockStates: [Double]) -> [String: Double] {
        ["junction_c": cohort.state.moduleCelsius, "sink_c": cohort.state.sinkCelsius, "coolant_c": cohort.inputs.coolantCelsius,
         "threshold_c": threshold, "clock_index_from": Double(cohort.clockIndex), "clock_index_to": Double(index),
         "clock_ratio_from": cohort.clockRatio, "clock_ratio_to": clockStates[index]]
    }

    /// The governed request of a reactive reading that changes `cohort`'s clock to `index`; the rule restates
    /// `ReactiveThrottle.decide` on the sensed temperature.
    static func reactiveRequest(_ cohort: Cohort, to index: Int, at time: Double, reactive: ReactiveThrottle,
                                clockStates: [Double]) -> ActionRequest {
        var o = clockObservations(cohort, to: index, threshold: reactive.thresholdCelsius, clockStates: clockStates)
        o["hysteresis_k"] = reactive.hysteresisKelvin
        o["actuation_delay_s"] = reactive.actuationDelaySeconds
        o["sensor_period_s"] = reactive.sensorPeriodSeconds
        let t = cohort.state.moduleCelsius
        let deadline: Double? = index > cohort.clockIndex ? time + reactive.actuationDelaySeconds : nil
        let rule = index > cohort.clockIndex
            ? "reactive: junction \(t) °C > threshold \(reactive.thresholdCelsius) °C, step down to clock \(clockStates[index])"
            : "reactive: junction \(t) °C < threshold − hysteresis \(reactive.thresholdCelsius - reactive.hysteresisKelvin) °C, step up to clock \(clockStates[index])"
        return ActionRequest(action: .throttleGPUClock, target: cohort.name, timeSeconds: time, observations: o, rule: rule,
                             deadlineSeconds: deadline)
    }

    /// The governed request of a predictive decision that changes `cohort`'s clock to `index`. Its proof is the
    /// exact forecast peak at the chosen state (≤ threshold, unless it is the slowest state) and at the next
    /// faster state (> threshold), which is why `PredictiveThrottle.decide` chose it.
    static func predictiveRequest(_ cohort: Cohort, to index: Int, at time: Double, threshold: Double, windowSeconds: Double,
                                  forecast: (Int) -> Double, clockStates: [Double]) -> ActionRequest {
        var o = clockObservations(cohort, to: index, threshold: threshold, clockStates: clockStates)
        o["forecast_window_s"] = windowSeconds
        let chosen = forecast(index)
        o["forecast_peak_c"] = chosen
        var rule = "predictive: forecast peak over \(windowSeconds) s at clock \(clockStates[index]) is \(chosen) °C"
        rule += chosen <= threshold ? " ≤ threshold \(threshold) °C" : " > threshold \(threshold) °C (slowest state)"
        if index > 0 {
            let faster = forecast(index - 1)
            o["forecast_peak_faster_c"] = faster
            rule += "; at clock \(clockStates[index - 1]) it is \(faster) °C > \(threshold) °C"
        } else {
            rule += "; full clock"
        }
        var deadline: Double?
        if index > cohort.clockIndex {   // a step down: needed before the current clock's trajectory crosses the threshold
            let current = cohort.chain.trajectory(from: cohort.state, inputs: cohort.inputs)
            let crossing = current.firstTime(moduleAbove: threshold, from: 0, until: windowSeconds) ?? windowSeconds
            o["crossing_in_s"] = crossing
            deadline = time + crossing
        }
        return ActionRequest(action: .throttleGPUClock, target: cohort.name, timeSeconds: time, observations: o, rule: rule,
                             deadlineSeconds: deadline)
    }

    /// The run's final state as canonical JSON: every cohort's thermal and clock state and accumulators, and the
    /// SHA-256 of `summary.json` without its one host-clock field (`wall_seconds` set to 0).
    func finalState(_ summary: RunSummary) -> CanonicalJSON {
        var s = summary
        s.wallSeconds = 0
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let summaryHash = (try? encoder.encode(s)).map { SHA256.hexString(SHA256.hash($0)) } ?? "unencodable"
        let cohortStates: [CanonicalJSON] = cohorts.map { c in
            .object(["name": .string(c.name), "module_c": .number(c.state.moduleCelsius), "sink_c": .number(c.state.sinkCelsius),
                     "clock_index": .integer(Int64(c.clockIndex)), "clock_changes": .integer(Int64(c.clockChanges)),
                     "heat_to_coolant_j": .number(c.heatToCoolantJoules), "heat_to_air_j": .number(c.heatToAirJoules),
                     "work_delivered": .number(c.workDelivered), "max_module_c": .number(c.maxModuleCelsius)])
        }
        return .object(["cohorts": .array(cohortStates), "summary_sha256": .string(summaryHash)])
    }

    /// Closes the ledger at the horizon: SLA breaches of the `limits` block, the incidents into `result` and the summary,
    /// then the governor's trail with the final state and the violation count.
    func finishLedger(_ ledger: inout RunLedger, result: inout RunResult) {
        ledger.finish(summary: result.summary, limits: spec.limits)
        result.incidents = ledger.incidents
        result.summary.incidents = ledger.incidents.count
        guard var g = ledger.governor else { return }
        result.summary.aiAutonomyBoundaryViolations = g.boundaryViolations
        let s = result.summary
        let worst = ledger.worstIncident
        result.auditTrail = g.finish(atSeconds: spec.horizonSeconds, finalState: finalState(s), observations: [
            "pue": s.pue, "max_gpu_c": s.maxGpuTemperatureCelsius, "seconds_above_limit_s": s.secondsAboveGpuLimit,
            "clock_changes": Double(s.clockChanges), "throttled_fraction": s.throttledFraction, "events": Double(s.events),
        ], details: ["incidents": String(ledger.incidents.count), "worst_incident": worst?.id ?? ""])
        ledger.governor = g
    }

    /// The governed request of a switchover to a standby unit (medium risk): needed by the end of the group's
    /// configured switchover delay, when the changeover would complete unaided.
    func switchoverRequest(_ s: (group: Int, record: SwitchoverRecord), at time: Double, capacity: CoolingCapacity) -> ActionRequest {
        let group = spec.reliability.coolingGroups[s.group]
        let name = group.name, delay = group.switchoverSeconds
        let o = ["coolant_flow_fraction": capacity.coolantFlow, "heat_rejection_fraction": capacity.heatRejection,
                 "chiller_fraction": capacity.chiller, "switchover_delay_s": delay]
        return ActionRequest(action: .switchToSpareUnit, target: name, timeSeconds: time, observations: o,
                             rule: "a running unit of \(name) failed: a standby unit takes over its load", deadlineSeconds: time + delay)
    }

    /// The governed request to start the trim chiller (medium risk): the dry coolers alone cannot hold the supply
    /// set-point. No deadline: while it waits the supply floats and the clock controllers protect the chips.
    func trimRequest(at time: Double, supplyCelsius: Double, weather: WeatherConditions, trimHeatWatts: Double) -> ActionRequest {
        let o = ["dry_bulb_c": weather.dryBulbCelsius, "wet_bulb_c": weather.wetBulbCelsius, "supply_with_trim_c": supplyCelsius,
                 "setpoint_c": plant.setpointCelsius, "trim_heat_w": trimHeatWatts]
        return ActionRequest(action: .startTrimChiller, target: "trim_chiller", timeSeconds: time, observations: o,
                             rule: "dry coolers at full fan speed cannot hold the \(plant.setpointCelsius) °C set-point: trim \(trimHeatWatts) W")
    }
}
