import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim
import SimMath

/// Predictive maintenance against run-to-failure (issue 6, item 2).
final class MaintenancePolicyTests: XCTestCase {
    /// Weibull hazard by hand: shape 2, MTBF 1000 h → scale λ = 1000/Γ(1.5) = 1128.38 h; h(t) = 2t/λ², so at
    /// t = 1000 h, h·MTBF = 2·1000²/1128.38² = 1.5708 (= π/2): due at ratio 1.5, not at 1.6. Exponential: h·MTBF = 1.
    func testHazardByHand() throws {
        let unit = ComponentReliability(name: "u", mtbfHours: 1000, mttrHours: 10, failureLaw: .weibull(shape: 2), source: "test")
        let h = MaintenancePolicy.hazardPerSecond(unit, ageSeconds: 1000 * 3600) * 1000 * 3600
        XCTAssertEqual(h, Double.pi / 2, accuracy: 1e-9)
        XCTAssertTrue(try MaintenancePolicy(hazardRatio: 1.5).isDue(unit, ageSeconds: 1000 * 3600))
        XCTAssertFalse(try MaintenancePolicy(hazardRatio: 1.6).isDue(unit, ageSeconds: 1000 * 3600))
        XCTAssertEqual(MaintenancePolicy.hazardPerSecond(.pump, ageSeconds: 1e7) * 5950 * 3600, 1, accuracy: 1e-12)
    }

    func availability(_ component: ComponentReliability, policy: MaintenancePolicy?, replications: Int = 40)
        throws -> (availability: Double, failures: Int, replacements: Int) {
        let group = try RedundancyGroup(name: "pumps", component: component, neededUnits: 2, spareUnits: 1)
        var sum = 0.0, failures = 0, replacements = 0
        for r in 0..<replications {
            let run = try RedundancyGroupReplication(group: group, seed: 11, replication: r, horizonSeconds: 5 * 8760 * 3600,
                                                     maintenance: policy).run(groupName: "pumps", replication: r)
            sum += run.availability
            failures += run.failures
            replacements += run.preventiveReplacements
        }
        return (sum / Double(replications), failures, replacements)
    }

    /// Wear-out units (Weibull shape 3, MTBF 2,000 h, MTTR 200 h, 2-of-3): replacing units whose hazard reaches
    /// 1.5× the mean rate at weekly windows cuts failures by more than 40 % (measured: 1,206 vs 2,340 over 40 five-year
    /// replications) and raises availability, over the
    /// same random numbers (common random numbers: same seed and replications). Under the exponential law the
    /// same policy never acts (memoryless) and the runs are identical to run-to-failure.
    func testPredictiveBeatsRunToFailureOnlyForWearOut() throws {
        let wearing = ComponentReliability(name: "pump", mtbfHours: 2000, mttrHours: 200, failureLaw: .weibull(shape: 3),
                                           source: "test")
        let policy = try MaintenancePolicy()
        let rtf = try availability(wearing, policy: nil), pm = try availability(wearing, policy: policy)
        XCTAssertGreaterThan(pm.replacements, 0)
        XCTAssertLessThan(Double(pm.failures), 0.6 * Double(rtf.failures), "failures \(pm.failures) vs \(rtf.failures)")
        XCTAssertGreaterThan(pm.availability, rtf.availability)

        let memoryless = ComponentReliability(name: "pump", mtbfHours: 2000, mttrHours: 200, source: "test")
        let a = try availability(memoryless, policy: nil, replications: 5), b = try availability(memoryless, policy: policy, replications: 5)
        XCTAssertEqual(b.replacements, 0)
        XCTAssertEqual(a.availability, b.availability)
        XCTAssertEqual(a.failures, b.failures)
    }
}
