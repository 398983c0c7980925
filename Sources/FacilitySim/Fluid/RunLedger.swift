import FacilityModels
import Operations

/// What a fluid run records besides its physics (issue 17): the incidents it detects, and — with an audit trail —
/// the facts behind every governed action as trail lines linked by `caused_by`.
///
/// The simulation calls it at each event (`begin`), after each thermal step (`advanced`), after each plant evaluation
/// (`plantEvaluated`) and at each capacity change (`capacityChanged`); governed actions go through it to the run's
/// `Governor`. It never changes the physics: the same run with or without it gives the same figures bit for bit.
///
/// Causal links: an action's `caused_by` is the reading or forecast line it decided on; that line's `caused_by` is
/// the conditions of the hour (weather and load, a root), the capacity deficits in force and the open threshold
/// crossing of its cohort; a deficit's `capacity_changed` line cites the unit failures in force in its group (the
/// running unit that failed, and a standby unit already down — why no spare took over). Incidents cite the lines
/// that opened them. Each executed action has a later `effect` line (same ticket) one forecast horizon after it.
struct RunLedger {
    /// The run's governor (nil without an `ai_governance` block: incidents are still detected, no trail is written).
    var governor: Governor?
    let limitCelsius: Double
    let setpointCelsius: Double
    let horizonSeconds: Double
    /// Delay after an action at which its effect is measured: the controller's forecast horizon, s.
    let effectDelaySeconds: Double
    let groupNames: [String]
    let cohortNames: [String]
    /// Incidents detected so far, in order.
    var incidents: [Incident] = []

    /// Scripted failures not yet reached, in time order (index into `reliability.scripted_failures`).
    var pendingFailures: [(index: Int, failure: ReliabilitySpec.ScriptedFailure)]
    /// Failed units of each group still under repair: the line of their failure and when they are back, s.
    var downUnits: [String: [(line: Int?, untilSeconds: Double, standby: Bool)]] = [:]
    /// Capacity fraction of each group (1 = all needed units run).
    var fractions: [Double]
    /// Each group in deficit: the `capacity_changed` line that began it and its incident.
    var deficits: [Int: (line: Int?, incident: Int)] = [:]
    /// Each cohort's open threshold crossing: its incident and the peak so far, °C.
    var crossings: [Int: (incident: Int, peakCelsius: Double)] = [:]
    /// The open capacity breach (supply above its set-point) and its peak supply, °C.
    var supplyBreach: (incident: Int, peakCelsius: Double)?
    /// The current hour's conditions and the line that records them (written when first needed).
    var hour = (index: -1, dryBulbCelsius: 0.0, wetBulbCelsius: 0.0, utilisation: 0.0, supplyCelsius: 0.0)
    var conditionsLine: (hour: Int, line: Int)?
    /// Actions whose effect is not measured yet.
    var effects: [PendingEffect] = []
    /// The cohort of each action awaiting approval (nil for a plant action).
    var awaiting: [Int: Int?] = [:]
    /// Each cohort's junction at the end of its last step, °C.
    var lastJunction: [Int: Double] = [:]
    /// Each cohort's last governed action line (a crossing cites the decision in force).
    var lastAction: [Int: Int] = [:]
    /// The last failure line written for each group, and its time.
    var lastFailure: [String: (time: Double, line: Int?)] = [:]

    /// An executed action waiting for its effect to be measured.
    struct PendingEffect {
        var ticket: Int
        /// Its line (nil without a trail).
        var actionLine: Int?
        var target: String
        /// Cohort the action acts on (nil: plant-wide, every cohort counts).
        var cohort: Int?
        var actionSeconds: Double
        var dueSeconds: Double
        var maxJunctionCelsius = -Double.infinity
        var forecastPeakCelsius: Double?
    }

    init(governor: Governor?, spec: ScenarioSpec, cohortNames: [String], setpointCelsius: Double) {
        self.governor = governor
        limitCelsius = spec.thermalManagement.gpuTemperatureThresholdCelsius
        self.setpointCelsius = setpointCelsius
        horizonSeconds = spec.horizonSeconds
        effectDelaySeconds = spec.thermalManagement.forecastHorizonSeconds
        groupNames = spec.reliability.coolingGroups.map(\.name)
        self.cohortNames = cohortNames
        fractions = Array(repeating: 1, count: groupNames.count)
        pendingFailures = spec.reliability.scriptedFailures.enumerated().map { (index: $0.offset, failure: $0.element) }
            .filter { spec.reliability.coolingGroups.map(\.name).contains($0.failure.group) }
            .sorted { ($0.failure.atSeconds, $0.index) < ($1.failure.atSeconds, $1.index) }
    }

    /// Whether actions are governed (the scenario has an `ai_governance` block).
    var isGoverned: Bool { governor != nil }

    /// Appends a fact line; returns its line number (nil without a trail).
    mutating func note(_ time: Double, _ action: String, _ target: String, _ observations: [String: Double], _ reason: String,
                       outcome: AuditOutcome = .observed, causes: [Int?] = [], details: [String: String] = [:],
                       ticket: Int? = nil) -> Int? {
        guard governor != nil else { return nil }
        let lines = Array(Set(causes.compactMap { $0 })).sorted()
        return governor!.note(AuditRecord(timeSeconds: time, action: action, target: target, observations: observations,
                                          reason: reason, outcome: outcome, ticket: ticket, details: details, causes: lines))
    }

