import FacilityModels
import FacilitySim

extension SpecBuilder {
    /// The `parameters:` block: any plant catalogue parameter by its name (`PlantParameter.name`, which carries the unit,
    /// e.g. `immersionJunctionToFluidKelvinPerWatt: 0.05`), as a plain number in that unit, within the parameter's
    /// plausible range. Unknown names are reported with the closest known one.
    func readParameters(_ m: MappingCursor) -> [PlantParameter: Double] {
        var overrides: [PlantParameter: Double] = [:]
        for key in m.keys {
            guard let p = PlantParameter(name: key) else { continue }   // reported by rejectUnknownKeys with a suggestion
            let e = p.defaultEntry
            if let v = m.quantity(key, .dimensionless, range: e.plausibleRange) { overrides[p] = v }
        }
        for p in PlantParameter.allCases { m.accept(p.name) }
        m.rejectUnknownKeys()
        return overrides
    }
}
