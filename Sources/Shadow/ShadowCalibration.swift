import FacilityModels
import SimMath

/// Calibrates scenario parameters against telemetry: bounded nonlinear least squares (`NonlinearLeastSquares`, GSL's
/// trust region) on the standardised errors of the outputs the parameters act on, each estimate with its 95 % interval,
/// the correlation matrix and the parameters the data cannot identify.
///
/// Residuals are (simulated − measured)/σ for every measured GPU temperature sample and (simulated − measured)/(σ·measured)
/// for every pump power and facility power sample (meters err in % of reading)
/// (IT power is left out: no calibrated parameter acts on it). σ is one per kind of signal, taken as the RMS error
/// of that kind after a first fit with σ = the RMS error at the scenario's values (two-step feasible weighted least
/// squares), so that a kelvin and a kilowatt weigh by how well each is measured; the covariance is scaled by the final
/// residual variance.
public struct ShadowCalibration: Sendable {
    /// One calibrated parameter.
    public struct Estimate: Sendable, Codable, Equatable {
        public var parameter: String
        public var unit: String
        /// Value in the scenario before calibration and the estimate.
        public var scenarioValue: Double
        public var estimate: Double
        public var standardError: Double
        public var lower95: Double
        public var upper95: Double
        /// The data cannot identify it (see `NonlinearFit.unidentifiable`); its value is then not written to the overlay.
        public var unidentifiable: Bool

        enum CodingKeys: String, CodingKey {
            case parameter, unit, scenarioValue = "scenario_value", estimate, standardError = "standard_error"
            case lower95 = "lower_95", upper95 = "upper_95", unidentifiable
        }
    }

    public var estimates: [Estimate]
    /// Correlation of the estimates, in the order of `estimates`.
    public var correlation: [[Double]]
    /// σ per kind of signal used in the final fit (canonical units).
    public var sigma: [String: Double]
    public var residuals: Int
    public var iterations: Int
    public var evaluations: Int
    public var converged: Bool
    /// Signals left out of the fit (drift alarms).
    public var excluded: [String]
    /// The calibrated values (scenario values for the parameters not fitted or not identifiable).
    public var values: ShadowValues

    /// Fits `parameters` of `plant` to `data`, leaving out the signals in `excluding`.
    /// - Throws: `ShadowError.fit` when no output the parameters act on is measured; `SimMathError` from GSL.
    public static func fit(_ parameters: [ShadowParameter], plant: ShadowPlant, data: ShadowData,
                           excluding: Set<ShadowSignal> = []) throws -> ShadowCalibration {
        let kinds: [ShadowSignal.Kind] = [.gpuTemperature, .pumpPower, .facilityPower]
        // (output index into data.measured, kind index) of every signal used, and its valid rows.
        var used: [(signal: Int, kind: Int, rows: [Int])] = []
        for (i, m) in data.measured.enumerated() {
            guard let kind = kinds.firstIndex(of: m.signal.kind), !excluding.contains(m.signal) else { continue }
            let rows = m.values.indices.filter { !m.values[$0].isNaN }
            if !rows.isEmpty { used.append((i, kind, rows)) }
        }
        let n = used.reduce(0) { $0 + $1.rows.count }
        guard n > parameters.count else {
            throw ShadowError.fit("the telemetry measures no GPU temperature, pump power or facility power to fit \(parameters.map(\.rawValue)) to")
        }
        let base = plant.scenarioValues
        func values(_ x: [Double]) -> ShadowValues {
            var v = base
            for (k, p) in parameters.enumerated() { v[p] = x[k] }
            return v
        }
        func rawErrors(_ v: ShadowValues) -> [Double] {
            let prediction = plant.predict(data, values: v)
            var sums = Array(repeating: 0.0, count: kinds.count), counts = sums
            for u in used {
                let m = data.measured[u.signal]
                let s = prediction.values(m.signal)!
                let relative = m.signal.kind.relativeError
                for r in u.rows {
                    let e = (s[r] - m.values[r]) / (relative ? max(abs(m.values[r]), 1e-9) : 1)
                    sums[u.kind] += e * e
                    counts[u.kind] += 1
                }
            }
            return zip(sums, counts).map { $1 > 0 ? max(($0 / $1).squareRoot(), 1e-9) : 1 }
        }
        func run(sigma: [Double], from start: [Double]) throws -> NonlinearFit {
            try NonlinearLeastSquares.fit(initial: start, lower: parameters.map(\.bounds.lower), upper: parameters.map(\.bounds.upper),
                                          residualCount: n, maxIterations: 200) { x, r in
                let prediction = plant.predict(data, values: values(x))
                var j = 0
                for u in used {
                    let m = data.measured[u.signal]
                    let s = prediction.values(m.signal)!
                    let w = 1 / sigma[u.kind]
                    if m.signal.kind.relativeError {
                        for row in u.rows { r[j] = (s[row] - m.values[row]) * w / max(abs(m.values[row]), 1e-9); j += 1 }
                    } else {
                        for row in u.rows { r[j] = (s[row] - m.values[row]) * w; j += 1 }
                    }
                }
            }
        }
        let start = parameters.map { base[$0] }
        let first = try run(sigma: rawErrors(base), from: start)
        let sigma = rawErrors(values(first.estimate))
        let fit = try run(sigma: sigma, from: first.estimate)
        let flags = fit.unidentifiable()
        let intervals = fit.intervals95
        var calibrated = base
        var estimates: [Estimate] = []
        for (k, p) in parameters.enumerated() {
            if !flags[k] { calibrated[p] = fit.estimate[k] }
            estimates.append(Estimate(parameter: p.rawValue, unit: p.unit, scenarioValue: base[p], estimate: fit.estimate[k],
                                      standardError: fit.standardErrors[k], lower95: intervals[k].lowerBound,
                                      upper95: intervals[k].upperBound, unidentifiable: flags[k]))
        }
        var sigmaByKind: [String: Double] = [:]
        for (i, kind) in kinds.enumerated() where used.contains(where: { $0.kind == i }) { sigmaByKind[kind.rawValue] = sigma[i] }
        return ShadowCalibration(estimates: estimates, correlation: fit.correlation, sigma: sigmaByKind, residuals: n,
                                 iterations: first.iterations + fit.iterations, evaluations: first.evaluations + fit.evaluations,
                                 converged: fit.converged, excluded: excluding.map(\.description).sorted(), values: calibrated)
    }
}
