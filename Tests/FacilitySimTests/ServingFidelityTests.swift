import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim
import SimMath

/// Tokens in both fidelities (issue 5): fluid tokens from the saturated rate, request fidelity's queueing, and the
/// agreement of the two where both apply.
final class ServingFidelityTests: XCTestCase {
    /// The committed CPU kernel profile (`factory-twin calibrate --synthetic 110M …`, see README "Serving model").
    static var profilePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios/profiles/cpu-110M.json").path
    }

    /// `gpus` cold-plate H100s in a constant 10 °C climate at full clock, serving `serving`.
    func spec(gpus: Int, seconds: Double, load: Double = 1, fidelity: ScenarioSpec.Fidelity, serving: ServingSpec) -> ScenarioSpec {
        var s = ScenarioSpec(name: "serving", seed: 7, horizonSeconds: seconds, samplingIntervalSeconds: seconds, fidelity: fidelity,
                             facility: FacilitySpec(accelerator: "H100-SXM", gpus: gpus, gpusPerRack: 32),
                             coolingSystem: CoolingSystemBlock(primary: .directToChip),
                             thermalManagement: ThermalManagementBlock(automaticThrottling: false),
                             plant: PlantSpec(supplySetpointCelsius: 30),
                             weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                                 hottestDayOfYear: 200, relativeHumidity: 0.5),
                             load: .constant(utilisation: load))
        s.serving = serving
        return s
    }

    /// Llama-3.1-8B BF16 on one GPU per replica with the cited GPU efficiencies (compute 0.40, memory 0.70).
    var llama8B: ServingSpec { ServingSpec(model: "Llama-3.1-8B", efficiencySource: .published) }

    /// Fluid tokens are the saturated rate times GPU work delivered: at constant utilisation u = 0.6 without
    /// throttling, work = gpus · u · T, so tokens = R · 8 · 0.6 · 7200 s exactly (to rounding), tokens per second
    /// = tokens / T, and tokens per joule at the facility = tokens / facility energy (PUE included: below the IT figure
    /// by the PUE, which is ≥ 1). Without a serving block the token fields are absent (nil).
    func testFluidTokensAreRateTimesWorkDelivered() throws {
        let sim = try FacilitySimulation(spec: spec(gpus: 8, seconds: 7200, load: 0.6, fidelity: .fluid, serving: llama8B))
        let s = try sim.run().summary
        let rate = try XCTUnwrap(sim.tokensPerGPUSecond)
        XCTAssertEqual(try XCTUnwrap(s.tokensGenerated), rate * 8 * 0.6 * 7200, accuracy: 1e-9 * rate * 8 * 7200)
        XCTAssertEqual(try XCTUnwrap(s.tokensPerSecond), rate * 8 * 0.6, accuracy: 1e-9 * rate * 8)
        XCTAssertEqual(try XCTUnwrap(s.tokensPerJouleFacility), s.tokensGenerated! / s.facilityEnergyJoules, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(s.tokensPerJouleIt) / s.tokensPerJouleFacility!, s.pue, accuracy: 1e-9)
        XCTAssertGreaterThan(try XCTUnwrap(s.tokensPerJouleGpu), s.tokensPerJouleIt!, "GPU energy is part of IT energy")
        XCTAssertEqual(s.servedModel, "Llama-3.1-8B")
        var plain = spec(gpus: 8, seconds: 3600, fidelity: .fluid, serving: llama8B)
        plain.serving = nil
        let none = try FacilitySimulation(spec: plain).run().summary
        XCTAssertNil(none.tokensGenerated)
        XCTAssertNil(none.tokensPerJouleFacility)
    }

    /// The saturated rate of the MLPerf deployment (Llama-2-70B FP8, TP 2, CPU-profile efficiencies — the serving
    /// tests' anchor configuration) reproduces MLPerf Inference v4.1's 8×H100 offline 24,087 tokens/s within 25 %:
    /// 8 · R must land in [18,065, 30,109]. (The standing-queue rate has no drain tail, so it sits a little above the
    /// offline anchor test's 21,059.)
    func testSaturatedRateMatchesMLPerfAnchor() throws {
        let serving = ServingSpec(model: "Llama-2-70B", precision: .fp8, tensorParallel: 2, kernelProfilePath: Self.profilePath)
        let sim = try FacilitySimulation(spec: spec(gpus: 8, seconds: 3600, fidelity: .fluid, serving: serving))
        let server = 8 * (try XCTUnwrap(sim.tokensPerGPUSecond))
        print(String(format: "saturated 8×H100 Llama-2-70B FP8: %.0f tokens/s vs MLPerf 24,087 (%+.1f %%), activity %.3f",
                     server, 100 * (server / 24_087 - 1), sim.servingRate!.saturatedActivity))
        XCTAssertEqual(server, 24_087, accuracy: 0.25 * 24_087)
    }

    /// Both fidelities agree where both apply. Fluid at load u makes R · u · gpus · T tokens and draws P(activity(u))
    /// per GPU (activity measured by simulating one replica at that load); request fidelity simulates every request.
    /// - Saturated: Poisson arrivals at twice the saturated request rate keep every queue full; fluid load 1.
    /// - Half load: arrivals follow the load profile (Poisson at 0.5 × the saturated rate); fluid load 0.5.
    /// Tokens and GPU/IT energy must match within 2 % over the same window (the start-up from empty queues costs about
    /// one mean time in system, ≈ 5 s of production, < 1 % of 900 s; 4 GPUs at half load see ≈ 60,000 requests, so
    /// the Poisson error of the token count is ≈ 0.6 %).
    func testFluidAndRequestFidelityAgree() throws {
        let gpus = 4, seconds = 900.0
        for load in [1.0, 0.5] {
            let fluid = try FacilitySimulation(spec: spec(gpus: gpus, seconds: seconds, load: load, fidelity: .fluid, serving: llama8B))
            let f = try fluid.run().summary
            let rate = try XCTUnwrap(fluid.servingRate)
            var serving = llama8B
            if load == 1 { serving.arrivals = .poisson(ratePerSecond: 2 * rate.requestsPerGPUSecond * Double(gpus)) }
            let request = try FacilitySimulation(spec: spec(gpus: gpus, seconds: seconds, load: load, fidelity: .request, serving: serving))
            let r = try request.run().summary
            let (ft, rt) = (try XCTUnwrap(f.tokensGenerated), try XCTUnwrap(r.tokensGenerated))
            let fGPU = ft / f.tokensPerJouleGpu!, rGPU = rt / r.tokensPerJouleGpu!
            print(String(format: "fluid vs request at load %.1f: tokens %.0f vs %.0f (%+.2f %%), GPU energy %+.2f %%, IT energy %+.2f %%",
                         load, ft, rt, 100 * (rt / ft - 1), 100 * (rGPU / fGPU - 1), 100 * (r.itEnergyJoules / f.itEnergyJoules - 1)))
            XCTAssertEqual(rt, ft, accuracy: 0.02 * ft, "load \(load)")
            XCTAssertEqual(rGPU, fGPU, accuracy: 0.02 * fGPU, "load \(load)")
            XCTAssertEqual(r.itEnergyJoules, f.itEnergyJoules, accuracy: 0.02 * f.itEnergyJoules, "load \(load)")
            XCTAssertLessThanOrEqual(r.energyBalanceRelativeError, 1e-9)
            XCTAssertGreaterThan(request.batchIterations, 10_000)
        }
    }

    /// The activity curve: 0 when idle, the saturated activity at load 1, non-decreasing, and concave-ish — at half the
    /// saturated request rate a continuously batching GPU still streams its weights every iteration, so its activity is
    /// well above half the saturated one (FleetSim's decode power reaches 89 % of its range by batch 64).
    /// Between levels the curve is linear: activity(0.4) is the mean of the 0.3 and 0.5 levels.
    func testActivityCurve() throws {
        let rate = try XCTUnwrap(FacilitySimulation(spec: spec(gpus: 1, seconds: 60, fidelity: .fluid, serving: llama8B)).servingRate)
        print("activity at loads \(ServingRate.curveLoads): \(rate.activityAtLoad.map { ($0 * 1000).rounded() / 1000 })")
        XCTAssertEqual(rate.activityAtLoad.first, 0)
        XCTAssertEqual(rate.activityAtLoad.last, rate.saturatedActivity)
        XCTAssertEqual(rate.activityAtLoad, rate.activityAtLoad.sorted())
        XCTAssertGreaterThan(rate.activity(atLoad: 0.5), 0.6 * rate.saturatedActivity)
        XCTAssertEqual(rate.activity(atLoad: 0.4), (rate.activityAtLoad[4] + rate.activityAtLoad[5]) / 2, accuracy: 1e-15)
    }

    /// M/D/1 inside request fidelity: one GPU, batch size 1, constant 64-token prompts and one output token, so every
    /// request is one prefill iteration of the same duration D (the roofline of a fixed batch). D is the smallest
    /// median time to first token at a light load (a request arriving at an idle server waits 0, which at
    /// ρ ≈ 0.01 is nearly every request).
    /// Poisson arrivals at λ = ρ/D with ρ = 0.6: Pollaczek–Khinchine mean wait W_q = ρD/(2(1 − ρ)) = 0.75 D, so the
    /// mean time to first token is D + W_q = 1.75 D. 20,000/ρ·D of simulated time gives ≈ 20,000 requests; the
    /// mean wait's standard error is ≈ 2 % at this ρ, so ±6 %. The arrival count is Poisson(λT): within 4 √(λT).
    func testMD1MeanWaitMatchesPollaczekKhinchine() throws {
        var serving = ServingSpec(model: "Llama-3.1-8B", efficiencySource: .published, promptTokens: .constant(64),
                                  outputTokens: .constant(1), maxBatchSize: 1)
        // D from a probe run at a light load (its fastest TTFT is a request that found the server idle).
        serving.arrivals = .poisson(ratePerSecond: 1)
        let probe = try FacilitySimulation(spec: spec(gpus: 1, seconds: 200, fidelity: .request, serving: serving)).run().summary
        let d = try XCTUnwrap(probe.latencySeconds).endToEnd.p50
        let rho = 0.6, lambda = rho / d, horizon = 20_000 / lambda
        serving.arrivals = .poisson(ratePerSecond: lambda)
        let s = try FacilitySimulation(spec: spec(gpus: 1, seconds: horizon, fidelity: .request, serving: serving)).run().summary
        let latency = try XCTUnwrap(s.latencySeconds)
        let counts = try XCTUnwrap(s.requests)
        let expectedTTFT = d + rho * d / (2 * (1 - rho))
        print(String(format: "M/D/1 in request fidelity: D = %.4f ms, mean TTFT %.4f ms vs Pollaczek-Khinchine %.4f ms, %d arrivals vs %.0f",
                     1e3 * d, 1e3 * latency.timeToFirstToken.mean, 1e3 * expectedTTFT, counts.arrived, lambda * horizon))
        XCTAssertEqual(latency.timeToFirstToken.mean - d, rho * d / (2 * (1 - rho)), accuracy: 0.06 * rho * d / (2 * (1 - rho)))
        XCTAssertEqual(Double(counts.arrived), lambda * horizon, accuracy: 4 * (lambda * horizon).squareRoot())
    }

    /// A trace is replayed as written: three requests (prompts 100, 200, 50; outputs 10, 20, 5 tokens) arriving at
    /// 0, 1 and 2 s on one GPU all complete within 60 s, so exactly 10 + 20 + 5 = 35 output tokens are generated; the
    /// first request, alone on an idle server, starts at once, so its time to first token is its one prefill iteration
    /// (> 0 and well under a second). A request whose context cannot fit the KV cache (a 1,000,000-token prompt, far
    /// beyond Llama-3.1-8B's ≈ 440,000 tokens of KV on one H100) is refused with a `requestTooLarge` error, not a trap.
    func testTraceReplayAndOversizedRequest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-trace-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.csv"), bad = dir.appendingPathComponent("bad.csv")
        try "arrival_seconds,prompt_tokens,output_tokens\n0,100,10\n1,200,20\n2,50,5\n".write(to: good, atomically: true, encoding: .utf8)
        try "arrival_seconds,prompt_tokens,output_tokens\n0,1000000,10\n".write(to: bad, atomically: true, encoding: .utf8)
        var serving = llama8B
        serving.arrivals = .trace(path: good.path)
        let s = try FacilitySimulation(spec: spec(gpus: 1, seconds: 60, fidelity: .request, serving: serving)).run().summary
        XCTAssertEqual(s.requests, RequestCounts(arrived: 3, completed: 3, inFlight: 0))
        XCTAssertEqual(s.tokensGenerated, 35)
        let ttft = try XCTUnwrap(s.latencySeconds).timeToFirstToken
        XCTAssertGreaterThan(ttft.mean, 0)
        XCTAssertLessThan(ttft.mean, 1)
        serving.arrivals = .trace(path: bad.path)
        XCTAssertThrowsError(try FacilitySimulation(spec: spec(gpus: 1, seconds: 60, fidelity: .request, serving: serving)).run()) {
            XCTAssertTrue("\($0)".contains("KV cache"), "\($0)")
        }
    }

    /// Throttling slows iterations. With a 35 °C threshold (below the 33 °C coolant + any load's rise) the reactive
    /// controller starts at the lowest DVFS state, f = 0.5, and never leaves it (the module never falls below
    /// 35 − 3 K). Every iteration's roofline is then slower: compute time ÷ 0.5, memory time ÷ (1/(0.85 + 0.15/0.5))
    /// = ÷ 0.870, so under a saturating load the tokens of a fixed window fall to between 0.5 (all compute-bound) and
    /// 0.870 (all memory-bound) of the full-clock run's; the time series shows clock 0.5 throughout.
    func testThrottledClockSlowsIterations() throws {
        var serving = llama8B
        let probe = try FacilitySimulation(spec: spec(gpus: 1, seconds: 60, fidelity: .fluid, serving: serving))
        serving.arrivals = .poisson(ratePerSecond: 2 * probe.servingRate!.requestsPerGPUSecond)
        let full = try FacilitySimulation(spec: spec(gpus: 1, seconds: 120, fidelity: .request, serving: serving)).run()
        var hot = spec(gpus: 1, seconds: 120, fidelity: .request, serving: serving)
        hot.thermalManagement = ThermalManagementBlock(gpuTemperatureThresholdCelsius: 35, automaticThrottling: true, controller: .reactive)
        let throttled = try FacilitySimulation(spec: hot).run()
        let ratio = try XCTUnwrap(throttled.summary.tokensGenerated) / XCTUnwrap(full.summary.tokensGenerated)
        print(String(format: "throttled to f = 0.5: tokens %.3f of full clock", ratio))
        XCTAssertGreaterThan(ratio, 0.5)
        XCTAssertLessThan(ratio, 1 / (0.85 + 0.15 / 0.5) + 1e-9)
        XCTAssertEqual(try XCTUnwrap(throttled.timeSeries.column("direct_to_chip_clock")), [0.5, 0.5])
        XCTAssertEqual(throttled.summary.throttledFraction, 1)
    }

    /// Chunked prefill runs the general `ContinuousBatchScheduler` (mixed prefill + decode iterations, at TDP): fluid and
    /// request fidelity still agree within 2 % on tokens and GPU energy at saturation (2 GPUs, 240 s; batches of at most 64
    /// sequences, 2,048 tokens, outputs lognormal with mean 64), and the energy balance closes. (With *constant*
    /// output lengths the standing-queue measurement locks into synchronised cohorts that finish together, and
    /// underestimates the rate a staggered start reaches by ≈ 5 %: see `ServingRate`.)
    func testChunkedPrefillAgreesAtSaturation() throws {
        var serving = llama8B
        serving.chunkedPrefill = true
        // Small batches and short outputs keep the general scheduler's O(batch) iterations cheap in a debug build.
        (serving.maxBatchSize, serving.maxBatchedTokens) = (64, 2048)
        serving.outputTokens = .lognormal(mean: 64, standardDeviation: 64)
        let fluid = try FacilitySimulation(spec: spec(gpus: 2, seconds: 240, fidelity: .fluid, serving: serving))
        let f = try fluid.run().summary
        serving.arrivals = .poisson(ratePerSecond: 2 * fluid.servingRate!.requestsPerGPUSecond * 2)
        let r = try FacilitySimulation(spec: spec(gpus: 2, seconds: 240, fidelity: .request, serving: serving)).run().summary
        let (ft, rt) = (try XCTUnwrap(f.tokensGenerated), try XCTUnwrap(r.tokensGenerated))
        let fGPU = ft / f.tokensPerJouleGpu!, rGPU = rt / r.tokensPerJouleGpu!
        print(String(format: "chunked prefill, saturated: tokens %+.2f %%, GPU energy %+.2f %%", 100 * (rt / ft - 1), 100 * (rGPU / fGPU - 1)))
        XCTAssertEqual(rt, ft, accuracy: 0.02 * ft)
        XCTAssertEqual(rGPU, fGPU, accuracy: 0.02 * fGPU)
        XCTAssertLessThanOrEqual(r.energyBalanceRelativeError, 1e-9)
    }

    /// Request-fidelity bookkeeping: arrived = completed + in flight; the end-to-end histogram is cumulative, its last
    /// count is every completed request and its bounds are the document's [0.1, 0.5, 1, 2, 5] s; p50 ≤ p90 ≤ p99;
    /// the energy balance closes (≤ 1e-9) with GPU power switching at every iteration; same seed ⇒ same summary.
    func testRequestCountsHistogramAndDeterminism() throws {
        var serving = llama8B
        serving.arrivals = .poisson(ratePerSecond: 60)
        let run = { try FacilitySimulation(spec: self.spec(gpus: 2, seconds: 30, fidelity: .request, serving: serving)).run().summary }
        var a = try run(), b = try run()
        let counts = try XCTUnwrap(a.requests), latency = try XCTUnwrap(a.latencySeconds)
        XCTAssertEqual(counts.arrived, counts.completed + counts.inFlight)
        XCTAssertEqual(latency.histogramBucketsSeconds, [0.1, 0.5, 1, 2, 5])
        XCTAssertEqual(latency.histogramCumulativeCounts.last, counts.completed)
        XCTAssertEqual(latency.histogramCumulativeCounts, latency.histogramCumulativeCounts.sorted())
        XCTAssertLessThanOrEqual(latency.endToEnd.p50, latency.endToEnd.p90)
        XCTAssertLessThanOrEqual(latency.endToEnd.p90, latency.endToEnd.p99)
        XCTAssertLessThanOrEqual(a.energyBalanceRelativeError, 1e-9)
        a.wallSeconds = 0
        b.wallSeconds = 0
        XCTAssertEqual(a, b)
    }
}

/// Quantiles by selection equal GSL's quantiles of the sorted data.
final class QuantileSelectionTests: XCTestCase {
    /// For 2,001 uniform draws (with repeated values from rounding to 0.01) and for tiny arrays (n = 1, 2, 3), the
    /// selected p50, p90, p99 must equal `Statistics.quantileOfSorted` on the sorted copy bit for bit: both take the
    /// order statistics at ⌊(n − 1)p⌋ and the next one and interpolate with the same formula.
    func testSelectionEqualsSortedQuantiles() {
        let stream = RandomStream(seed: 11, replication: 0, name: "q")
        for n in [1, 2, 3, 10, 2001] {
            let xs = (0..<n).map { _ in (stream.uniform() * 100).rounded() / 100 }
            var copy = xs
            let selected = QuantileSelection.quantiles(&copy, ascending: [0.5, 0.9, 0.99])
            let sorted = xs.sorted()
            XCTAssertEqual(selected, [0.5, 0.9, 0.99].map { Statistics.quantileOfSorted(sorted, $0) }, "n = \(n)")
        }
    }
}
