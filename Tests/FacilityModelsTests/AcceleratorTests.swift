import XCTest
@testable import FacilityModels

final class AcceleratorTests: XCTestCase {
    /// Every catalogue entry passes its own validation (idle < TDP, limits ordered, clock states descending).
    func testCatalogueIsValid() throws {
        XCTAssertEqual(AcceleratorCatalogue.names, ["A100-SXM", "H100-SXM", "H200", "B200", "MI300X"])
        for spec in AcceleratorCatalogue.all { try spec.validate() }
    }

    /// P(0, f) = P_idle for every clock; P(1, 1) = TDP; P rises strictly with clock at full load. H100:
    /// at half clock V/V_max = 0.8 (the floor), so P = 75 + 625·0.5·0.64 = 275 W; at f = 0.75,
    /// V = 0.8 + 0.2·(0.25/0.5) = 0.9 and P = 75 + 625·0.75·0.81 = 454.6875 W; at u = 0.5 and full clock
    /// P = 75 + 0.5·625 = 387.5 W.
    func testPowerAtIdleTDPAndMonotoneInClock() throws {
        for spec in AcceleratorCatalogue.all {
            XCTAssertEqual(spec.powerWatts(utilisation: 1), spec.tdpWatts, accuracy: 1e-9, spec.name)
            for f in spec.clockStates { XCTAssertEqual(spec.powerWatts(utilisation: 0, clock: f), spec.idleWatts, accuracy: 1e-12) }
            var previous = -Double.infinity
            for f in spec.clockStates.reversed() {
                let p = spec.powerWatts(utilisation: 1, clock: f)
                XCTAssertGreaterThan(p, previous, "\(spec.name) at f = \(f)")
                previous = p
            }
        }
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        XCTAssertEqual(h100.powerWatts(utilisation: 1, clock: 0.5), 275, accuracy: 1e-12)
        XCTAssertEqual(h100.powerWatts(utilisation: 1, clock: 0.75), 75 + 625 * 0.75 * 0.81, accuracy: 1e-12)
        XCTAssertEqual(h100.powerWatts(utilisation: 0.5), 387.5, accuracy: 1e-12)
    }

    /// Throughput factors: compute-bound ∝ f (0.5 at half clock); memory-bound with compute share 0.15 is
    /// 1/(0.85 + 0.15/0.5) = 1/1.15 = 0.869565 at half clock — it slows far less. FP8 falls back to BF16
    /// on A100 (no FP8 path); H100's ridge point is 989.4e12/3.35e12 = 295.3 FLOP/B.
    func testThroughputFactors() throws {
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        XCTAssertEqual(h100.computeThroughputRatio(clock: 0.5), 0.5)
        XCTAssertEqual(h100.memoryBoundThroughputRatio(clock: 0.5), 1 / 1.15, accuracy: 1e-12)
        XCTAssertEqual(h100.memoryBoundThroughputRatio(clock: 1), 1, accuracy: 1e-12)
        XCTAssertEqual(h100.ridgeFlopsPerByte(), 989.4e12 / 3.35e12, accuracy: 1e-9)
        let a100 = try AcceleratorCatalogue.spec(named: "A100-SXM")
        XCTAssertEqual(a100.peakFlopsPerSecond(fp8: true), 312e12)
    }

    /// A 450 W cap at full load: the H100 states draw P(0.8) = 75 + 625·0.8·(0.8 + 0.2·0.6)² =
    /// 75 + 500·0.8464 = 498.2 W (too high) and P(0.75) = 454.69 W (too high), P(0.7) =
    /// 75 + 625·0.7·0.88² = 413.8 W (fits), so the governor picks 0.7.
    func testPowerCapPicksHighestFittingClock() throws {
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        XCTAssertEqual(h100.clockState(forPowerCap: 450, utilisation: 1), 0.7)
        XCTAssertEqual(h100.clockState(forPowerCap: 10, utilisation: 1), 0.5, "the lowest state when nothing fits")
    }

    /// Lookup ignores case only; an unknown name (including a near miss such as "H100") is an error that
    /// lists every known name.
    func testLookupAndUnknownName() throws {
        XCTAssertEqual(try AcceleratorCatalogue.spec(named: "h100-sxm").name, "H100-SXM")
        XCTAssertEqual(try AcceleratorCatalogue.spec(named: "mi300x").name, "MI300X")
        XCTAssertThrowsError(try AcceleratorCatalogue.spec(named: "H100"))
        XCTAssertThrowsError(try AcceleratorCatalogue.spec(named: "TPU-v9")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("unknown accelerator 'TPU-v9'"), text)
            for name in AcceleratorCatalogue.names { XCTAssertTrue(text.contains(name), text) }
        }
    }

    /// Bad figures are refused with the parameter named.
    func testValidationNamesTheParameter() {
        var spec = AcceleratorCatalogue.all[1]
        spec.idleWatts = 800
        XCTAssertThrowsError(try spec.validate()) { XCTAssertTrue("\($0)".contains("idleWatts"), "\($0)") }
        spec = AcceleratorCatalogue.all[1]
        spec.clockStates = [0.5, 1.0]
        XCTAssertThrowsError(try spec.validate()) { XCTAssertTrue("\($0)".contains("descending"), "\($0)") }
    }
}
