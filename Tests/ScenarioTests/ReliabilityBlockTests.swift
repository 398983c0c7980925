import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario

/// The `reliability` block: groups, scripted failures, GPU failures, and its errors.
final class ReliabilityBlockTests: XCTestCase {
    let base = """
    name: t
    horizon: 24h
    facility:
      gpus: 64
    cooling_system:
      primary: liquid_immersion
      redundancy: n+1
    weather:
      file: weather/tmy3-723170-greensboro-nc.csv
    """

    func parse(_ text: String) throws -> ScenarioSpec { try parseScenario(text) }

    func diagnostics(_ text: String) -> [Diagnostic] { scenarioDiagnostics(text) }

    /// A full block reads into the spec: spares default to the cooling system's n+1, overrides of MTBF/MTTR in
    /// hours, the standby flag of a scripted failure, and the Llama 3 GPU model when `gpu` is not given.
    func testValidBlock() throws {
        let spec = try parse(base + """

        reliability:
          cooling_units:
            - {name: pumps, component: pump, needed: 2, role: coolant_flow, switchover: 30 s}
            - {name: coolers, component: centrifugal_fan, needed: 4, spares: 0, role: heat_rejection, mtbf: 20000 h, mttr: 2 d}
          scripted_failures:
            - {group: pumps, at: 0 h, repair: 200 h, unit: standby}
            - {group: pumps, at: 63 h, repair: 39 h}
          gpu_failures: enabled
        """)
        let r: ReliabilitySpec = spec.reliability
        XCTAssertEqual(r.coolingGroups.map { $0.name }, ["pumps", "coolers"])
        XCTAssertEqual(try r.coolingGroups[0].redundancyGroup(default: spec.coolingSystem.redundancy).spareUnits, 1)
        XCTAssertEqual(r.coolingGroups[0].switchoverSeconds, 30)
        XCTAssertEqual(r.coolingGroups[1].spareUnits, 0)
        XCTAssertEqual(r.coolingGroups[1].component.mtbfHours, 20_000)
        XCTAssertEqual(r.coolingGroups[1].component.mttrHours, 48)
        let expected: [ReliabilitySpec.ScriptedFailure] = [
            .init(group: "pumps", atSeconds: 0, repairSeconds: 200 * 3600, standby: true),
            .init(group: "pumps", atSeconds: 63 * 3600, repairSeconds: 39 * 3600),
        ]
        XCTAssertEqual(r.scriptedFailures, expected)
        XCTAssertEqual(r.gpu?.referenceMTBFHours ?? 0, 16_384 * 54 * 24 / 419.0, accuracy: 1e-9)
    }

    /// Every problem at once, each with line, column and field: an unknown component (with a suggestion), a
    /// missing role, a scripted failure naming no group (with a suggestion), and an unknown key.
    func testErrorsNameTheFields() {
        let d = diagnostics(base + """

        reliability:
          cooling_units:
            - {name: pumps, component: pumpp, needed: 2}
          scripted_failures:
            - {group: pump, at: 3 h, repair: 1 h}
          gpu_failure: enabled
        """)
        let text = d.map { $0.description }.joined(separator: "\n")
        XCTAssertTrue(d.contains { $0.path == "reliability.cooling_units[0].component" && $0.message.contains("did you mean 'pump'") }, text)
        XCTAssertTrue(d.contains { $0.path == "reliability.cooling_units[0].role" }, text)
        XCTAssertTrue(d.contains { $0.path == "reliability.scripted_failures[0].group" && $0.message.contains("pumps") }, text)
        XCTAssertTrue(d.contains { $0.path == "reliability.gpu_failure" && $0.message.contains("gpu_failures") }, text)
        XCTAssertTrue(d.allSatisfy { $0.line > 1 && $0.column >= 1 }, text)
    }
}
