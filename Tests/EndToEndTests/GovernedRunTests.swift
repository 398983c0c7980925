import Foundation
import Operations
import XCTest
@testable import FacilitySim
import Scenario

/// Bounded autonomy in a run: the shipped heatwave scenario (which carries the document's `ai_governance` block),
/// shortened to its first 48 h, where the GPUs throttle every afternoon.
final class GovernedRunTests: XCTestCase {
    static func heatwave(_ controller: ThermalManagementBlock.Controller, hours: Double = 48) throws -> ScenarioSpec {
        var spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("heatwave-throttling.yaml"))
        spec.thermalManagement.controller = controller
        spec.horizonSeconds = hours * 3600
        return spec
    }

    /// Governance under the document's policy changes no physics: the summary with the block equals the one
    /// without, field for field, except `ai_autonomy_boundary_violations` (0 vs absent) and the host-clock
    /// `wall_seconds`. The trail has run_start, one routine/autonomous/executed line per decided clock change and
    /// run_end; each decided change is applied before the horizon except at most one pending actuation per cohort.
    func testGovernanceChangesNoPhysics() throws {
        for controller in [ThermalManagementBlock.Controller.reactive, .predictive] {
            let governed = try FacilitySimulation(spec: Self.heatwave(controller)).run()
            var plainSpec = try Self.heatwave(controller)
            plainSpec.aiGovernance = nil
            let plain = try FacilitySimulation(spec: plainSpec).run()
            XCTAssertTrue(plain.auditTrail.isEmpty)
            XCTAssertNil(plain.summary.aiAutonomyBoundaryViolations)
            XCTAssertEqual(governed.summary.aiAutonomyBoundaryViolations, 0)
            var a = governed.summary, b = plain.summary
            a.aiAutonomyBoundaryViolations = nil
            a.wallSeconds = 0
            b.wallSeconds = 0
            XCTAssertEqual(a, b, controller.rawValue)

            let actions = governed.auditTrail.records.filter { $0.riskClass != nil }   // the governed actions (fact lines have no risk class)
            XCTAssertGreaterThan(actions.count, 10)
            XCTAssertGreaterThanOrEqual(actions.count, governed.summary.clockChanges)
            XCTAssertLessThanOrEqual(actions.count, governed.summary.clockChanges + 2)
            for r in actions {
                XCTAssertEqual(r.action, "throttle_gpu_clock")
                XCTAssertEqual(r.riskClass, .routine)
                XCTAssertEqual(r.authority, .autonomous)
                XCTAssertEqual(r.outcome, .executed)
            }
            XCTAssertEqual(governed.auditTrail.records.first?.action, "run_start")
            XCTAssertEqual(governed.auditTrail.records.last?.action, "run_end")
            XCTAssertNotNil(governed.auditTrail.finalStateHash)
        }
    }

    /// Proof-based explainability: each line's observations re-derive its decision.
    /// Reactive (`ReactiveThrottle.decide`): a step down has junction_c > threshold_c; a step up has
    /// junction_c < threshold_c − hysteresis_k. Predictive (`PredictiveThrottle.decide`, highest clock whose forecast
    /// peak ≤ threshold): forecast_peak_c ≤ threshold_c (or the slowest state), and the next faster state's
    /// forecast_peak_faster_c > threshold_c. Exact comparisons: the observations are the values decided on.
    func testEveryLineCarriesItsProof() throws {
        let reactive = try FacilitySimulation(spec: Self.heatwave(.reactive)).run().auditTrail.records.filter { $0.riskClass != nil }   // the governed actions (fact lines have no risk class)
        for r in reactive {
            let o = r.observations
            if o["clock_index_to"]! > o["clock_index_from"]! {
                XCTAssertGreaterThan(o["junction_c"]!, o["threshold_c"]!)
            } else {
                XCTAssertLessThan(o["junction_c"]!, o["threshold_c"]! - o["hysteresis_k"]!)
            }
        }
        let predictive = try FacilitySimulation(spec: Self.heatwave(.predictive)).run().auditTrail.records.filter { $0.riskClass != nil }   // the governed actions (fact lines have no risk class)
        for r in predictive {
            let o = r.observations
            if o["clock_index_to"]! < 10 { XCTAssertLessThanOrEqual(o["forecast_peak_c"]!, o["threshold_c"]!) }
            if o["clock_index_to"]! > 0 { XCTAssertGreaterThan(o["forecast_peak_faster_c"]!, o["threshold_c"]!) }
        }
    }

    /// A policy that makes routine actions require approval (constant 20 min) delays every reactive clock change
    /// by 1,200 s: each awaiting_approval line is followed, for the same ticket, by an executed_after_approval line
    /// 1,200 s + the 0.1 s actuation delay later; the GPUs run hotter than under autonomy. A step down is needed
    /// by reading + 0.1 s (its deadline), so every step-down request is a boundary violation (1,200 s > 0.1 s) and
    /// no step up is: violations = step-down requests.
    func testApprovalDelaysThrottling() throws {
        var spec = try Self.heatwave(.reactive)
        let autonomous = try FacilitySimulation(spec: spec).run().summary
        spec.aiGovernance?.policy.authorities[.routine] = .requireApproval
        spec.aiGovernance?.policy.approvalDelay = .constant(1200)
        let result = try FacilitySimulation(spec: spec).run()
        let records = result.auditTrail.records
        let requests = records.filter { $0.outcome == .awaitingApproval }
        let executions = records.filter { $0.outcome == .executedAfterApproval }
        XCTAssertGreaterThan(requests.count, 0)
        XCTAssertGreaterThanOrEqual(executions.count, requests.count - 1)
        for e in executions {
            let request = try XCTUnwrap(requests.first { $0.ticket == e.ticket })
            XCTAssertEqual(e.timeSeconds - request.timeSeconds, 1200.1, accuracy: 1e-6)
            XCTAssertEqual(request.approvalDueSeconds, request.timeSeconds + 1200)
        }
        XCTAssertGreaterThan(result.summary.maxGpuTemperatureCelsius, autonomous.maxGpuTemperatureCelsius + 1)
        let stepDowns = requests.filter { $0.observations["clock_index_to"]! > $0.observations["clock_index_from"]! }
        XCTAssertGreaterThan(stepDowns.count, 0)
        XCTAssertEqual(result.summary.aiAutonomyBoundaryViolations, stepDowns.count)
        for r in stepDowns { XCTAssertEqual(r.deadlineSeconds, r.timeSeconds + 0.1) }
        XCTAssertLessThanOrEqual(result.summary.energyBalanceRelativeError, 1e-9)
    }

    /// With `emergency_override: allow` the same policy lets step downs act at once, beyond authority (each one a
    /// violation, outcome executed_beyond_authority), while step ups still wait: the peak stays within 0.1 K of the
    /// autonomous run's (the protective actions are unchanged), and every violation is one such line.
    func testEmergencyOverrideAllow() throws {
        var spec = try Self.heatwave(.reactive)
        let autonomous = try FacilitySimulation(spec: spec).run().summary
        spec.aiGovernance?.policy.authorities[.routine] = .requireApproval
        spec.aiGovernance?.policy.approvalDelay = .constant(1200)
        spec.aiGovernance?.policy.emergencyOverride = .allow
        let result = try FacilitySimulation(spec: spec).run()
        let beyond = result.auditTrail.records.filter { $0.outcome == .executedBeyondAuthority }
        XCTAssertGreaterThan(beyond.count, 0)
        XCTAssertEqual(result.summary.aiAutonomyBoundaryViolations, beyond.count)
        XCTAssertEqual(result.summary.maxGpuTemperatureCelsius, autonomous.maxGpuTemperatureCelsius, accuracy: 0.1)
    }

    /// The same scenario and seed give the same trail byte for byte; another seed changes only the first line's
    /// seed (the throttling run draws nothing at random), so the hash of every later line changes with it.
    func testTrailIsDeterministic() throws {
        let spec = try Self.heatwave(.predictive, hours: 24)
        let a = try FacilitySimulation(spec: spec).run().auditTrail
        let b = try FacilitySimulation(spec: spec).run().auditTrail
        XCTAssertEqual(a.text, b.text)
        var other = spec
        other.seed += 1
        let c = try FacilitySimulation(spec: other).run().auditTrail
        XCTAssertEqual(c.records.count, a.records.count)
        XCTAssertEqual(c.records[0].details["seed"], String(spec.seed + 1))
        XCTAssertNotEqual(c.records.last?.hash, a.records.last?.hash)
    }
}
