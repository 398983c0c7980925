import FacilitySim

/// One input of a tornado chart: a scenario field, the ends of its plausible range and where that range comes from.
///
/// The shape is that of a parameter-catalogue entry (name, value, low, high, source), so a catalogue can feed the
/// study: map each entry to a `SensitivityParameter` whose `name` is the `--set` path of the field it sets.
public struct SensitivityParameter: Sendable, Hashable {
    /// The scenario field as `--set` writes it, e.g. `immersion.junction_to_fluid`.
    public var name: String
    /// The unit the scenario reads `low` and `high` in, e.g. `K/W` (empty for a bare number or fraction).
    public var unit: String
    /// Ends of the plausible range, in `unit`.
    public var low: Double
    public var high: Double
    /// Paper or datasheet (table, figure) of the range, or the reason it is an assumption.
    public var source: String
    /// True when the range is an assumption.
    public var assumed: Bool
    /// What the scenario must have for the field to act (a field of a plant it does not have changes nothing,
    /// and an `economics.` field would add a cost model the nominal run does not have).
    public var requires: Requirement

    /// The part of a design a parameter acts on (`always` for a plant-catalogue entry the nominal run read).
    public enum Requirement: String, Sendable, Hashable {
        case always, economics, gpuFailures

        /// Why `spec` does not take the parameter, or nil when it does.
        func missing(in spec: ScenarioSpec) -> String? {
            switch self {
            case .always: return nil
            case .economics: return spec.economics == nil ? "the scenario has no economics block" : nil
            case .gpuFailures: return spec.reliability.gpu == nil ? "GPU failures are not modelled in this scenario" : nil
            }
        }
    }

    public init(name: String, unit: String, low: Double, high: Double, source: String, assumed: Bool, requires: Requirement) {
        self.name = name
        self.unit = unit
        self.low = low
        self.high = high
        self.source = source
        self.assumed = assumed
        self.requires = requires
    }

    /// The `--set` override putting the field at `value` (a number followed by the unit, as the scenario writes it).
    public func override(_ value: Double) -> String {
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return unit.isEmpty ? "\(name)=\(number)" : "\(name)=\(number) \(unit)"
    }
}

/// The parameters a run's tornado varies: every entry of the plant's parameter catalogue that the nominal run read
/// (`summary.parameters`: its plausible range and source, set through the scenario's `parameters:` block — one
/// catalogue for the model, the report and the study), and the cost and reliability inputs that live outside it.
public enum SensitivityCatalogue {
    /// The plant parameters `nominal` read, then `others`.
    public static func parameters(readBy nominal: RunSummary) -> [SensitivityParameter] {
        let plant = (nominal.parameters ?? []).map { use in
            SensitivityParameter(name: "parameters.\(use.name)", unit: "", low: use.plausibleLow, high: use.plausibleHigh,
                                 source: use.source, assumed: use.assumed, requires: .always)
        }
        return plant + others
    }

    /// Inputs outside the plant catalogue: prices, amortisation, cost of capital, GPU reliability.
    public static let others: [SensitivityParameter] = [
        SensitivityParameter(name: "economics.energy_price", unit: "USD/kWh", low: 0.068, high: 0.18,
                             source: "US industrial electricity 2024 by state, 6.79 (IA) to 18.04 (MA) ¢/kWh: EIA Electric Power Monthly Table 5.6.B.",
                             assumed: false, requires: .economics),
        SensitivityParameter(name: "economics.server_price", unit: "USD", low: 199_000, high: 317_000,
                             source: "DGX H100 base list ~$199k (supercluster.blog) to HGX H100 node quotes of $317k incl. InfiniBand (shared references §7).",
                             assumed: false, requires: .economics),
        SensitivityParameter(name: "economics.server_amortisation", unit: "years", low: 3, high: 5,
                             source: "GPU depreciation 3–5 years (computetape.com 2025, docs/scenario-reference.md economics).", assumed: false, requires: .economics),
        SensitivityParameter(name: "economics.cost_of_capital", unit: "", low: 0.05, high: 0.11,
                             source: "Assumption: ±3 points around the assumed 8 %.", assumed: true, requires: .economics),
        SensitivityParameter(name: "reliability.gpu.mtbf", unit: "h", low: 25_350, high: 101_400,
                             source: "Assumption: ½× to 2× the 50,700 GPU-hours of the Llama 3 report (arXiv 2407.21783; shared references §5).",
                             assumed: true, requires: .gpuFailures),
    ]
}
