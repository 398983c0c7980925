import XCTest
@testable import FacilityModels

/// GPU failure rate: the Llama 3 fleet rate at the reference temperature, Arrhenius acceleration.
///
/// Hand values: Eₐ/k = 0.7/8.617e-5 = 8,123.48 K.
/// - 70 → 80 °C: 1/343.15 − 1/353.15 = 8.25195e-5 K⁻¹ → exp(0.670346) = 1.9549 (reference doc: 1.95×);
/// - 60 → 70 °C: 1/333.15 − 1/343.15 = 8.74734e-5 K⁻¹ → exp(0.710589) = 2.0352 (reference doc: 2.04×);
/// - 70 → 87 °C: 3.06× (reference doc).
/// Llama 3: 16,384 GPUs · 54 d · 24 h / 419 = 21,233,664 / 419 = 50,677 GPU-h (reference doc: ≈ 50,700).
final class ReliabilityGPUTests: XCTestCase {
    /// The reference doc's derived factors, to the two decimals it prints (tolerance 0.005), and the
    /// four-digit hand values above (tolerance 1e-4).
    func testArrheniusFactorsMatchReferenceDoc() throws {
        let ea = 0.7
        let af7080 = try GPUReliability.arrheniusFactor(fromCelsius: 70, toCelsius: 80, activationEnergyElectronVolts: ea)
        let af6070 = try GPUReliability.arrheniusFactor(fromCelsius: 60, toCelsius: 70, activationEnergyElectronVolts: ea)
        let af7087 = try GPUReliability.arrheniusFactor(fromCelsius: 70, toCelsius: 87, activationEnergyElectronVolts: ea)
        XCTAssertEqual(af7080, 1.95, accuracy: 0.005)
        XCTAssertEqual(af6070, 2.04, accuracy: 0.005)
        XCTAssertEqual(af7087, 3.06, accuracy: 0.005)
        XCTAssertEqual(af7080, 1.9549, accuracy: 1e-4)
        XCTAssertEqual(af6070, 2.0352, accuracy: 1e-4)
    }

    /// Arrhenius factors compose and invert: AF(60→80) = AF(60→70)·AF(70→80), AF(80→70) = 1/AF(70→80),
    /// AF(T→T) = 1 (exact algebra; tolerance 1e-12 relative for rounding).
    func testArrheniusFactorsCompose() throws {
        func af(_ a: Double, _ b: Double) throws -> Double {
            try GPUReliability.arrheniusFactor(fromCelsius: a, toCelsius: b, activationEnergyElectronVolts: 0.7)
        }
        XCTAssertEqual(try af(60, 80), try af(60, 70) * af(70, 80), accuracy: 1e-12 * 4)
        XCTAssertEqual(try af(80, 70), 1 / (try af(70, 80)), accuracy: 1e-12)
        XCTAssertEqual(try af(55, 55), 1)
        XCTAssertEqual(try GPUReliability.arrheniusFactor(fromCelsius: 20, toCelsius: 90, activationEnergyElectronVolts: 0), 1)
    }

    /// At the reference temperature (70 °C, Assumption) the MTBF is the Llama 3 rate: 50,677 GPU-h,
    /// within 0.1 % of the reference doc's rounded 50,700; the hazard is its inverse, and 16,384 GPUs held
    /// at 70 °C for 54 days expect exactly the 419 observed interruptions (tolerance 1e-9 relative).
    func testReferenceRateIsLlama3() throws {
        let gpu = GPUReliability.llama3
        XCTAssertEqual(gpu.referenceJunctionCelsius, 70)
        XCTAssertEqual(gpu.referenceMTBFHours, 21_233_664.0 / 419, accuracy: 1e-9)
        XCTAssertEqual(gpu.referenceMTBFHours, 50_700, accuracy: 0.001 * 50_700)
        XCTAssertEqual(try gpu.mtbfHours(junctionCelsius: 70), gpu.referenceMTBFHours, accuracy: 1e-9)
        XCTAssertEqual(try gpu.hazardRatePerHour(junctionCelsius: 70), 419 / 21_233_664.0, accuracy: 1e-15)
        let failures = try gpu.expectedFailures(gpuCount: 16_384, junctionCelsius: 70, durationSeconds: 54 * 86_400)
        XCTAssertEqual(failures, 419, accuracy: 419e-9)
    }

    /// At 80 °C the same fleet and interval expect 419 · 1.9549 = 819.1 failures (tolerance 0.1); at 60 °C
    /// 419 / 2.0352 = 205.9 (tolerance 0.1). One GPU at the reference temperature for one MTBF fails with
    /// probability 1 − e⁻¹ = 0.6321206 (tolerance 1e-7).
    func testTemperatureAcceleratesExpectedFailures() throws {
        let gpu = GPUReliability.llama3
        let hot = try gpu.expectedFailures(gpuCount: 16_384, junctionCelsius: 80, durationSeconds: 54 * 86_400)
        XCTAssertEqual(hot, 819.1, accuracy: 0.1)
        let cool = try gpu.expectedFailures(gpuCount: 16_384, junctionCelsius: 60, durationSeconds: 54 * 86_400)
        XCTAssertEqual(cool, 205.9, accuracy: 0.1)
        let oneMTBF = gpu.referenceMTBFHours * 3_600
        XCTAssertEqual(try gpu.failureProbability(junctionCelsius: 70, durationSeconds: oneMTBF), 0.6321206, accuracy: 1e-7)
        XCTAssertEqual(try gpu.timeToFailureSeconds(junctionCelsius: 80).mean,
                       oneMTBF / 1.9549, accuracy: 1e-4 * oneMTBF)
    }

    /// Replacement time (Assumption: 24 h, lognormal CV 1): mean 86,400 s, standard deviation 86,400 s
    /// (tolerance 1e-9 relative).
    func testReplacementTime() throws {
        let replacement = GPUReliability.llama3.replacementTimeSeconds
        XCTAssertEqual(replacement.mean, 86_400, accuracy: 86_400e-9)
        XCTAssertEqual(replacement.standardDeviation, 86_400, accuracy: 86_400e-9)
        let fixed = try GPUReliability(replacementHours: 4, replacementLaw: .fixed)
        XCTAssertEqual(fixed.replacementTimeSeconds, .constant(14_400))
    }

    /// Impossible inputs throw: temperatures at or below absolute zero or NaN, negative counts or
    /// durations, non-positive MTBF.
    func testInvalidInputsThrow() {
        let gpu = GPUReliability.llama3
        XCTAssertThrowsError(try gpu.hazardRatePerHour(junctionCelsius: -300))
        XCTAssertThrowsError(try gpu.hazardRatePerHour(junctionCelsius: .nan))
        XCTAssertThrowsError(try gpu.expectedFailures(gpuCount: -1, junctionCelsius: 70, durationSeconds: 1))
        XCTAssertThrowsError(try gpu.expectedFailures(gpuCount: 1, junctionCelsius: 70, durationSeconds: -1))
        XCTAssertThrowsError(try GPUReliability(referenceMTBFHours: 0))
        XCTAssertThrowsError(try GPUReliability.arrheniusFactor(fromCelsius: 70, toCelsius: 80,
                                                                activationEnergyElectronVolts: -0.7))
    }
}
