import FacilityModels
import Operations

/// Unit failures, capacity changes, governed actions and their measured effects (see `RunLedger`).
extension RunLedger {
    /// Writes the scripted failures due by `time` (each at its own instant) and forgets units back from repair.
    mutating func flushFailures(through time: Double) {
        while let next = pendingFailures.first, next.failure.atSeconds <= time {
            pendingFailures.removeFirst()
            let f = next.failure
            let line = note(f.atSeconds, TrailEntryKind.unitFailed, f.group,
                            ["repair_s": f.repairSeconds, "back_at_s": f.atSeconds + f.repairSeconds],
                            "a \(f.standby ? "standby" : "running") unit of \(f.group) failed (scripted), back after \(f.repairSeconds) s",
                            details: ["source": "reliability.scripted_failures[\(next.index)]", "unit": f.standby ? "standby" : "running"])
            downUnits[f.group, default: []].append((line, f.atSeconds + f.repairSeconds, f.standby))
            lastFailure[f.group] = (f.atSeconds, line)
        }
        for (group, units) in downUnits { downUnits[group] = units.filter { $0.untilSeconds > time } }
    }

    /// The line of a failure of `group` at `time`: the scripted one written there, or a random failure written now.
    mutating func failureLine(group: String, at time: Double) -> Int? {
        if let last = lastFailure[group], last.time == time { return last.line }
        let line = note(time, TrailEntryKind.unitFailed, group, [:], "a running unit of \(group) failed (random, drawn from its MTBF)",
                        details: ["source": "random", "unit": "running"])
        lastFailure[group] = (time, line)
        return line
    }

    /// At the start of capacity segment `fractions` (one per group), after the plant was re-evaluated.
    mutating func capacityChanged(_ new: [Double], at time: Double, coolantFlow: Double, heatRejection: Double, chiller: Double,
                                  supplyCelsius: Double, switchoverStarts: Set<String>) {
        flushFailures(through: time)
        for g in groupNames.indices where new[g] != fractions[g] {
            let group = groupNames[g], old = fractions[g]
            var causes: [Int?] = deficits[g].map { [$0.line] } ?? []
            if new[g] < old {
                causes.append(failureLine(group: group, at: time))
                causes += (downUnits[group] ?? []).map(\.line)   // the units already down: why no spare took over
            }
            let line = note(time, TrailEntryKind.capacityChanged, group,
                            ["fraction_from": old, "fraction_to": new[g], "coolant_flow_fraction": coolantFlow,
                             "heat_rejection_fraction": heatRejection, "chiller_fraction": chiller, "supply_c": supplyCelsius],
                            new[g] < 1 ? "\(group) runs \(new[g]) of the units it needs" : "\(group) has all the units it needs again",
                            causes: causes)
            if old == 1, new[g] < 1 {
                if switchoverStarts.contains(group) {
                    deficits[g] = (line, -1)   // a spare is taking over: a short dip, not an incident
                } else {
                    let k = open(.unitFailureWithoutSpare, target: group, at: time, magnitude: new[g],
                                 summary: "a unit of \(group) failed with no spare to take over: \(new[g]) of the needed capacity (coolant flow \(coolantFlow))",
                                 causes: [line], observations: ["fraction": new[g], "coolant_flow_fraction": coolantFlow])
                    deficits[g] = (line, k)
                }
            } else if new[g] == 1, let d = deficits[g] {
                if d.incident >= 0 { close(d.incident, at: time, magnitude: min(incidents[d.incident].magnitude, old), observations: ["fraction": 1]) }
                deficits[g] = nil
            } else if let d = deficits[g] {
                deficits[g] = (line, d.incident)
                if d.incident >= 0 { incidents[d.incident].magnitude = min(incidents[d.incident].magnitude, new[g]) }
            }
            fractions[g] = new[g]
        }
    }

    /// Submits a clock change of cohort `cohort`: the reading or forecast it decided on is written first, then the
    /// action, citing it. Nil when the run is not governed.
    mutating func submitClockChange(_ request: ActionRequest, cohort: Int, observed kind: String) -> GovernanceDecision? {
        guard governor != nil else { return nil }
        let t = request.timeSeconds
        var causes = activeDeficitLines() + [conditionsNeeded(at: t)]
        if let open = crossings[cohort] { causes.append(incidents[open.incident].line) }
        let observation = note(t, kind, request.target, request.observations, request.rule, causes: causes)
        return submit(request, causes: [observation], cohort: cohort)
    }

    /// Submits the trim chiller's start, citing the hour's conditions.
    mutating func submitTrim(_ request: ActionRequest) -> GovernanceDecision? {
        guard governor != nil else { return nil }
        return submit(request, causes: activeDeficitLines() + [conditionsNeeded(at: request.timeSeconds)], cohort: nil)
    }

    /// Submits a switchover to a standby unit of `group`, citing the failure that calls for it.
    mutating func submitSwitchover(_ request: ActionRequest, group: String, presetApprovalDelaySeconds: Double) -> GovernanceDecision? {
        guard governor != nil else { return nil }
        flushFailures(through: request.timeSeconds)
        return submit(request, causes: [failureLine(group: group, at: request.timeSeconds)], cohort: nil,
                      presetApprovalDelaySeconds: presetApprovalDelaySeconds)
    }

