import Foundation
import XCTest
@testable import FacilitySim
import Scenario

/// The shipped request-fidelity scenario (issue 5): it validates as shipped and its first 20 s run end to end.
final class RequestScenarioTests: XCTestCase {
    /// `Scenarios/request-diurnal-64gpu.yaml` loads as a one-hour, 64-GPU request-fidelity run of Llama-3.1-8B starting
    /// at 15:00 on 8 July (hour 4527), whose load at that hour is 0.55 + 0.25·cos(2π(15.5 − 15.5)/24) = 0.80.
    /// Its first 20 s (the whole hour takes minutes in a debug build; `factory-twin bench facility` times it in
    /// release) must close the energy balance (≤ 1e-9), make tokens with tokens per joule ordered GPU > IT > facility
    /// (each boundary adds consumers: the rest of the server, then cooling and losses, PUE = IT/facility ratio),
    /// account for every arrival (arrived = completed + in flight) and see ≈ 0.8 × the saturated request rate:
    /// arrivals are Poisson(λT) with λ = 0.8 · R_req · 64, so within 4 √(λT).
    func testShippedRequestScenarioRuns() throws {
        var spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("request-diurnal-64gpu.yaml"))
        XCTAssertEqual(spec.fidelity, .request)
        XCTAssertEqual(spec.horizonSeconds, 3600)
        XCTAssertEqual(spec.facility.gpus, 64)
        XCTAssertEqual(spec.startHour, 4527)
        XCTAssertEqual(spec.serving?.model, "Llama-3.1-8B")
        XCTAssertEqual(spec.load.utilisation(atHourIndex: spec.startHour), 0.8, accuracy: 1e-12)
        spec.horizonSeconds = 20
        spec.samplingIntervalSeconds = 10
        let sim = try FacilitySimulation(spec: spec)
        let s = try sim.run().summary
        let counts = try XCTUnwrap(s.requests)
        let lambdaT = 0.8 * sim.servingRate!.requestsPerGPUSecond * 64 * 20
        print(String(format: "request-diurnal-64gpu, first 20 s: %d arrivals (expected %.0f), %.0f tokens/s, %.2f / %.2f / %.2f tokens/J "
                     + "(GPU / IT / facility), TTFT p99 %.3f s, %d iterations", counts.arrived, lambdaT, s.tokensPerSecond ?? 0,
                     s.tokensPerJouleGpu ?? 0, s.tokensPerJouleIt ?? 0, s.tokensPerJouleFacility ?? 0,
                     s.latencySeconds?.timeToFirstToken.p99 ?? 0, sim.batchIterations))
        XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9)
        XCTAssertEqual(counts.arrived, counts.completed + counts.inFlight)
        XCTAssertEqual(Double(counts.arrived), lambdaT, accuracy: 4 * lambdaT.squareRoot())
        let (gpu, it, facility) = (try XCTUnwrap(s.tokensPerJouleGpu), try XCTUnwrap(s.tokensPerJouleIt), try XCTUnwrap(s.tokensPerJouleFacility))
        XCTAssertGreaterThan(gpu, it)
        XCTAssertGreaterThan(it, facility)
        XCTAssertEqual(it / facility, s.pue, accuracy: 1e-9)
    }
}
