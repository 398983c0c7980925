import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim
import Operations
import SimMath

/// Failures and repairs inside the facility run (issue 6).
final class FailureSimulationTests: XCTestCase {
    /// 64 immersion GPUs (2 tanks) at constant full load, constant 10 °C weather, no clock control.
    static func immersionSpec(hours: Double = 24, reliability: ReliabilitySpec = ReliabilitySpec(), chiller: PlantSpec.ChillerMode = .trim)
        -> ScenarioSpec {
        var spec = ScenarioSpec(name: "failures", seed: 7, horizonSeconds: hours * 3600, samplingIntervalSeconds: 3600,
                                facility: FacilitySpec(accelerator: "H100-SXM", gpus: 64, gpusPerTank: 32),
                                coolingSystem: CoolingSystemBlock(primary: .liquidImmersion, redundancy: .nPlus1),
                                thermalManagement: ThermalManagementBlock(automaticThrottling: false),
                                plant: PlantSpec(supplySetpointCelsius: 30, chiller: chiller),
                                weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                                    hottestDayOfYear: 200, relativeHumidity: 0.5),
                                load: .constant(utilisation: 1))
        spec.reliability = reliability
        return spec
    }

    static let pumps = ReliabilitySpec.CoolingGroup(name: "pumps", component: .pump, neededUnits: 2, switchoverSeconds: 30,
                                                    role: .coolantFlow)

    /// Scripted failures through a group: with the spare down from t = 0 (repair 100 h), a running pump failing at
    /// 6 h leaves 1 of 2 running until 6 + 4 = 10 h; that is the only deficit (a spare down alone is no deficit).
    func testScriptedFailuresGiveTheExpectedDeficit() throws {
        let group = try Self.pumps.redundancyGroup(default: .nPlus1)
        let replication = try RedundancyGroupReplication(group: group, seed: 1, replication: 0, horizonSeconds: 24 * 3600,
                                                         scripted: [(0, 100 * 3600, true), (6 * 3600, 4 * 3600, false)],
                                                         randomFailures: false)
        let run = try replication.run(groupName: "pumps", replication: 0)
        XCTAssertEqual(run.failures, 2)
        XCTAssertEqual(run.deficits, [CapacityDeficit(startSeconds: 6 * 3600, endSeconds: 10 * 3600, runningUnits: 1, neededUnits: 2)])
    }

    /// With a spare available, a scripted failure costs only the switchover: 1 of 2 pumps for 30 s.
    func testSpareTakesOverAfterTheSwitchover() throws {
        let group = try Self.pumps.redundancyGroup(default: .nPlus1)
        let replication = try RedundancyGroupReplication(group: group, seed: 1, replication: 0, horizonSeconds: 24 * 3600,
                                                         scripted: [(6 * 3600, 4 * 3600, false)], randomFailures: false)
        let run = try replication.run(groupName: "pumps", replication: 0)
        XCTAssertEqual(run.deficits.count, 1)
        XCTAssertEqual(run.deficits[0].durationSeconds, 30, accuracy: 1e-9)
    }

    /// Half the pumps: the loops run at half their design flow (r = 0.5), so the tank exchanger's conductance falls to
    /// G(r) = ε(r)·r·C_d with NTU(r) = NTU_d·r^(n−1) (UA ∝ r^n, n = 0.8; NTU_d = ε_d/(1 − ε_d) = 4) and ε = NTU/(1 + NTU).
    /// At full load Q = Q_design = C_d·ΔT_design, so at steady state the tank fluid (and every GPU in it) rises by
    /// Q/G(0.5) − Q/G(1) = ΔT_design·(1/(0.5·ε(0.5)) − 1/ε_d) = 10·(1/(0.5·0.82130) − 1/0.8) = 11.853 K above its
    /// normal temperature (the chiller holds the supply). The spare is
    /// out from t = 0 (a standby failure: no deficit), a running pump fails at 2 h, and 22 h at half flow is long
    /// enough to settle: the peak must be that much hotter within 0.05 K, and the energy balance must still close.
    func testHalfThePumpsHeatsTheTankByItsDesignRise() throws {
        let normal = try FacilitySimulation(spec: Self.immersionSpec()).run().summary
        let reliability = ReliabilitySpec(coolingGroups: [Self.pumps],
                                          scriptedFailures: [.init(group: "pumps", atSeconds: 0, repairSeconds: 1000 * 3600, standby: true),
                                                             .init(group: "pumps", atSeconds: 2 * 3600, repairSeconds: 1000 * 3600)],
                                          randomCoolingFailures: false)
        let failed = try FacilitySimulation(spec: Self.immersionSpec(reliability: reliability)).run().summary
        let ntu = 4 * pow(0.5, -0.2), epsilon = ntu / (1 + ntu)
        let expectedRise = 10 * (1 / (0.5 * epsilon) - 1 / 0.8)
        XCTAssertEqual(failed.maxGpuTemperatureCelsius - normal.maxGpuTemperatureCelsius, expectedRise, accuracy: 0.05)
        XCTAssertEqual(failed.coolingUnitFailures, 2)
        XCTAssertEqual(try XCTUnwrap(failed.availability), 2.0 / 24, accuracy: 1e-9, "full capacity only for the first 2 h")
        XCTAssertLessThanOrEqual(failed.energyBalanceRelativeError, 1e-9)
    }

    /// Losing dry coolers without a chiller: the supply floats to dry-bulb + approach × share / fraction once the fans
    /// are at full speed; at full load (share 1) with 1 of 4 coolers left it is 10 + 10/0.25 = 50 °C.
    func testFewerDryCoolersFloatTheSupply() throws {
        let coolers = ReliabilitySpec.CoolingGroup(name: "coolers", component: .centrifugalFan, neededUnits: 4, spareUnits: 0,
                                                   role: .heatRejection)
        let reliability = ReliabilitySpec(coolingGroups: [coolers],
                                          scriptedFailures: (0..<3).map { _ in .init(group: "coolers", atSeconds: 3600, repairSeconds: 1000 * 3600) },
                                          randomCoolingFailures: false)
        let result = try FacilitySimulation(spec: Self.immersionSpec(hours: 3, reliability: reliability, chiller: .none)).run()
        let supply = try XCTUnwrap(result.timeSeries.column("supply_c"))
        XCTAssertEqual(supply[0], 30, accuracy: 1e-9)
        // Heat to reject at full load = liquid design heat minus heat recovery (none here): design share 1.
        XCTAssertEqual(supply[2], 10 + PlantParameter.dryCoolerApproachKelvin.defaultEntry.value / 0.25, accuracy: 1e-6)
        XCTAssertLessThanOrEqual(result.summary.energyBalanceRelativeError, 1e-9)
    }

    /// GPU failures at a constant junction temperature are a Poisson process of rate n·λ(T) with
    /// λ(T) = AF(70 °C → T)/MTBF. With a short MTBF (500 h, so counts are large) and long replacement times
    /// ignored (1 min), 64 GPUs over 1,000 h at T give N·λ·t failures on average; the count over 5 seeds must lie
    /// within 4 standard deviations (√mean) of it. The work lost to failures is the failed GPU-time.
    func testGPUFailureCountMatchesArrhenius() throws {
        let gpu = try GPUReliability(referenceMTBFHours: 500, replacementHours: 1.0 / 60, replacementLaw: .fixed)
        var total = 0
        var junction = 0.0
        for seed in 1...5 {
            var spec = Self.immersionSpec(hours: 1000, reliability: ReliabilitySpec(gpu: gpu))
            spec.seed = UInt64(seed)
            let s = try FacilitySimulation(spec: spec).run().summary
            total += try XCTUnwrap(s.gpuFailures)
            junction = s.maxGpuTemperatureCelsius   // constant at steady state
            XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9)
            // Each failure removes one GPU for 60 s at full load: capacity lost ≈ failures·60/(64·T).
            XCTAssertEqual(1 - (s.capacityWeightedAvailability ?? 1), Double(s.gpuFailures!) * 60 / (64 * 1000 * 3600), accuracy: 1e-9)
        }
        let expected = 5 * 64 * 1000 * (try gpu.hazardRatePerHour(junctionCelsius: junction))
        XCTAssertEqual(Double(total), expected, accuracy: 4 * expected.squareRoot(), "expected \(expected) at \(junction) °C")
    }

    /// The hazard integral of a constant trajectory is λ·τ, and the failure time inverts it.
    func testHazardIntegralAndInverse() throws {
        let hazard = GPUHazard(.llama3)
        let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 100, moduleResistanceKelvinPerWatt: 0.05,
                                 sinkCapacitanceJoulesPerKelvin: 1e5, modulesPerSink: 1, sinkConductanceWattsPerKelvin: 100)
        let inputs = ThermalChain.Inputs(modulePowerWatts: 700, sinkPowerWatts: 0, coolantCelsius: 30)
        let steady = chain.steadyState(inputs)
        let trajectory = chain.trajectory(from: steady, inputs: inputs)
        let rate = hazard.rate(celsius: steady.moduleCelsius)
        XCTAssertEqual(hazard.integral(trajectory, until: 3600), rate * 3600, accuracy: 1e-12 * rate * 3600 + 1e-15)
        let t = try XCTUnwrap(hazard.failureTime(trajectory, gpus: 10, budget: 10 * rate * 1234, until: 3600))
        XCTAssertEqual(t, 1234, accuracy: 1e-3)
        XCTAssertNil(hazard.failureTime(trajectory, gpus: 10, budget: 10 * rate * 4000, until: 3600))
    }

    /// Same scenario and seed, with random cooling and GPU failures: identical summaries (apart from wall time).
    func testFailuresAreReproducible() throws {
        let reliability = ReliabilitySpec(coolingGroups: [Self.pumps],
                                          gpu: try GPUReliability(referenceMTBFHours: 2000))
        var a = try FacilitySimulation(spec: Self.immersionSpec(hours: 2000, reliability: reliability)).run().summary
        var b = try FacilitySimulation(spec: Self.immersionSpec(hours: 2000, reliability: reliability)).run().summary
        a.wallSeconds = 0
        b.wallSeconds = 0
        XCTAssertEqual(a, b)
        XCTAssertGreaterThan(a.gpuFailures ?? 0, 0)
    }
}

