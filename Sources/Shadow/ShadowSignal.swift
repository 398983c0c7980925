import Scenario

/// A signal of the twin that telemetry can measure: an input that drives the shadow plant or an output the
/// plant predicts and the comparison holds against the measurement.
///
/// Per-tank signals are written `tank[i].KIND` (i from 0), facility-wide ones `KIND`.
public struct ShadowSignal: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        // Inputs.
        /// Mean electrical power of one GPU of a tank, W (DCGM `DCGM_FI_DEV_POWER_USAGE` averaged over the tank).
        case gpuPower = "gpu_power"
        /// Facility-water supply temperature at the tanks' heat exchangers, °C.
        case supplyTemperature = "supply_temperature"
        /// Outdoor dry-bulb temperature, °C.
        case outdoorDryBulb = "outdoor_dry_bulb"
        // Outputs.
        /// Mean GPU (module) temperature of a tank, °C.
        case gpuTemperature = "gpu_temperature"
        /// Electrical power of the cooling pumps (facility water, tank loops, chilled water), W: the twin's `cooling_pumps`.
        case pumpPower = "pump_power"
        /// IT (server input) power, W.
        case itPower = "it_power"
        /// Facility power at the utility meter, W.
        case facilityPower = "facility_power"

        /// Whether the signal drives the plant (true) or is predicted by it.
        public var isInput: Bool { self == .gpuPower || self == .supplyTemperature || self == .outdoorDryBulb }
        /// Whether the signal is one per tank.
        public var perTank: Bool { self == .gpuPower || self == .gpuTemperature }
        /// The dimension its unit must have.
        public var dimension: Dimension {
            switch self {
            case .gpuPower, .pumpPower, .itPower, .facilityPower: return .power
            case .supplyTemperature, .outdoorDryBulb, .gpuTemperature: return .temperature
            }
        }
        /// Whether its errors are judged relative to the reading (power meters are specified in % of reading, e.g.
        /// IEC 62053-22 class 0.5 S) rather than in absolute units (temperature sensors: ± K).
        public var relativeError: Bool { dimension == .power }
        /// Canonical unit, for reports.
        public var unit: String { dimension == .power ? "W" : "°C" }
    }

    public var kind: Kind
    /// Tank index for per-tank signals, nil for facility-wide ones.
    public var tank: Int?

    public init(_ kind: Kind, tank: Int? = nil) {
        self.kind = kind
        self.tank = tank
    }

    /// `tank[3].gpu_temperature` or `pump_power`.
    public var description: String { tank.map { "tank[\($0)].\(kind.rawValue)" } ?? kind.rawValue }

    /// Parses `tank[i].KIND` or `KIND`; nil when it names no signal.
    public init?(parsing text: String) {
        if text.hasPrefix("tank["), let close = text.firstIndex(of: "]"),
           let i = Int(text[text.index(text.startIndex, offsetBy: 5)..<close]), i >= 0,
           text[text.index(after: close)...].first == "." {
            guard let kind = Kind(rawValue: String(text[text.index(close, offsetBy: 2)...])), kind.perTank else { return nil }
            self.init(kind, tank: i)
        } else {
            guard let kind = Kind(rawValue: text), !kind.perTank else { return nil }
            self.init(kind)
        }
    }

    public static func < (a: ShadowSignal, b: ShadowSignal) -> Bool {
        if a.kind != b.kind { return Kind.allCases.firstIndex(of: a.kind)! < Kind.allCases.firstIndex(of: b.kind)! }
        return (a.tank ?? -1) < (b.tank ?? -1)
    }
}
