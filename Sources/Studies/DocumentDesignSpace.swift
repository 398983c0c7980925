import Scenario

/// The design choices `factory-twin plan --meet document` searches: supply temperature, coolant, cooling
/// redundancy, heat rejection, UPS mode and hall size. Each axis is a list of options, and an option is a set of
/// `--set` overrides, so a design is the scenario file with those overrides — validated like any other — and the
/// search sees an axis as an integer variable (the option's index).
public struct DocumentDesignSpace: Sendable {
    /// One choice on an axis: its label and the overrides that make it.
    public struct Option: Sendable, Hashable {
        public var label: String
        public var overrides: [ScenarioOverride]

        public init(label: String, overrides: [String]) {
            self.label = label
            self.overrides = overrides.map { text in
                let equals = text.firstIndex(of: "=")!
                return ScenarioOverride(path: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
            }
        }
    }

    /// One design axis.
    public struct Axis: Sendable, Hashable {
        public var name: String
        public var options: [Option]
        /// Whether meeting the conditions gets easier along the axis (the search bisects such an axis).
        public var monotone: Bool

        public init(name: String, options: [Option], monotone: Bool = false) {
            self.name = name
            self.options = options
            self.monotone = monotone
        }
    }

    public var axes: [Axis]

    public init(axes: [Axis]) { self.axes = axes }

    /// The document's design space.
    ///
    /// - Supply temperature: 17…35 °C, the ASHRAE TC 9.9 liquid-cooling classes W17, W27, W32 and the range between
    ///   (shared references §2).
    /// - Coolant: tanks for the scenario's primary share with cold plates for the rest (the document's design), all
    ///   tanks, or all cold plates.
    /// - Redundancy of every cooling group: N, N+1, N+2, 2N (the scenario's `cooling_system.redundancy` choices).
    /// - Heat rejection: dry coolers with a trim chiller, dry coolers alone, an evaporative tower with a trim chiller.
    /// - UPS: double conversion or eco mode.
    /// - Hall size: 8…1,024 GPUs in doublings (one HGX server up to the reference hall); more GPUs never deliver
    ///   fewer tokens, so the axis is monotone.
    public static let document = DocumentDesignSpace(axes: [
        Axis(name: "supply temperature", options: [17, 21, 24, 27, 30, 32, 35].map {
            Option(label: "\($0) °C", overrides: ["heat_rejection.supply_setpoint=\($0)°C"])
        }),
        Axis(name: "coolant", options: [
            Option(label: "tanks + cold plates", overrides: ["cooling_system.primary=liquid_immersion", "cooling_system.secondary=direct_to_chip"]),
            Option(label: "tanks only", overrides: ["cooling_system.primary=liquid_immersion", "cooling_system.secondary=none", "facility.primary_share=1"]),
            Option(label: "cold plates only", overrides: ["cooling_system.primary=direct_to_chip", "cooling_system.secondary=none", "facility.primary_share=1"]),
        ]),
        Axis(name: "redundancy", options: ["n", "n+1", "n+2", "2n"].map {
            Option(label: $0.uppercased(), overrides: ["cooling_system.redundancy=\($0)"])
        }),
        Axis(name: "heat rejection", options: [
            Option(label: "dry coolers + trim chiller", overrides: ["heat_rejection.chiller=trim", "heat_rejection.cooling_tower=disabled"]),
            Option(label: "dry coolers, no chiller", overrides: ["heat_rejection.chiller=none", "heat_rejection.cooling_tower=disabled"]),
            Option(label: "tower + trim chiller", overrides: ["heat_rejection.chiller=trim", "heat_rejection.cooling_tower=enabled"]),
        ]),
        Axis(name: "UPS mode", options: [
            Option(label: "double conversion", overrides: ["power_chain.ups=double_conversion"]),
            Option(label: "eco mode", overrides: ["power_chain.ups=eco_mode"]),
        ]),
        Axis(name: "hall size", options: [8, 16, 32, 64, 128, 256, 512, 1024].map {
            Option(label: "\($0) GPUs", overrides: ["facility.gpus=\($0)"])
        }, monotone: true),
    ])

    /// Designs in the full grid.
    public var gridPoints: Int { axes.reduce(1) { $0 * $1.options.count } }

    /// The overrides of a design (one option index per axis).
    public func overrides(_ design: [Int]) -> [ScenarioOverride] {
        zip(axes, design).flatMap { $0.options[$1].overrides }
    }

    /// Axis name → option label of a design.
    public func labels(_ design: [Int]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(axes, design).map { ($0.name, $0.options[$1].label) })
    }
}
