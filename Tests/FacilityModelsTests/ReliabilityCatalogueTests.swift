import XCTest
import SimMath
@testable import FacilityModels

/// Component catalogue: IEEE 493 figures, the CDU assumption, failure/repair laws as SimMath distributions.
final class ReliabilityCatalogueTests: XCTestCase {
    /// The catalogue rows are the IEEE 493-2007 "all modes" figures of
    /// equinor/neqsim src/main/resources/reliabilitydata/ieee493_equipment.csv (reference doc §5):
    /// pump 5,950/39 h, centrifugal chiller 10,950/72 h, induced-draft cooling tower 17,520/32 h,
    /// centrifugal fan 8,760/16 h, static UPS 15,900/25 h, dry-type transformer > 750 kVA 175,200/72 h.
    /// Exact (tolerance 0): these are transcribed constants.
    func testCatalogueCarriesIEEE493Figures() throws {
        let expected: [(ComponentReliability, Double, Double)] = [
            (.pump, 5_950, 39), (.centrifugalChiller, 10_950, 72), (.coolingTower, 17_520, 32),
            (.centrifugalFan, 8_760, 16), (.staticUPS, 15_900, 25), (.dryTypeTransformer, 175_200, 72),
        ]
        for (component, mtbf, mttr) in expected {
            XCTAssertEqual(component.mtbfHours, mtbf, component.name)
            XCTAssertEqual(component.mttrHours, mttr, component.name)
            XCTAssertTrue(component.source.contains("IEEE Std 493-2007"), component.name)
            XCTAssertEqual(component.failureLaw, .exponential)
            XCTAssertEqual(component.repairLaw, .lognormal(coefficientOfVariation: 1.0))
            XCTAssertNoThrow(try component.validate())
        }
        XCTAssertEqual(Set(ComponentReliability.catalogue.map(\.name)).count, ComponentReliability.catalogue.count)
    }

    /// CDU = pump + small PLC + control-valve positioner in series (Assumption). Hand calculation:
    /// λ = 1/5,950 + 1/219,000 + 1/36,500 = 1.680672e-4 + 4.566210e-6 + 2.739726e-5 = 2.000307e-4 /h,
    /// MTBF = 1/λ = 4,999.23 h; MTTR = (39·1.680672e-4 + 6·4.566210e-6 + 6·2.739726e-5)/λ
    /// = (6.554622e-3 + 2.739726e-5 + 1.643836e-4)/2.000307e-4 = 33.727 h. Tolerance 0.01 h.
    func testCDUIsPumpPlusControlsInSeries() throws {
        let cdu = ComponentReliability.cdu
        XCTAssertEqual(cdu.mtbfHours, 4_999.23, accuracy: 0.01)
        XCTAssertEqual(cdu.mttrHours, 33.727, accuracy: 0.01)
        XCTAssertTrue(cdu.source.hasPrefix("Assumption:"))
        XCTAssertLessThan(cdu.unitAvailability, ComponentReliability.pump.unitAvailability)
        let rebuilt = try ComponentReliability.series(name: "cdu", source: "x",
                                                      [.pump, .smallPLC, .controlValvePositioner])
        XCTAssertEqual(rebuilt.mtbfHours, cdu.mtbfHours, accuracy: 1e-9)
        XCTAssertThrowsError(try ComponentReliability.series(name: "empty", source: "x", []))
    }

    /// Distributions in seconds keep the catalogue means: exponential mean 5,950·3,600 = 21,420,000 s;
    /// Weibull shape 2 has scale MTBF/Γ(1.5) = 21,420,000/0.8862269 = 24,169,945 s and mean MTBF;
    /// lognormal CV 1 of MTTR 39 h has mean 140,400 s and standard deviation 140,400 s; fixed repair is
    /// the constant 140,400 s. Relative tolerance 1e-12.
    func testLawsBecomeDistributionsWithCatalogueMeans() throws {
        let pump = ComponentReliability.pump
        XCTAssertEqual(pump.timeToFailureSeconds, .exponential(mean: 21_420_000))
        let weibull = pump.with(failureLaw: .weibull(shape: 2)).timeToFailureSeconds
        guard case let .weibull(shape, scale) = weibull else { return XCTFail("expected a Weibull law") }
        XCTAssertEqual(shape, 2)
        XCTAssertEqual(scale, 21_420_000 / 0.886226925452758, accuracy: 1e-12 * scale)
        XCTAssertEqual(weibull.mean, 21_420_000, accuracy: 1e-12 * 21_420_000)
        let repair = pump.timeToRepairSeconds
        XCTAssertEqual(repair.mean, 140_400, accuracy: 1e-12 * 140_400)
        XCTAssertEqual(repair.standardDeviation, 140_400, accuracy: 1e-9 * 140_400)
        XCTAssertEqual(pump.with(repairLaw: .fixed).timeToRepairSeconds, .constant(140_400))
        XCTAssertEqual(pump.with(repairLaw: .exponential).timeToRepairSeconds, .exponential(mean: 140_400))
    }

    /// Unit availability a = MTBF/(MTBF + MTTR): pump 5,950/5,989 = 0.99348806, unavailability
    /// 39/5,989 = 0.00651194; time scaling by 0.001 keeps a. Tolerance 1e-8 (and 1e-15 for the scaled copy).
    func testUnitAvailabilityAndTimeScaling() throws {
        let pump = ComponentReliability.pump
        XCTAssertEqual(pump.unitAvailability, 0.99348806, accuracy: 1e-8)
        XCTAssertEqual(pump.unitUnavailability, 0.00651194, accuracy: 1e-8)
        XCTAssertEqual(pump.failureRatePerHour, 1 / 5_950, accuracy: 1e-15)
        let scaled = try pump.timeScaled(by: 0.001)
        XCTAssertEqual(scaled.mtbfHours, 5.95, accuracy: 1e-12)
        XCTAssertEqual(scaled.unitAvailability, pump.unitAvailability, accuracy: 1e-15)
        XCTAssertThrowsError(try pump.timeScaled(by: 0))
    }

    /// Look-up by scenario name is case- and separator-insensitive; an unknown name lists the known ones.
    func testNamedLookup() throws {
        XCTAssertEqual(try ComponentReliability.named("Centrifugal-Chiller"), .centrifugalChiller)
        XCTAssertEqual(try ComponentReliability.named("cdu"), .cdu)
        XCTAssertThrowsError(try ComponentReliability.named("warp_core")) { error in
            guard case let ReliabilityError.unknownComponent(name, known) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "warp_core")
            XCTAssertTrue(known.contains("pump"))
        }
    }

    /// Bad parameters throw a ReliabilityError naming the parameter instead of trapping.
    func testInvalidParametersThrow() {
        let bad: [ComponentReliability] = [
            ComponentReliability(name: "zero", mtbfHours: 0, mttrHours: 1, source: "test"),
            ComponentReliability(name: "nan", mtbfHours: 10, mttrHours: .nan, source: "test"),
            ComponentReliability.pump.with(failureLaw: .weibull(shape: 0)),
            ComponentReliability.pump.with(repairLaw: .lognormal(coefficientOfVariation: -1)),
        ]
        for component in bad {
            XCTAssertThrowsError(try component.validate()) { error in
                XCTAssertTrue(error is ReliabilityError, "\(error)")
                XCTAssertFalse("\(error)".isEmpty)
            }
        }
    }
}
