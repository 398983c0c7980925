import XCTest
@testable import FacilityModels

/// Redundancy schemes and the closed-form k-out-of-n availability.
///
/// Hand values for the pump (a = 5,950/5,989 = 0.99348806, 1 − a = 0.00651194):
/// - 2-of-2 (N):   A = a² = 0.98701853 (113.7 h/yr down);
/// - 2-of-3 (N+1): A = a³ + 3a²(1−a) = a²·(1 + 2(1−a)) = 0.98701853 · 1.01302388 = 0.99987334;
/// - 3-of-4:       A = a⁴ + 4a³(1−a) = a³·(1 + 3(1−a)) = 0.98059112 · 1.01953582 = 0.9997478;
/// - 1-of-2 (2N):  A = 1 − (1−a)² = 1 − 4.2405e-5 = 0.9999576.
/// These are the reference doc §5 test vectors (0.987019, 0.9998733, 0.9997478, 0.9999576).
final class ReliabilityRedundancyTests: XCTestCase {
    /// `n` → 0 spares, `n+1` → 1, `N + 2` → 2, `n+0` → `n`, `2n` → N spares (3 for N = 3); anything
    /// else is a clear error.
    func testRedundancyParsing() throws {
        XCTAssertEqual(try RedundancyScheme(parsing: "n").spares(needed: 4), 0)
        XCTAssertEqual(try RedundancyScheme(parsing: "n+1"), .nPlusOne)
        XCTAssertEqual(try RedundancyScheme(parsing: "n+1").spares(needed: 4), 1)
        XCTAssertEqual(try RedundancyScheme(parsing: "N + 2").spares(needed: 4), 2)
        XCTAssertEqual(try RedundancyScheme(parsing: "n+0"), .n)
        XCTAssertEqual(try RedundancyScheme(parsing: "2N"), .twoN)
        XCTAssertEqual(try RedundancyScheme(parsing: "2n").spares(needed: 3), 3)
        XCTAssertEqual(RedundancyScheme.nPlus(spares: 3).description, "n+3")
        for text in ["", "n+", "n-1", "3n", "n+x", "2n+1", "n+99999"] {
            XCTAssertThrowsError(try RedundancyScheme(parsing: text), text) { error in
                XCTAssertEqual(error as? ReliabilityError, .invalidRedundancy(text))
            }
        }
        let group = try RedundancyGroup(name: "chillers", component: .centrifugalChiller, neededUnits: 3,
                                        redundancy: "2n")
        XCTAssertEqual(group.spareUnits, 3)
        XCTAssertEqual(group.totalUnits, 6)
        XCTAssertEqual(group.redundancy, .twoN)
        let nPlusOne = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2, redundancy: "n+1")
        XCTAssertEqual(nPlusOne.spareUnits, 1)
        XCTAssertEqual(nPlusOne.redundancy, .nPlusOne)
    }

    /// The pump test vectors of the type comment, to 7 significant digits (tolerance 5e-7 absolute,
    /// the rounding of the published values).
    func testPumpGroupsMatchHandCalculation() throws {
        let cases: [(needed: Int, spares: Int, expected: Double)] = [
            (2, 0, 0.987019), (2, 1, 0.9998733), (3, 1, 0.9997478), (1, 1, 0.9999576),
        ]
        for (needed, spares, expected) in cases {
            let group = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: needed, spareUnits: spares)
            XCTAssertEqual(group.steadyStateAvailability, expected, accuracy: 5e-7, "\(needed)-of-\(needed + spares)")
            XCTAssertEqual(group.steadyStateAvailability + group.steadyStateUnavailability, 1, accuracy: 1e-15)
        }
        let n = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2)
        XCTAssertEqual(n.expectedDowntimeHoursPerYear, 113.7, accuracy: 0.05)
    }

    /// Other reference-doc vectors: chillers 2-of-3, a = 10,950/11,022: A = a²(1 + 2(1−a)) = 0.9998725;
    /// static UPS 2-of-3, a = 15,900/15,925: 0.9999926. Tolerance 5e-8 (the published digits).
    func testChillerAndUPSGroups() throws {
        let chillers = try RedundancyGroup(name: "chillers", component: .centrifugalChiller, neededUnits: 2,
                                           redundancy: .nPlusOne)
        XCTAssertEqual(chillers.steadyStateAvailability, 0.9998725, accuracy: 5e-8)
        let ups = try RedundancyGroup(name: "ups", component: .staticUPS, neededUnits: 2, redundancy: .nPlusOne)
        XCTAssertEqual(ups.steadyStateAvailability, 0.9999926, accuracy: 5e-8)
    }

    /// Kullstam's frequency for pumps 2-of-3: f = k·λ·C(3,2)·a²(1−a) = 2/5,950 · 3 · 0.98701853 · 0.00651194
    /// = 6.4814e-6 /h, so MTBF_sys = A/f = 154,268 h (reference doc: ≈ 154,000) and the mean outage
    /// (1 − A)/f = 19.54 h. For 1-of-2: (1−a)²/(λ·2a(1−a)) = (MTTR/MTBF)/(2λ) = MTTR/2 = 19.5 h exactly.
    /// Tolerances 1 h, 0.01 h and 1e-9 h.
    func testKullstamFrequencyAndDurations() throws {
        let pumps = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2, spareUnits: 1)
        XCTAssertEqual(pumps.outageFrequencyPerHour, 6.4814e-6, accuracy: 1e-9)
        XCTAssertEqual(pumps.meanTimeBetweenOutagesHours, 154_268, accuracy: 1)
        XCTAssertEqual(pumps.meanOutageDurationHours, 19.54, accuracy: 0.01)
        let pair = try RedundancyGroup(name: "pair", component: .pump, neededUnits: 1, spareUnits: 1)
        XCTAssertEqual(pair.meanOutageDurationHours, 19.5, accuracy: 1e-9)
    }

    /// Capacity fraction E[min(X, k)/k]: for k = n it is a (each unit carries 1/n): 0.99348806; for
    /// 2-of-3 it is a³ + 3a²(1−a) + 3a(1−a)²·½ = 0.99993653. Tolerance 1e-8.
    func testExpectedCapacityFraction() throws {
        let n = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2)
        XCTAssertEqual(n.expectedCapacityFraction, 0.99348806, accuracy: 1e-8)
        let nPlusOne = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2, spareUnits: 1)
        XCTAssertEqual(nPlusOne.expectedCapacityFraction, 0.99993653, accuracy: 1e-8)
        XCTAssertGreaterThanOrEqual(nPlusOne.expectedCapacityFraction, nPlusOne.steadyStateAvailability)
    }

    /// Large groups go through log space: 100-of-200 with a = 0.5 is, by symmetry,
    /// ½ + ½·C(200,100)/2²⁰⁰ = ½ + ½·0.0563485 = 0.5281742; 1-of-1 with a ∈ {0, 1} gives exactly a.
    /// Tolerance 1e-9.
    func testGenericKOutOfN() throws {
        XCTAssertEqual(try RedundancyGroup.kOutOfNAvailability(needed: 100, total: 200, unitAvailability: 0.5),
                       0.5281742395, accuracy: 1e-9)
        XCTAssertEqual(try RedundancyGroup.kOutOfNAvailability(needed: 1, total: 1, unitAvailability: 1), 1)
        XCTAssertEqual(try RedundancyGroup.kOutOfNAvailability(needed: 1, total: 1, unitAvailability: 0), 0)
        XCTAssertThrowsError(try RedundancyGroup.kOutOfNAvailability(needed: 3, total: 2, unitAvailability: 0.9))
        XCTAssertThrowsError(try RedundancyGroup.kOutOfNAvailability(needed: 1, total: 2, unitAvailability: 1.5))
    }

    /// Invalid groups throw instead of trapping: no needed unit, negative spares or delay, a bad component.
    func testInvalidGroupsThrow() {
        XCTAssertThrowsError(try RedundancyGroup(name: "g", component: .pump, neededUnits: 0))
        XCTAssertThrowsError(try RedundancyGroup(name: "g", component: .pump, neededUnits: 1, spareUnits: -1))
        XCTAssertThrowsError(try RedundancyGroup(name: "g", component: .pump, neededUnits: 1, switchoverDelaySeconds: -5))
        XCTAssertThrowsError(try RedundancyGroup(name: "", component: .pump, neededUnits: 1))
        XCTAssertThrowsError(try RedundancyGroup(name: "g", component: .pump, neededUnits: 1, redundancy: "3n"))
        let bad = ComponentReliability(name: "bad", mtbfHours: -1, mttrHours: 1, source: "test")
        XCTAssertThrowsError(try RedundancyGroup(name: "g", component: bad, neededUnits: 1))
    }
}
