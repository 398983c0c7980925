import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario

/// The `serving:` block (issue 5): values arrive converted, defaults resolve, and every mistake is located.
final class ServingBlockTests: XCTestCase {
    static let scenarios = ScenarioLoaderTests.weatherDir

    let base = """
    name: s
    horizon: 1h
    facility:
      gpus: 16
    cooling_system:
      primary: direct_to_chip
    weather:
      synthetic:
        mean: 20°C

    """

    func parse(_ serving: String) throws -> ScenarioSpec {
        try ScenarioLoader.parse(base + serving, file: "s.yaml", baseDirectory: Self.scenarios)
    }

    func paths(_ serving: String) -> [String] {
        do { _ = try parse(serving); XCTFail("expected errors"); return [] } catch let e as ScenarioError {
            return e.diagnostics.map(\.path)
        } catch { XCTFail("\(error)"); return [] }
    }

    /// A minimal block takes the documented defaults: Llama-3.1-8B at BF16, TP 1, the committed kernel profile beside
    /// the scenario (`Scenarios/profiles/cpu-110M.json`), load-following arrivals, lognormal(300, 300) lengths capped at
    /// 1,023, vLLM limits (256 sequences, 8,192 tokens, 90 % of HBM), least outstanding tokens. Written values arrive
    /// converted: `80 %` → 0.8, `5 ms` → 0.005 s, a bare `128` → a constant length.
    func testDefaultsAndConversions() throws {
        let minimal = try XCTUnwrap(parse("serving:\n  model: llama-3.1-8b\n").serving)
        XCTAssertEqual(minimal, ServingSpec(model: "llama-3.1-8b",
                                            kernelProfilePath: Self.scenarios.appendingPathComponent("profiles/cpu-110M.json").path))
        let s = try XCTUnwrap(parse("""
        serving:
          model: Llama-2-70B
          precision: fp8
          tensor_parallel: 2
          efficiency: {source: published, iteration_overhead: 5 ms, memory: 0.8}
          arrivals: {process: diurnal, mean_rate: 20, amplitude: 30 %, peak_hour: 14}
          output_tokens: 128
          scheduler: {kv_memory_fraction: 80 %, chunked_prefill: enabled}
          load_balancer: round_robin
        """).serving)
        XCTAssertEqual(s.precision, .fp8)
        XCTAssertEqual(s.tensorParallel, 2)
        XCTAssertEqual(s.efficiencySource, .published)
        XCTAssertNil(s.kernelProfilePath)
        XCTAssertEqual(s.iterationOverheadSeconds, 0.005, accuracy: 1e-15)
        XCTAssertEqual(s.memoryEfficiency, 0.8)
        XCTAssertEqual(s.arrivals, .diurnal(meanPerSecond: 20, amplitude: 0.3, peakHour: 14))
        XCTAssertEqual(s.outputTokens, .constant(128))
        XCTAssertEqual(s.kvMemoryFraction, 0.8, accuracy: 1e-15)
        XCTAssertTrue(s.chunkedPrefill)
        XCTAssertEqual(s.loadBalancer, .roundRobin)
    }

    /// Each mistake is reported at its own field, all at once: an unknown model (with a suggestion), a tensor-parallel
    /// degree that does not divide 8 GPUs per server, a missing profile, a poisson process without its rate, an
    /// inverted uniform range and an unknown key.
    func testMistakesAreLocated() {
        XCTAssertEqual(paths("""
        serving:
          model: Llama-3.1-9B
          tensor_parallel: 3
          efficiency: {kernel_profile: profiles/missing.json}
          arrivals: {process: poisson}
          prompt_tokens: {distribution: uniform, lower: 50, upper: 10}
          batch: 4
        """).sorted(), ["serving.arrivals.rate", "serving.batch", "serving.efficiency.kernel_profile", "serving.model",
                        "serving.prompt_tokens.upper", "serving.tensor_parallel"])
    }

    /// Cross-check against the accelerator: Llama-2-70B at BF16 (2 B × 69 G parameters ≈ 138 GB) does not fit one
    /// 80 GB H100, so TP 1 is refused at `serving` with the model's size in the message.
    func testModelThatDoesNotFitIsRefused() {
        XCTAssertEqual(paths("serving:\n  model: Llama-2-70B\n  efficiency: {source: ideal}\n"), ["serving"])
    }

    /// Request fidelity without a serving block has nothing to simulate: reported at `fidelity`.
    func testRequestFidelityNeedsServing() {
        XCTAssertEqual(paths("fidelity: request\n"), ["fidelity"])
    }
}
