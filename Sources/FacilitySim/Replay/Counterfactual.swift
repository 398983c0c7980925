import Foundation
import Operations

/// `explain … --counterfactual "without EVENT"`: re-runs a trail's scenario from the trail's seed and replication with
/// one event removed, and compares the figures with the factual run.
///
/// The factual re-run is first compared with the trail line for line (as `AuditReplay.verify` does), so the scenario is the one the trail
/// records. Removable events are the scripted cooling-unit failures (`unit_failed` lines whose `details.source` is
/// `reliability.scripted_failures[k]`): the counterfactual is the scenario with entry k deleted, which is why it
/// equals, bit for bit, a run of the file with that entry deleted. Random failures, weather and load are not
/// removable yet (they are drawn or read, not listed).
public enum Counterfactual {
    /// The figures compared.
    public struct Figures: Sendable, Equatable, Codable {
        public var maxGpuTemperatureCelsius: Double
        public var secondsAboveGpuLimit: Double
        public var tokensGenerated: Double?
        public var horizonCostUsd: Double?
        public var costPerMillionTokensUsd: Double?
        public var availability: Double?
        public var capacityWeightedAvailability: Double?
        public var incidents: Int?

        public init(_ s: RunSummary) {
            maxGpuTemperatureCelsius = s.maxGpuTemperatureCelsius
            secondsAboveGpuLimit = s.secondsAboveGpuLimit
            tokensGenerated = s.tokensGenerated
            horizonCostUsd = s.economics?.horizonCostUsd
            costPerMillionTokensUsd = s.economics?.costPerMillionTokensUsd
            availability = s.availability
            capacityWeightedAvailability = s.capacityWeightedAvailability
            incidents = s.incidents
        }
    }

    /// A counterfactual and the factual run it departs from.
    public struct Comparison: Sendable {
        /// The removed event's line and what it was.
        public var removedLine: Int
        public var removedEvent: String
        /// The scenario run without it.
        public var spec: ScenarioSpec
        public var factual: RunResult
        public var counterfactual: RunResult
    }

    /// The line number of `"without 2906"` / `"without line 2906"`.
    /// - Throws: `AuditReplay.Failure.notReplayable` for any other form.
    public static func line(of phrase: String) throws -> Int {
        var words = phrase.split(separator: " ").map(String.init)
        if words.first == "without" { words.removeFirst() }
        if words.first == "line" { words.removeFirst() }
        guard words.count == 1, let n = Int(words[0].hasPrefix("#") ? String(words[0].dropFirst()) : words[0]), n >= 1 else {
            throw AuditReplay.Failure.notReplayable("--counterfactual expects \"without LINE\" (the trail line of the event to remove), got \"\(phrase)\"")
        }
        return n
    }

    /// Runs the counterfactual of `trail` (read from `trailText`) without the event on line `line`.
    /// - Throws: `AuditMismatch` for a broken chain, `AuditReplay.Failure` when the trail does not match the scenario
    ///   or the line is not a removable event, or any simulation error.
    public static func run(trailText: String, spec: ScenarioSpec, without line: Int) throws -> Comparison {
        let index = try AuditTrailIndex(text: trailText)
        guard let event = index[line: line] else {
            throw AuditReplay.Failure.notReplayable("line \(line): the trail has \(index.entries.count) lines")
        }
        guard event.action == TrailEntryKind.unitFailed, let source = event.details["source"],
              let k = scriptedIndex(source), k < spec.reliability.scriptedFailures.count else {
            throw AuditReplay.Failure.notReplayable(
                "line \(line) (\(event.action) \(event.target)) is not a removable event: only scripted unit failures (unit_failed lines from reliability.scripted_failures) can be removed")
        }
        var factualSpec = spec
        let details = AuditReplay.firstLineDetails(AuditVerifier.lines(of: trailText)[0])
        if let s = details["seed"].flatMap(UInt64.init) { factualSpec.seed = s }
        if let r = details["replication"].flatMap(Int.init) { factualSpec.replication = r }
        // The factual re-run must reproduce the trail line for line (what `AuditReplay.verify` checks).
        let factual = try FacilitySimulation(spec: factualSpec).run()
        if let mismatch = AuditVerifier.compare(recorded: AuditVerifier.lines(of: trailText), replayed: factual.auditTrail.lines) {
            throw AuditReplay.Failure.mismatch(mismatch)
        }
        var without = factualSpec
        without.reliability.scriptedFailures.remove(at: k)
        let counterfactual = try FacilitySimulation(spec: without).run()
        return Comparison(removedLine: line, removedEvent: "\(event.action) \(event.target) at t = \(event.timeSeconds) s (\(source))",
                          spec: without, factual: factual, counterfactual: counterfactual)
    }

    /// k of `reliability.scripted_failures[k]`.
    static func scriptedIndex(_ source: String) -> Int? {
        let prefix = "reliability.scripted_failures["
        guard source.hasPrefix(prefix), source.hasSuffix("]") else { return nil }
        return Int(source.dropFirst(prefix.count).dropLast())
    }
}
