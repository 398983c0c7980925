import Foundation
import Telemetry

/// `summary.json` of a shadow run: what was read and skipped, the comparison before and after calibration, the
/// calibration and the drift alarms. Keys are snake_case; every physical value is in canonical units (W, °C, K/W, m³).
public struct ShadowSummary: Encodable {
    struct Calibration: Encodable {
        var estimates: [ShadowCalibration.Estimate]
        var correlation: [[Double]]
        /// Tank heat capacity implied by the fitted fluid volume (V·868 kg/m³·2,010 J/(kg·K)), J/K, with its interval.
        var tankHeatCapacityJoulesPerKelvin: [Double]?
        var sigma: [String: Double]
        var residuals: Int
        var iterations: Int
        var evaluations: Int
        var converged: Bool
        var excludedSignals: [String]
        var overlay: String

        enum CodingKeys: String, CodingKey {
            case estimates, correlation, tankHeatCapacityJoulesPerKelvin = "tank_heat_capacity_joules_per_kelvin", sigma, residuals
            case iterations, evaluations, converged, excludedSignals = "excluded_signals", overlay
        }
    }
    struct Drift: Encodable {
        var method = "two-sided CUSUM on standardised residuals"
        var k: Double
        var h: Double
        var clip: Double
        var settleSeconds: Double
        var sigma: [String: Double]
        var alarms: [DriftDetector.Alarm]
        var peakStatistic: [String: Double]

        enum CodingKeys: String, CodingKey { case method, k, h, clip, settleSeconds = "settle_seconds", sigma, alarms, peakStatistic = "peak_statistic" }
    }

    var scenario: String
    var telemetry: String
    var skipped: SkipCounts
    var firstInstant: String
    var lastInstant: String
    var comparisonUncalibrated: [SignalComparison]
    var calibration: Calibration?
    var comparisonCalibrated: [SignalComparison]?
    var drift: Drift

    enum CodingKeys: String, CodingKey {
        case scenario, telemetry, skipped, firstInstant = "first_instant", lastInstant = "last_instant"
        case comparisonUncalibrated = "comparison_uncalibrated", calibration, comparisonCalibrated = "comparison_calibrated", drift
    }

    init(_ run: ShadowRun, detector: DriftDetector, overlay: String?) {
        scenario = run.scenarioName
        telemetry = run.telemetrySource
        skipped = run.data.skips
        firstInstant = ISO8601.string(run.data.times.first ?? 0)
        lastInstant = ISO8601.string(run.data.times.last ?? 0)
        comparisonUncalibrated = run.before
        comparisonCalibrated = run.after
        if let c = run.calibration {
            let perVolume = 868.0 * 2010.0
            let volume = c.estimates.first { $0.parameter == ShadowParameter.fluidVolumePerTank.rawValue }
            calibration = Calibration(estimates: c.estimates, correlation: c.correlation,
                                      tankHeatCapacityJoulesPerKelvin: volume.map { [$0.estimate, $0.lower95, $0.upper95].map { $0 * perVolume } },
                                      sigma: c.sigma, residuals: c.residuals, iterations: c.iterations, evaluations: c.evaluations,
                                      converged: c.converged, excludedSignals: c.excluded, overlay: overlay ?? "")
        }
        drift = Drift(k: detector.k, h: detector.h, clip: detector.clip, settleSeconds: detector.settleSeconds, sigma: run.bands, alarms: run.alarms, peakStatistic: run.cusumPeak)
    }

    /// Pretty, key-sorted JSON; NaN written as null.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }
}
