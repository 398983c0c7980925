import FacilitySim
import Foundation
import Operations
@testable import Reporting
import XCTest

/// serve's live exposition: which sample it shows at a simulated instant, how it counts violations, its format.
final class LiveExpositionTests: XCTestCase {
    /// Three rows at t = 0, 300, 600 s of one immersion cohort `tank` whose GPU reads 60, 65, 71 °C (return 40, 41,
    /// 42 °C); violations executed beyond authority at t = 100 s and 450 s; the served-model fixture summary with a
    /// 600 s horizon.
    func exposition() throws -> LiveExposition {
        var summary = try ReportRenderingTests.fixture()
        summary.simulatedSeconds = 600
        summary.aiAutonomyBoundaryViolations = 2
        var ts = TimeSeries(columns: ["time_s", "supply_c", "return_c", "coolant_flow_m3_s", "pue_instant", "coolant_flow_units_up",
                                      "tank_gpu_c", "tank_sink_c", "tank_clock", "tank_gpus_up", "gpu_max_c"])
        for (i, gpu) in [60.0, 65, 71].enumerated() {
            ts.append([Double(i) * 300, 30, 40 + Double(i), 0.02, 1.1, i == 2 ? 0.5 : 1, gpu, 45, 1, 32, gpu])
        }
        var trail = AuditTrail()
        for t in [100.0, 450] {
            trail.append(AuditRecord(timeSeconds: t, action: "set_clock", target: "tank", reason: "test", outcome: .executedBeyondAuthority))
        }
        trail.append(AuditRecord(timeSeconds: 50, action: "set_clock", target: "tank", reason: "test", outcome: .executed))
        return LiveExposition(result: RunResult(summary: summary, timeSeries: ts, auditTrail: trail))
    }

    func samples(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let space = line.lastIndex(of: " ")!
            out[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
        return out
    }

    /// Sample and hold: t = 299.9 s shows row 0 (60 °C), t = 300 s row 1 (65 °C), t = 1e6 s is clamped to the 600 s
    /// horizon and shows row 2 (71 °C, flow units at half); the cohort is the `cohort` label; -5 s clamps to 0.
    func testShowsTheRowSampledLastAtOrBeforeT() throws {
        let live = try exposition()
        let scenario = "scenario=\"\(live.result.summary.scenario)\""
        XCTAssertEqual(live.cohorts, ["tank"])
        let gpu = "gpu_temperature_celsius{\(scenario),cohort=\"tank\"}"
        XCTAssertEqual(samples(live.render(atSimulatedSeconds: 299.9))[gpu], 60)
        XCTAssertEqual(samples(live.render(atSimulatedSeconds: 300))[gpu], 65)
        let end = samples(live.render(atSimulatedSeconds: 1e6))
        XCTAssertEqual(end[gpu], 71)
        XCTAssertEqual(end["twin_simulated_time_seconds{\(scenario)}"], 600)
        XCTAssertEqual(end["facility_water_return_temperature_celsius{\(scenario)}"], 42)
        XCTAssertEqual(end["cooling_units_up_ratio{\(scenario),role=\"coolant_flow\"}"], 0.5)
        XCTAssertEqual(end["gpus_in_service{\(scenario),cohort=\"tank\"}"], 32)
        XCTAssertEqual(samples(live.render(atSimulatedSeconds: -5))["twin_simulated_time_seconds{\(scenario)}"], 0)
    }

    /// Boundary violations count the trail's `executed_beyond_authority` lines at or before t (the `executed` line at
    /// 50 s is not one): 0 at 99 s, 1 at 100 s, 2 at 450 s and after. Tokens per watt is the summary's figure.
    func testViolationsCountUpToTAndTokensPerWattIsTheRunsFigure() throws {
        let live = try exposition()
        let name = "ai_autonomy_boundary_violations_total{scenario=\"\(live.result.summary.scenario)\"}"
        XCTAssertEqual([99.0, 100, 449, 450, 600].map { samples(live.render(atSimulatedSeconds: $0))[name] }, [0, 1, 1, 2, 2])
        let tokens = samples(live.render(atSimulatedSeconds: 0)).first { $0.key.hasPrefix("ai_tokens_per_watt{") }?.value
        XCTAssertEqual(tokens, live.result.summary.tokensPerJouleFacility)
    }

    /// Format: every sample's family is declared by `# TYPE` before it, families appear once, `# EOF` ends the text,
    /// the latency histogram's buckets end with `le="+Inf"` equal to `_count`.
    func testOpenMetricsStructure() throws {
        let text = try exposition().render(atSimulatedSeconds: 120)
        XCTAssertTrue(text.hasSuffix("# EOF\n"))
        var declared: [String] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") { declared.append(String(line.split(separator: " ")[2])); continue }
            if line.hasPrefix("#") { continue }
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            XCTAssertTrue(declared.contains { name == $0 || name == $0 + "_total" || name == $0 + "_bucket" || name == $0 + "_count" || name == $0 + "_sum" },
                          "\(name) is declared before its sample")
        }
        XCTAssertEqual(declared.count, Set(declared).count, "each family once")
        let s = samples(text)
        let inf = s.first { $0.key.hasPrefix("ai_inference_latency_bucket{") && $0.key.contains("le=\"+Inf\"") }?.value
        XCTAssertNotNil(inf)
        XCTAssertEqual(inf, s.first { $0.key.hasPrefix("ai_inference_latency_count{") }?.value)
    }
}
