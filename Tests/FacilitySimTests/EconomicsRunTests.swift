import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

/// The run fills `RunSummary.economics` from the scenario's economics and the run's own energy (issue 8).
final class EconomicsRunTests: XCTestCase {
    /// A day of 32 direct-to-chip H100s at full load in a constant 10 °C climate, throttling off.
    static func spec(_ economics: EconomicsSpec?) -> ScenarioSpec {
        var spec = ScenarioSpec(name: "unit", seed: 1, horizonSeconds: 86_400, samplingIntervalSeconds: 3600,
                                facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerRack: 32),
                                coolingSystem: CoolingSystemBlock(primary: .directToChip),
                                thermalManagement: ThermalManagementBlock(automaticThrottling: false),
                                plant: PlantSpec(supplySetpointCelsius: 30),
                                weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                                    hottestDayOfYear: 200, relativeHumidity: 0.5),
                                load: .constant(utilisation: 1))
        spec.economics = economics
        return spec
    }

    /// Without an economics block there are no cost figures. With a flat $0.10/kWh the energy category is the
    /// facility energy of the day in kWh × $0.10 × 365 (a day scaled to a year), and an hourly series that is $0.10
    /// at every hour gives the same figure (the power-weighted mean of a constant is that constant); a series of
    /// $0.20 doubles it. No tokens: no cost per token, and the GPU-hour saving is computed against the default
    /// AWS reference.
    func testRunFillsEconomics() throws {
        XCTAssertNil(try FacilitySimulation(spec: Self.spec(nil)).run().summary.economics)
        var p = EconomicsParameters()
        p.energyPriceUsdPerKilowattHour = 0.10
        let flat = try FacilitySimulation(spec: Self.spec(EconomicsSpec(parameters: p))).run().summary
        let e = try XCTUnwrap(flat.economics)
        XCTAssertEqual(e.annualCostByCategoryUsd["energy"]!, flat.facilityEnergyJoules / 3.6e6 * 0.10 * 365, accuracy: 1e-6)
        XCTAssertNil(e.costPerMillionTokensUsd)
        XCTAssertNotNil(e.savingVersusCloudPercent)
        p.hourlyEnergyPricesUsdPerKilowattHour = Array(repeating: 0.10, count: 8760)
        let same = try XCTUnwrap(try FacilitySimulation(spec: Self.spec(EconomicsSpec(parameters: p))).run().summary.economics)
        XCTAssertEqual(same.annualCostByCategoryUsd["energy"]!, e.annualCostByCategoryUsd["energy"]!, accuracy: 1e-6)
        p.hourlyEnergyPricesUsdPerKilowattHour = [0.20]
        let double = try XCTUnwrap(try FacilitySimulation(spec: Self.spec(EconomicsSpec(parameters: p))).run().summary.economics)
        XCTAssertEqual(double.annualCostByCategoryUsd["energy"]!, 2 * e.annualCostByCategoryUsd["energy"]!, accuracy: 1e-6)
    }
}