/// Switchovers to a standby unit are governed medium-risk actions (issue 6, items 4–5).
final class SwitchoverGovernanceTests: XCTestCase {
    /// A day with one scripted pump failure at 6 h and a spare ready (30 s switchover).
    func spec(medium: Authority, override: EmergencyOverride = .deny) -> ScenarioSpec {
        var spec = FailureSimulationTests.immersionSpec(
            reliability: ReliabilitySpec(coolingGroups: [FailureSimulationTests.pumps],
                                         scriptedFailures: [.init(group: "pumps", atSeconds: 6 * 3600, repairSeconds: 10 * 3600)],
                                         randomCoolingFailures: false))
        var authorities = GovernancePolicy.documentAuthorities
        authorities[.mediumRisk] = medium
        spec.aiGovernance = AIGovernanceBlock(policy: GovernancePolicy(authorities: authorities, emergencyOverride: override))
        return spec
    }

    /// Under the document's policy (medium risk: notify_human) the switchover is recorded with a notification and
    /// the deficit lasts the 30 s switchover: availability = 1 − 30/86,400.
    func testNotifiedSwitchoverCostsOnlyTheChangeover() throws {
        let result = try FacilitySimulation(spec: spec(medium: .notifyHuman)).run()
        let lines = result.auditTrail.records.filter { $0.action == ControlAction.switchToSpareUnit.rawValue }
        XCTAssertEqual(lines.map(\.outcome), [.executedHumanNotified])
        XCTAssertEqual(lines.first?.timeSeconds, 6 * 3600)
        XCTAssertEqual(try XCTUnwrap(result.summary.availability), 1 - 30.0 / 86_400, accuracy: 1e-12)
        XCTAssertEqual(result.summary.aiAutonomyBoundaryViolations, 0)
    }

