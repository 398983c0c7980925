import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

/// Uptime as an SLA (issue 15 item 3): service availability counts the time the hall delivers at least its committed
/// capacity; facility availability the time power and cooling are delivered in full.
final class ServiceAvailabilityRunTests: XCTestCase {
    /// The tally by hand over a 8,760 h year: 2,000 h throttled to 97 % of capacity with a 95 % commitment and the
    /// rest at 100 % give service availability 1 (throttling above the commitment is not downtime) and a
    /// capacity-weighted figure of 1 − 2,000 × 0.03 / 8,760 = 0.993151; adding a cooling outage of X = 7 h at 50 %
    /// (below the commitment, cooling not delivered) gives service and facility availability 1 − 7/8,760.
    func testTallyByHand() {
        var t = ServiceAvailabilityTally(committedCapacity: 0.95)
        t.add(durationSeconds: 2000 * 3600, deliveredCapacity: 0.97, facilityDelivered: true)
        t.add(durationSeconds: 6760 * 3600, deliveredCapacity: 1, facilityDelivered: true)
        XCTAssertEqual(t.serviceAvailability, 1)
        XCTAssertEqual(t.facilityAvailability, 1)
        XCTAssertEqual(t.capacityWeightedAvailability, 1 - 2000 * 0.03 / 8760, accuracy: 1e-12)
        var outage = ServiceAvailabilityTally(committedCapacity: 0.95)
        outage.add(durationSeconds: 1000 * 3600, deliveredCapacity: 0.97, facilityDelivered: true)
        outage.add(durationSeconds: 7 * 3600, deliveredCapacity: 0.5, facilityDelivered: false)
        outage.add(durationSeconds: 7753 * 3600, deliveredCapacity: 1, facilityDelivered: true)
        XCTAssertEqual(outage.serviceAvailability, 1 - 7 / 8760, accuracy: 1e-12)
        XCTAssertEqual(outage.facilityAvailability, 1 - 7 / 8760, accuracy: 1e-12)
    }

    /// A run that throttles (ThrottlingSimulationTests' tank: predictive control holds 70 °C on afternoons that would
    /// reach ≈ 80 °C). With every GPU in service the delivered capacity never falls below the lowest DVFS state's
    /// throughput ratio r_min, so a commitment of r_min gives service availability exactly 1 while the strict figure
    /// (every GPU at full clock) is below 1. With a 100 % commitment any throttled stretch is downtime, so service
    /// availability equals the strict availability (no cooling groups: facility availability 1) to 1e-12.
    func testThrottlingAboveTheCommitmentIsNotDowntime() throws {
        let accelerator = try AcceleratorCatalogue.spec(named: "H100-SXM")
        let lowest = accelerator.memoryBoundThroughputRatio(clock: accelerator.clockStates.last!)
        var spec = ScenarioSpec(name: "throttle", horizonSeconds: 48 * 3600, samplingIntervalSeconds: 600,
                                facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerTank: 32),
                                coolingSystem: CoolingSystemBlock(primary: .liquidImmersion),
                                thermalManagement: ThermalManagementBlock(gpuTemperatureThresholdCelsius: 70, automaticThrottling: true,
                                                                          controller: .predictive),
                                plant: PlantSpec(supplySetpointCelsius: 30),
                                weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                                    hottestDayOfYear: 200, relativeHumidity: 0.5),
                                load: .diurnal(mean: 0.7, amplitude: 0.3, peakHour: 15))
        spec.serviceLevel = ServiceLevelSpec(committedCapacity: lowest, stated: true)
        let s = try FacilitySimulation(spec: spec).run().summary
        XCTAssertGreaterThan(s.throttledFraction, 0)
        XCTAssertLessThan(try XCTUnwrap(s.availability), 1)
        XCTAssertEqual(s.serviceAvailability, 1)
        XCTAssertEqual(s.facilityAvailability, 1)
        XCTAssertEqual(s.committedCapacity, lowest)
        spec.serviceLevel = ServiceLevelSpec(committedCapacity: 1, stated: true)
        let full = try FacilitySimulation(spec: spec).run().summary
        XCTAssertEqual(try XCTUnwrap(full.serviceAvailability), try XCTUnwrap(full.availability), accuracy: 1e-12)
    }

    /// A year of the 64-GPU immersion hall (no clock control, no GPU failures) whose two facility pumps have no spare:
    /// one fails at 100 h and is repaired after X = 9 h, leaving half the coolant flow — cooling below the 95 %
    /// commitment — for exactly 9 h. Service and facility availability are both 1 − 9/8,760 (tolerance 1e-12),
    /// and the default commitment is reported as assumed.
    func testCoolingOutageBelowTheCommitment() throws {
        let pumps = ReliabilitySpec.CoolingGroup(name: "pumps", component: .pump, neededUnits: 2, spareUnits: 0,
                                                 switchoverSeconds: 30, role: .coolantFlow)
        let reliability = ReliabilitySpec(coolingGroups: [pumps],
                                          scriptedFailures: [.init(group: "pumps", atSeconds: 100 * 3600, repairSeconds: 9 * 3600)],
                                          randomCoolingFailures: false)
        let spec = FailureSimulationTests.immersionSpec(hours: 8760, reliability: reliability)
        let s = try FacilitySimulation(spec: spec).run().summary
        XCTAssertEqual(try XCTUnwrap(s.serviceAvailability), 1 - 9.0 / 8760, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(s.facilityAvailability), 1 - 9.0 / 8760, accuracy: 1e-12)
        XCTAssertEqual(s.committedCapacity, ServiceLevelSpec.defaultCommittedCapacity)
        XCTAssertTrue(try XCTUnwrap(s.committedCapacityBasis).hasPrefix("default, assumed"))
    }
}
