import Foundation
import XCTest
import FacilityModels
@testable import FacilitySim
@testable import Scenario

/// The `parameters:` block (issue 16): catalogue parameters by name, within their plausible ranges.
final class ParametersBlockTests: XCTestCase {
    let base = """
    name: t
    horizon: 24h
    facility:
      gpus: 32
    cooling_system:
      primary: liquid_immersion
    thermal_management:
      gpu_temperature_threshold: 70°C
    weather:
      file: weather/tmy3-723170-greensboro-nc.csv

    """

    /// Two parameters are read into `PlantSpec.parameterOverrides` as given (plain numbers in the unit the name carries);
    /// the block's entry wins over the named `immersion.junction_to_fluid` field in the run's catalogue (it names the
    /// catalogue entry itself, which is how `--set parameters.<name>` reaches every parameter).
    func testParametersAreRead() throws {
        let spec = try parseScenario(base + """
        parameters:
          immersionJunctionToFluidKelvinPerWatt: 0.05
          roomChilledWaterSupplyCelsius: 10
        immersion:
          junction_to_fluid: 0.045 K/W
        """)
        XCTAssertEqual(spec.plant.parameterOverrides, [.immersionJunctionToFluidKelvinPerWatt: 0.05, .roomChilledWaterSupplyCelsius: 10])
        let catalogue = try FacilitySimulation(spec: spec).parameterCatalogue
        XCTAssertEqual(catalogue.peek(.immersionJunctionToFluidKelvinPerWatt), 0.05)
        XCTAssertEqual(catalogue.peek(.roomChilledWaterSupplyCelsius), 10)
        XCTAssertEqual(catalogue.entry(.roomChilledWaterSupplyCelsius).source.kind, "scenario")
    }

    /// A misspelt name is reported at its line and column with the closest name; a value outside the plausible range
    /// (7…18 °C for the room-air chilled water) is reported with the range; both at once, nothing loads.
    func testUnknownNameAndOutOfRange() {
        let d = scenarioDiagnostics(base + """
        parameters:
          immersionHXEfectiveness: 0.7
          roomChilledWaterSupplyCelsius: 40
        """).map(\.description)
        XCTAssertEqual(d.count, 2, "\(d)")
        XCTAssertTrue(d.contains { $0.hasPrefix("s.yaml:12:3: error: parameters.immersionHXEfectiveness: unknown key (did you mean 'immersionHXEffectiveness'?)") }, "\(d)")
        XCTAssertTrue(d.contains { $0.hasPrefix("s.yaml:13:34: error: parameters.roomChilledWaterSupplyCelsius: 40 is out of range: allowed 7…18") }, "\(d)")
    }
}
