/// The parameters one run uses: every `PlantParameter` with its default (`PlantParameter.defaultEntry`) or the
/// scenario's override, and a record of which ones the run read.
///
/// The plant model reads every physical parameter through `subscript(_:)`, which records the read, so
/// `usedEntries` is exactly what the run depended on (summary.json lists it; a test fails on any parameter the plant
/// uses without reading it here — see `PlantParameterCatalogueTests`). For sensitivity studies `entries` is the
/// iterable list (name, unit, value, plausible range, source) and `setting(_:to:)` gives a catalogue with one value
/// moved.
///
/// A reference type on purpose: one catalogue belongs to one simulation (built in its initialiser, never shared
/// between threads), and reads from non-mutating model code must still be recorded.
public final class ParameterCatalogue {
    /// Values indexed by `PlantParameter.allCases` order. Unchecked exclusivity: the catalogue belongs to one simulation
    /// on one thread (see above) and no access overlaps another, so the per-read dynamic checks (most of a measured
    /// replay's time, `factory-twin bench shadow`) are dropped.
    @exclusivity(unchecked) private var values: [Double]
    private var sources: [ParameterSource]
    @exclusivity(unchecked) private var read: [Bool]

    /// The defaults of every parameter.
    public init() {
        let all = PlantParameter.allCases
        values = all.map { $0.defaultEntry.value }
        sources = all.map { $0.defaultEntry.source }
        read = Array(repeating: false, count: all.count)
    }

    /// The defaults with `overrides` (from the scenario file) replacing theirs; an override's source is `.scenario`.
    public convenience init(overrides: [PlantParameter: Double]) {
        self.init()
        for (p, v) in overrides { set(p, to: v, source: .scenario(defaultSource: p.defaultEntry.source.text)) }
    }

    /// Sets `parameter` to `value` (a sensitivity study or a scenario override).
    public func set(_ parameter: PlantParameter, to value: Double, source: ParameterSource? = nil) {
        let i = parameter.index
        values[i] = value
        sources[i] = source ?? .scenario(defaultSource: parameter.defaultEntry.source.text)
    }

    /// A copy with `parameter` at `value` and nothing recorded as read.
    public func setting(_ parameter: PlantParameter, to value: Double) -> ParameterCatalogue {
        let copy = ParameterCatalogue()
        copy.values = values
        copy.sources = sources
        copy.set(parameter, to: value)
        return copy
    }

    /// The value of `parameter`, recording that the run used it.
    @inline(__always)
    public subscript(_ parameter: PlantParameter) -> Double {
        let i = parameter.index
        read[i] = true
        return values[i]
    }

    /// The value without recording a read (for reports and tests).
    public func peek(_ parameter: PlantParameter) -> Double { values[parameter.index] }

    /// The entry of `parameter` as in force (value and source may be the scenario's).
    public func entry(_ parameter: PlantParameter) -> ParameterEntry {
        let d = parameter.defaultEntry
        return ParameterEntry(parameter: parameter, unit: d.unit, value: values[parameter.index], plausibleRange: d.plausibleRange,
                              source: sources[parameter.index])
    }

    /// Every parameter in declaration order.
    public var entries: [ParameterEntry] { PlantParameter.allCases.map(entry) }

    /// The parameters read so far, in declaration order.
    public var usedEntries: [ParameterEntry] { PlantParameter.allCases.filter { read[$0.index] }.map(entry) }

    /// True when `parameter` has been read.
    public func wasRead(_ parameter: PlantParameter) -> Bool { read[parameter.index] }
}
