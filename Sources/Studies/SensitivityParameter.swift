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

    /// The part of a design a parameter acts on.
    public enum Requirement: String, Sendable, Hashable {
        case immersion, directToChip, dryCoolers, economics, gpuFailures

        /// Why `spec` does not take the parameter, or nil when it does.
        func missing(in spec: ScenarioSpec) -> String? {
            let technologies = [spec.coolingSystem.primary, spec.coolingSystem.secondary]
            switch self {
            case .immersion: return technologies.contains(.liquidImmersion) ? nil : "no immersion tanks in this design"
            case .directToChip: return technologies.contains(.directToChip) ? nil : "no cold plates in this design"
            case .dryCoolers: return spec.plant.coolingTower ? "heat rejection by cooling tower, not dry coolers" : nil
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

/// The parameters a run's tornado varies until the parameter catalogue (issue 16, item 2) lands: scenario fields
/// that move a verdict, with ranges from the sources in `docs/scenario-reference.md` and the shared references.
public enum SensitivityCatalogue {
    /// Every default parameter, in the order ties are listed.
    public static let defaults: [SensitivityParameter] = [
        SensitivityParameter(name: "immersion.junction_to_fluid", unit: "K/W", low: 0.03, high: 0.08,
                             source: "0.05–0.08 K/W: shared references §2 (from h ≤ 2 kW/m²K, Birbarah et al., IJHMT 147 (2020) 118918, × finned area); 0.03 K/W: the low end of the estimates quoted in issue 16. Not measured for H100 in oil: assumption.",
                             assumed: true, requires: .immersion),
        SensitivityParameter(name: "immersion.hx_effectiveness", unit: "", low: 0.7, high: 0.9,
                             source: "Assumption: ±0.1 around the assumed 0.8 of a counterflow plate heat exchanger.", assumed: true, requires: .immersion),
        SensitivityParameter(name: "direct_to_chip.junction_to_case", unit: "K/W", low: 0.01, high: 0.04,
                             source: "Assumption: ½× to 2× the assumed 0.02 K/W (NVIDIA publishes no junction-to-case resistance).", assumed: true, requires: .directToChip),
        SensitivityParameter(name: "direct_to_chip.flow_per_gpu", unit: "L/min", low: 2, high: 5,
                             source: "The flow range of the OCP 1 kW OAM cold-plate table, 2–5 L/min (Modelica Buildings LiquidCooled/Racks/Data/OCP_1kW_OAM_Water).",
                             assumed: false, requires: .directToChip),
        SensitivityParameter(name: "direct_to_chip.cdu_approach", unit: "K", low: 2, high: 5,
                             source: "Assumption: around the 3 K approach of Modelica Buildings CDUs/Data/GoogleProjectDeschutes.", assumed: true, requires: .directToChip),
        SensitivityParameter(name: "heat_rejection.dry_cooler_approach", unit: "K", low: 5, high: 15,
                             source: "Assumption: ±5 K around the median dry-cooler approach of 10 K, Energies 16(9):3661 (2023).", assumed: true, requires: .dryCoolers),
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