    /// When medium-risk actions require approval, the changeover waits for it: the trail says awaiting_approval with
    /// the drawn due time, then executed_after_approval at that time; the deficit lasts 30 s + the approval delay,
    /// and since that is later than the changeover's deadline (30 s), the attempt counts as a boundary violation.
    /// With `emergency_override: allow` the changeover goes ahead at once (30 s deficit), still counted.
    func testApprovalDelaysTheChangeover() throws {
        let result = try FacilitySimulation(spec: spec(medium: .requireApproval)).run()
        let lines = result.auditTrail.records.filter { $0.action == ControlAction.switchToSpareUnit.rawValue }
        XCTAssertEqual(lines.map(\.outcome), [.awaitingApproval, .executedAfterApproval])
        let due = try XCTUnwrap(lines[0].approvalDueSeconds)
        XCTAssertEqual(lines[1].timeSeconds, due, accuracy: 1e-9)
        let delay = due - 6 * 3600
        XCTAssertGreaterThan(delay, 30)
        XCTAssertEqual(try XCTUnwrap(result.summary.availability), 1 - (30 + delay) / 86_400, accuracy: 1e-9)
        XCTAssertEqual(result.summary.aiAutonomyBoundaryViolations, 1)

        let allowed = try FacilitySimulation(spec: spec(medium: .requireApproval, override: .allow)).run()
        let allowedLines = allowed.auditTrail.records.filter { $0.action == ControlAction.switchToSpareUnit.rawValue }
        XCTAssertEqual(allowedLines.map(\.outcome), [.executedBeyondAuthority])
        XCTAssertEqual(try XCTUnwrap(allowed.summary.availability), 1 - 30.0 / 86_400, accuracy: 1e-12)
        XCTAssertEqual(allowed.summary.aiAutonomyBoundaryViolations, 1)
    }
}

