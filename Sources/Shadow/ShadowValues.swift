import FacilitySim

/// Values of every calibratable parameter (`ShadowParameter`), canonical units.
public struct ShadowValues: Sendable, Equatable {
    var values: [Double]

    /// The values `spec` holds (its fields, or their sourced defaults).
    public init(spec: ScenarioSpec) {
        values = ShadowParameter.allCases.map { $0.value(in: spec) }
    }

    public subscript(_ p: ShadowParameter) -> Double {
        get { values[ShadowParameter.allCases.firstIndex(of: p)!] }
        set { values[ShadowParameter.allCases.firstIndex(of: p)!] = newValue }
    }
}

/// What the shadow plant predicts at each telemetry instant.
public struct ShadowPrediction: Sendable {
    /// GPU (module) temperature per tank, °C: `gpuTemperature[tank][row]`.
    public var gpuTemperature: [[Double]]
    /// Pump, IT and facility power, W, per row.
    public var pumpPower: [Double]
    public var itPower: [Double]
    public var facilityPower: [Double]

    init(rows: Int, tanks: Int) {
        gpuTemperature = Array(repeating: Array(repeating: 0, count: rows), count: tanks)
        pumpPower = Array(repeating: 0, count: rows)
        itPower = pumpPower
        facilityPower = pumpPower
    }

    /// The predicted series of an output signal (nil for an input or a tank beyond the hall).
    public func values(_ signal: ShadowSignal) -> [Double]? {
        switch signal.kind {
        case .gpuTemperature: return signal.tank.flatMap { $0 < gpuTemperature.count ? gpuTemperature[$0] : nil }
        case .pumpPower: return pumpPower
        case .itPower: return itPower
        case .facilityPower: return facilityPower
        case .gpuPower, .supplyTemperature, .outdoorDryBulb: return nil
        }
    }
}

/// Errors of shadow mode that are not located in a telemetry or map file.
public enum ShadowError: Error, CustomStringConvertible, Sendable {
    case unsupportedScenario(String)
    case fit(String)

    public var description: String {
        switch self {
        case .unsupportedScenario(let m): return "error: scenario: \(m)"
        case .fit(let m): return "error: fit: \(m)"
        }
    }
}
