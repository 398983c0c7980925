import FacilitySim
import Foundation
import Telemetry

/// One shadow run: telemetry aligned with the twin, compared before calibration, optionally calibrated (with drifting
/// signals found by CUSUM and left out of the final fit), compared after, and scanned for drift.
public struct ShadowRun: Sendable {
    public var scenarioName: String
    public var telemetrySource: String
    public var data: ShadowData
    /// Comparison at the scenario's values.
    public var before: [SignalComparison]
    public var predictionBefore: ShadowPrediction
    /// Calibration, comparison and prediction with the calibrated values (nil without `--fit`).
    public var calibration: ShadowCalibration?
    public var after: [SignalComparison]?
    public var predictionAfter: ShadowPrediction?
    /// Drift alarms of the final model (calibrated, if calibrated), and the CUSUM state it ended with.
    public var alarms: [DriftDetector.Alarm]
    public var cusumPeak: [String: Double]
    public var bands: [String: Double]
    public var cusumStates: [String: DriftDetector.State]

    /// Runs shadow mode for `plant` on `data`, fitting `parameters` (none: compare and watch only).
    /// - Throws: `ShadowError`, `SimMathError` from the fit.
    public static func run(plant: ShadowPlant, data: ShadowData, fit parameters: [ShadowParameter], detector given: DriftDetector = DriftDetector()) throws -> ShadowRun {
        var detector = given
        if detector.settleSeconds == 0 { detector.settleSeconds = 3 * plant.tankTimeConstantSeconds(plant.scenarioValues) }
        let base = plant.predict(data, values: plant.scenarioValues)
        var run = ShadowRun(scenarioName: plant.spec.name, telemetrySource: data.source, data: data,
                            before: SignalComparison.compare(data, base), predictionBefore: base,
                            alarms: [], cusumPeak: [:], bands: [:], cusumStates: [:])
        var final = base
        if !parameters.isEmpty {
            var calibration = try ShadowCalibration.fit(parameters, plant: plant, data: data)
            var prediction = plant.predict(data, values: calibration.values)
            // Signals that drift away from the first calibrated model are left out of the final fit.
            var states: [String: DriftDetector.State] = [:]
            let first = detector.scan(data, prediction, sigma: DriftDetector.bands(data, prediction), states: &states)
            if !first.alarms.isEmpty {
                let drifting = Set(data.measured.map(\.signal).filter { s in first.alarms.contains { $0.signal == s.description } })
                calibration = try ShadowCalibration.fit(parameters, plant: plant, data: data, excluding: drifting)
                prediction = plant.predict(data, values: calibration.values)
            }
            run.calibration = calibration
            run.after = SignalComparison.compare(data, prediction)
            run.predictionAfter = prediction
            final = prediction
        }
        run.bands = DriftDetector.bands(data, final)
        var states: [String: DriftDetector.State] = [:]
        let scan = detector.scan(data, final, sigma: run.bands, states: &states)
        run.alarms = scan.alarms
        run.cusumPeak = scan.maxStatistic
        run.cusumStates = states
        return run
    }

    /// The pooled comparison of a kind (`gpu_temperature`, `facility_power` …) before and after calibration.
    public func pooled(_ kind: ShadowSignal.Kind) -> (before: SignalComparison?, after: SignalComparison?) {
        (before.first { $0.signal == kind.rawValue } , after?.first { $0.signal == kind.rawValue })
    }
}