    /// Submits `request` to the governor; opens a boundary-violation incident when it is one and queues the
    /// measurement of its effect when it executes now.
    mutating func submit(_ request: ActionRequest, causes: [Int?], cohort: Int?, presetApprovalDelaySeconds: Double? = nil) -> GovernanceDecision {
        let keeps = governor!.verification.auditTrail == .mandatory
        let line = keeps ? governor!.trail.records.count + 1 : nil
        let decision = governor!.submit(request, causes: Array(Set(causes.compactMap { $0 })).sorted(),
                                        presetApprovalDelaySeconds: presetApprovalDelaySeconds)
        let t = request.timeSeconds
        if let cohort, let line { lastAction[cohort] = line }
        if decision.isBoundaryViolation {
            open(.autonomyBoundaryViolation, target: request.target, at: t, magnitude: decision.delaySeconds,
                 summary: "\(request.action.rawValue) on \(request.target) was needed by t = \(request.deadlineSeconds ?? t) s, before its \(decision.authority.rawValue) authority could be obtained",
                 causes: [line])
        }
        if decision.isAwaitingApproval {
            awaiting[decision.ticket] = cohort
        } else {
            effects.append(PendingEffect(ticket: decision.ticket, actionLine: line, target: request.target, cohort: cohort,
                                         actionSeconds: t, dueSeconds: t + effectDelaySeconds,
                                         forecastPeakCelsius: request.observations["forecast_peak_c"]))
        }
        return decision
    }

    /// Records that approved action `ticket` took effect, and queues the measurement of its effect.
    mutating func executeApproved(ticket: Int, atSeconds t: Double, observations: [String: Double] = [:]) throws {
        guard governor != nil else { return }
        try governor!.executeApproved(ticket: ticket, atSeconds: t, observations: observations)
        let keeps = governor!.verification.auditTrail == .mandatory
        let target = governor!.trail.records.last?.target ?? ""
        effects.append(PendingEffect(ticket: ticket, actionLine: keeps ? governor!.trail.records.count : nil, target: target,
                                     cohort: awaiting.removeValue(forKey: ticket) ?? nil, actionSeconds: t,
                                     dueSeconds: t + effectDelaySeconds))
    }

    /// Writes the `effect` line of every action due by `time`: the junction then and its peak since the action
    /// (of its cohort, or of every cohort for a plant action), against the limit and the forecast.
    mutating func measureEffects(dueBy time: Double, force: Bool = false) {
        guard !effects.isEmpty else { return }
        var kept: [PendingEffect] = []
        for e in effects {
            guard e.dueSeconds <= time || force else { kept.append(e); continue }
            let now = e.cohort.map { lastJunction[$0] ?? .nan } ?? (lastJunction.values.max() ?? .nan)
            let peak = max(e.maxJunctionCelsius, now)
            var o = ["junction_c": now, "peak_since_action_c": peak, "threshold_c": limitCelsius, "measured_after_s": time - e.actionSeconds]
            if let f = e.forecastPeakCelsius { o["forecast_peak_c"] = f; o["forecast_error_k"] = peak - f }
            let held = peak <= limitCelsius
            let verdict = held ? "held: peak \(peak) °C ≤ limit \(limitCelsius) °C" : "exceeded: peak \(peak) °C > limit \(limitCelsius) °C"
            _ = note(time, TrailEntryKind.effect, e.target, o,
                     "effect of ticket \(e.ticket) \(time - e.actionSeconds) s after it: \(verdict)",
                     outcome: .measured, causes: [e.actionLine], details: ["effect": held ? "held" : "exceeded"], ticket: e.ticket)
        }
        effects = kept
    }
}

extension RunLedger {
    /// The worst incident (`Incident.isWorse`), nil when there is none.
    var worstIncident: Incident? {
        incidents.min { Incident.isWorse($0, than: $1, horizonSeconds: horizonSeconds) }
    }

    /// At the horizon: the last scripted failures and effects are written; a `limits` figure of service (throughput
    /// lost, availability) outside its bound is an SLA breach citing the capacity incidents behind it.
    mutating func finish(summary s: RunSummary, limits: LimitsSpec?) {
        flushFailures(through: horizonSeconds)
        measureEffects(dueBy: horizonSeconds, force: true)
        guard let limits else { return }
        let capacityLines: [Int?] = incidents.filter { $0.kind == .unitFailureWithoutSpare || $0.kind == .capacityBreach }.map(\.line)
        let causes = capacityLines.isEmpty ? [conditionsNeeded(at: horizonSeconds)] : capacityLines
        if let bound = limits.maxThroughputLostFraction, s.throughputLostFraction > bound {
            open(.slaBreach, target: "limits.max_throughput_lost_fraction", at: horizonSeconds, magnitude: s.throughputLostFraction,
                 summary: "throughput lost to throttling \(s.throughputLostFraction) > limit \(bound)", causes: causes,
                 observations: ["throughput_lost_fraction": s.throughputLostFraction, "limit": bound])
        }
        if let bound = limits.minAvailability {
            let a = s.availability ?? 0
            if a < bound {
                open(.slaBreach, target: "limits.min_availability", at: horizonSeconds, magnitude: a,
                     summary: "availability \(a) < limit \(bound)", causes: causes, observations: ["availability": a, "limit": bound])
            }
        }
    }
}
