import Foundation
import XCTest
@testable import FacilitySim
import Reporting
import Scenario

/// Latency at fluid fidelity (issue 15 item 5): the queueing approximation against request fidelity.
final class FluidLatencyValidationTests: XCTestCase {
    /// The shipped request scenario's hour (64 GPUs, Llama-3.1-8B, load 0.80) at request fidelity — every one of its
    /// ≈ 6.1 M requests, as `make reports` ran it into the committed Reports/request-diurnal-64gpu/summary.json (the
    /// whole hour takes minutes in a debug build, so the test reads that run instead of repeating it) — against the
    /// fluid approximation of the same scenario and hour: `LatencyCurve` (one replica under Poisson arrivals, same
    /// scheduler, iteration times at the same clock, lengths, same seed) interpolated to load 0.80. Expected: end-to-end p50 and p99
    /// within 10 % of request fidelity (the acceptance); the histogram's +Inf count is the hour's requests,
    /// λ·T = 0.8 × R_req × 64 × 3600, within 1 %.
    func testFluidLatencyMatchesRequestFidelity() throws {
        let root = ShippedScenarioTests.root
        let reference = try ReportInput.readSummary(root.appendingPathComponent("Reports/request-diurnal-64gpu/summary.json"))
        XCTAssertEqual(reference.fidelity, "request")
        let truth = try XCTUnwrap(reference.latencySeconds).endToEnd

        var spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("request-diurnal-64gpu.yaml"))
        spec.fidelity = .fluid
        let load = spec.load.utilisation(atHourIndex: spec.startHour)
        XCTAssertEqual(load, 0.8, accuracy: 1e-12)
        let sim = try FacilitySimulation(spec: spec)
        let (setup, rate) = (try XCTUnwrap(sim.servingSetup), try XCTUnwrap(sim.servingRate))
        // The request run held its GPUs at one clock all hour (its time series' `…_clock` column: full clock with the
        // sourced 0.04 K/W chip-to-fluid resistance, 0.85 with the old assumed 0.06); the fluid run starts at the same
        // clock by the same rule (the highest state whose steady temperature is under the threshold), so the curve is
        // sampled at that clock.
        let series = try String(contentsOf: root.appendingPathComponent("Reports/request-diurnal-64gpu/timeseries.csv"), encoding: .utf8)
        let rows = series.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try XCTUnwrap(rows.first?.firstIndex { $0.hasSuffix("_clock") }, "a clock column in timeseries.csv")
        let clocks = Set(rows.dropFirst().compactMap { Double($0[column]) })
        XCTAssertEqual(clocks.count, 1, "one clock all hour: \(clocks)")
        let clock = try XCTUnwrap(clocks.first)
        let curve = try LatencyCurve(setup: setup, rate: rate, seed: spec.seed, replication: spec.replication, clock: clock)
        let requests = load * 3600 * 64 * rate.requestsPerGPUSecond
        let fluid = try XCTUnwrap(FluidLatency.summary(curve: curve, intervals: [(load, requests)]))
        print(String(format: "fluid vs request fidelity, end to end: p50 %.3f vs %.3f s (%+.1f %%), p99 %.3f vs %.3f s (%+.1f %%)",
                     fluid.endToEnd.p50, truth.p50, 100 * (fluid.endToEnd.p50 / truth.p50 - 1),
                     fluid.endToEnd.p99, truth.p99, 100 * (fluid.endToEnd.p99 / truth.p99 - 1)))
        XCTAssertEqual(fluid.endToEnd.p50, truth.p50, accuracy: 0.10 * truth.p50)
        XCTAssertEqual(fluid.endToEnd.p99, truth.p99, accuracy: 0.10 * truth.p99)
        XCTAssertEqual(Double(fluid.histogramCumulativeCounts.last!), requests, accuracy: 0.01 * requests)
        XCTAssertEqual(fluid.histogramBucketsSeconds, [0.1, 0.5, 1, 2, 5])
        XCTAssertEqual(fluid.histogramCumulativeCounts, fluid.histogramCumulativeCounts.sorted(), "cumulative counts never fall")
    }
}