/// Starting the trim chiller is a governed medium-risk action.
final class TrimChillerGovernanceTests: XCTestCase {
    /// A day of 64 immersion GPUs in constant 24 °C weather, at 20 % load for 6 h and full load after: at 20 % the dry
    /// coolers hold the 30 °C set-point (24 + 10 K × a design share ≈ 0.3 < 30), at full load they cannot
    /// (24 + 10 > 30), so the trim chiller must start at 6 h.
    func spec(medium: Authority) -> ScenarioSpec {
        var spec = FailureSimulationTests.immersionSpec()
        spec.weather = .synthetic(meanCelsius: 24, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0, hottestDayOfYear: 200,
                                  relativeHumidity: 0.5)
        spec.load = .hourly(values: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2] + Array(repeating: 1.0, count: 18), source: "test")
        var authorities = GovernancePolicy.documentAuthorities
        authorities[.mediumRisk] = medium
        spec.aiGovernance = AIGovernanceBlock(policy: GovernancePolicy(authorities: authorities))
        return spec
    }

    /// Under the document's policy the start is recorded (notify) and the supply holds 30 °C; when it needs an
    /// approval the supply floats above the set-point until the approval's recorded due time, after which the
    /// trail says executed_after_approval; without a deadline, waiting is no boundary violation.
    func testTrimStartIsGoverned() throws {
        let notified = try FacilitySimulation(spec: spec(medium: .notifyHuman)).run()
        let starts = notified.auditTrail.records.filter { $0.action == ControlAction.startTrimChiller.rawValue }
        XCTAssertEqual(starts.map(\.outcome), [.executedHumanNotified])
        XCTAssertEqual(starts.first?.timeSeconds, 6 * 3600)
        XCTAssertEqual(notified.summary.maxCoolantSupplyCelsius, 30, accuracy: 1e-9)

        let approved = try FacilitySimulation(spec: spec(medium: .requireApproval)).run()
        let lines = approved.auditTrail.records.filter { $0.action == ControlAction.startTrimChiller.rawValue }
        XCTAssertEqual(lines.map(\.outcome), [.awaitingApproval, .executedAfterApproval])
        XCTAssertEqual(lines[1].timeSeconds, try XCTUnwrap(lines[0].approvalDueSeconds), accuracy: 1e-9)
        XCTAssertGreaterThan(approved.summary.maxCoolantSupplyCelsius, 30.5)
        XCTAssertEqual(approved.summary.aiAutonomyBoundaryViolations, 0)
        XCTAssertLessThanOrEqual(approved.summary.energyBalanceRelativeError, 1e-9)
    }
}