    /// Opens an incident (and its trail line); returns its index in `incidents`.
    @discardableResult
    mutating func open(_ kind: Incident.Kind, target: String, at time: Double, magnitude: Double, summary: String,
                       causes: [Int?], observations: [String: Double] = [:]) -> Int {
        let id = "I\(incidents.count + 1)"
        let severity = Incident.severity(of: kind)
        let line = note(time, TrailEntryKind.incident, target, observations, summary, outcome: .detected, causes: causes,
                        details: ["incident": id, "kind": kind.rawValue, "severity": severity.rawValue])
        incidents.append(Incident(id: id, kind: kind, severity: severity, target: target, startSeconds: time,
                                  magnitude: magnitude, summary: summary, line: line))
        return incidents.count - 1
    }

    /// Closes incident `k` at `time`, with its final magnitude.
    mutating func close(_ k: Int, at time: Double, magnitude: Double, observations: [String: Double]) {
        incidents[k].endSeconds = time
        incidents[k].magnitude = magnitude
        var o = observations
        o["duration_s"] = time - incidents[k].startSeconds
        _ = note(time, TrailEntryKind.incidentCleared, incidents[k].target, o, "\(incidents[k].id) (\(incidents[k].kind.rawValue)) ended",
                 outcome: .cleared, causes: [incidents[k].line], details: ["incident": incidents[k].id])
    }

    /// At each event, before it is handled: writes the scripted failures and measured effects due by `time`.
    mutating func begin(at time: Double, events: Int) {
        governor?.eventNumber = events
        flushFailures(through: time)
        measureEffects(dueBy: time)
    }

    /// After cohort `cohort` advanced by `dt` from `start`: `above` is the part of the step (relative, s) its junction
    /// spent above the limit, `stepMaxCelsius` its peak over the step and `endCelsius` its junction at the end.
    mutating func advanced(cohort: Int, from start: Double, dt: Double, above: ClosedRange<Double>?, stepMaxCelsius: Double,
                           endCelsius: Double) {
        lastJunction[cohort] = endCelsius
        for k in effects.indices where effects[k].cohort == nil || effects[k].cohort == cohort {
            effects[k].maxJunctionCelsius = max(effects[k].maxJunctionCelsius, stepMaxCelsius)
        }
        let name = cohortNames[cohort]
        if var open = crossings[cohort] {
            open.peakCelsius = max(open.peakCelsius, stepMaxCelsius)
            crossings[cohort] = open
            if let above, above.lowerBound == 0, above.upperBound >= dt { return }   // still above at the end of the step
            let end = start + (above.map { $0.lowerBound == 0 ? $0.upperBound : 0 } ?? 0)
            flushFailures(through: end)
            close(open.incident, at: end, magnitude: open.peakCelsius, observations: ["peak_c": open.peakCelsius, "threshold_c": limitCelsius])
            crossings[cohort] = nil
            guard let above, above.lowerBound > 0 else { return }
        }
        guard let above, above.upperBound > above.lowerBound else { return }
        let t = start + above.lowerBound
        flushFailures(through: t)
        let causes: [Int?] = activeDeficitLines() + [conditionsLine?.line, lastAction[cohort]]
        let k = open(.thresholdCrossing, target: name, at: t, magnitude: stepMaxCelsius,
                     summary: "\(name): GPU junction rose above the \(limitCelsius) °C limit",
                     causes: causes, observations: ["threshold_c": limitCelsius])
        crossings[cohort] = (k, stepMaxCelsius)
        if above.upperBound < dt {
            close(k, at: start + above.upperBound, magnitude: stepMaxCelsius, observations: ["peak_c": stepMaxCelsius, "threshold_c": limitCelsius])
            crossings[cohort] = nil
        }
    }

    /// After each plant evaluation: the conditions decisions are taken in, and the capacity breach of a supply
    /// above its set-point (a float of more than 1 mK — well below any sensor — counts).
    mutating func plantEvaluated(at time: Double, hourIndex: Int, weather: WeatherConditions, utilisation: Double,
                                 supplyCelsius: Double) {
        if hourIndex != hour.index { conditionsLine = nil }
        hour = (hourIndex, weather.dryBulbCelsius, weather.wetBulbCelsius, utilisation, supplyCelsius)
        let excess = supplyCelsius - setpointCelsius
        if excess > 1e-3 {
            if var open = supplyBreach {
                open.peakCelsius = max(open.peakCelsius, supplyCelsius)
                supplyBreach = open
            } else {
                let k = open(.capacityBreach, target: "facility_water", at: time, magnitude: supplyCelsius,
                             summary: "the cooling plant cannot hold the \(setpointCelsius) °C supply set-point: supply \(supplyCelsius) °C",
                             causes: activeDeficitLines() + [conditionsNeeded(at: time)],
                             observations: ["supply_c": supplyCelsius, "setpoint_c": setpointCelsius])
                supplyBreach = (k, supplyCelsius)
            }
        } else if let open = supplyBreach {
            close(open.incident, at: time, magnitude: open.peakCelsius, observations: ["peak_supply_c": open.peakCelsius])
            supplyBreach = nil
        }
    }

    /// The line of the current hour's conditions (weather, load, supply), written the first time it is cited.
    mutating func conditionsNeeded(at time: Double) -> Int? {
        if let c = conditionsLine, c.hour == hour.index { return c.line }
        let line = note(time, TrailEntryKind.conditions, "weather_hour_\(hour.index)",
                        ["dry_bulb_c": hour.dryBulbCelsius, "wet_bulb_c": hour.wetBulbCelsius, "utilisation": hour.utilisation,
                         "supply_c": hour.supplyCelsius, "hour_index": Double(hour.index)],
                        "weather and load of hour \(hour.index) of the weather year, supply \(hour.supplyCelsius) °C")
        if let line { conditionsLine = (hour.index, line) }
        return line
    }

    /// The `capacity_changed` lines of the deficits in force.
    func activeDeficitLines() -> [Int?] { deficits.keys.sorted().map { deficits[$0]!.line } }
}
