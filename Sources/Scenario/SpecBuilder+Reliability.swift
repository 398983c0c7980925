import FacilityModels
import FacilitySim
import Foundation
import Yams

extension SpecBuilder {
    /// The `reliability` block (issue 6): cooling-unit redundancy groups, scripted failures, GPU failures.
    ///
    /// ```yaml
    /// reliability:
    ///   cooling_units:
    ///     - {name: facility_pumps, component: pump, needed: 2, role: coolant_flow, switchover: 30 s}
    ///   random_failures: enabled        # MTBF-driven failures of the cooling units (scripted ones always happen)
    ///   scripted_failures:
    ///     - {group: facility_pumps, at: 0 h, repair: 200 h, unit: standby}   # spare out for maintenance
    ///     - {group: facility_pumps, at: 62 h, repair: 39 h}                  # a running pump fails
    ///   gpu_failures: enabled
    ///   gpu: {mtbf: 50700 h, reference_temperature: 70 °C, activation_energy: 0.7, replacement: 24 h}
    /// ```
    func readReliability() -> [(inout ScenarioSpec) -> Void] {
        guard let m = root.mapping("reliability") else { return [] }
        defer { m.rejectUnknownKeys() }
        var groups: [ReliabilitySpec.CoolingGroup] = []
        var ok = true
        let units = m.sequence("cooling_units") ?? []
        // Names as written, even of groups with errors, so a scripted failure's group is checked against them.
        let declared = units.compactMap { $0.node.mapping?["name"]?.scalar?.string }
        for (node, path) in units {
            guard let g = MappingCursor(reader: reader, node: node, path: path) else { ok = false; continue }
            if let group = readCoolingGroup(g) {
                if groups.contains(where: { $0.name == group.name }) {
                    reader.error(at: g.value("name"), g.child("name"), "another cooling unit group is already named '\(group.name)'")
                    ok = false
                }
                groups.append(group)
            } else {
                ok = false
            }
            g.rejectUnknownKeys()
        }
        let random = m.flag("random_failures", default: true)
        var scripted: [ReliabilitySpec.ScriptedFailure] = []
        for (node, path) in m.sequence("scripted_failures") ?? [] {
            guard let f = MappingCursor(reader: reader, node: node, path: path) else { ok = false; continue }
            defer { f.rejectUnknownKeys() }
            let group = f.string("group", required: true, maxLength: 100)
            let at = f.quantity("at", .time, range: 0...(100 * 31_536_000.0), required: true)
            let repair = f.quantity("repair", .time, range: 1...(31_536_000.0), required: true)
            enum Unit: String, CaseIterable { case running, standby }
            let unit = f.choice("unit", Unit.self, default: .running)
            if let group, !declared.contains(group) {
                let names = declared
                reader.error(at: f.value("group"), f.child("group"),
                             "no cooling unit group is named '\(group.prefix(40))'; groups: \(names.isEmpty ? "(none)" : names.joined(separator: ", "))\(Suggestion.hint(for: group, among: names))")
                ok = false
            }
            guard let group, let at, let repair, let unit else { ok = false; continue }
            scripted.append(.init(group: group, atSeconds: at, repairSeconds: repair, standby: unit == .standby))
        }
        // Predictive maintenance (`thermal_management.predictive_maintenance: ai_based`) with these settings.
        var maintenance: MaintenancePolicy?
        var maintenanceOK = true
        if let p = m.mapping("maintenance") {
            defer { p.rejectUnknownKeys() }
            let window = p.quantity("window", .time, default: 168 * 3600, range: 3600...(8760 * 3600.0))
            let first = p.quantity("first_window", .time, range: 0...(100 * 31_536_000.0))
            let downtime = p.quantity("planned_downtime", .time, default: 4 * 3600, range: 60...(30 * 86_400.0))
            let ratio = p.quantity("hazard_ratio", .dimensionless, default: 1.5, range: 0.01...100)
            if let window, let downtime, let ratio, !(p.contains("first_window") && first == nil) {
                maintenance = try? MaintenancePolicy(windowSeconds: window, firstWindowSeconds: first, plannedDowntimeSeconds: downtime,
                                                     hazardRatio: ratio)
            } else {
                maintenanceOK = false
            }
        }
        if !maintenanceOK { ok = false }
        let gpuFailures = m.flag("gpu_failures", default: false)
        var gpu: GPUReliability?
        let g = m.mapping("gpu")
        if let g {
            defer { g.rejectUnknownKeys() }
            let mtbf = g.quantity("mtbf", .time, default: GPUReliability.llama3MTBFHours * 3600, range: 3600...(1e6 * 3600))
            let reference = g.quantity("reference_temperature", .temperature, default: 70, range: 0...150)
            let ea = g.quantity("activation_energy", .dimensionless, default: 0.7, range: 0...3)
            let replacement = g.quantity("replacement", .time, default: 24 * 3600, range: 60...(8760 * 3600))
            if let mtbf, let reference, let ea, let replacement {
                gpu = try? GPUReliability(referenceMTBFHours: mtbf / 3600, referenceJunctionCelsius: reference,
                                          activationEnergyElectronVolts: ea, replacementHours: replacement / 3600)
            } else {
                ok = false
            }
        } else {
            gpu = .llama3
        }
        if !gpuFailures { gpu = nil }
        guard ok else { return [] }
        return [{ spec in
            let policy = spec.thermalManagement.predictiveMaintenance == .aiBased ? (maintenance ?? (try? MaintenancePolicy())) : nil
            spec.reliability = ReliabilitySpec(coolingGroups: groups, scriptedFailures: scripted, gpu: gpu,
                                               randomCoolingFailures: random, maintenance: policy)
        }]
    }

    /// One entry of `reliability.cooling_units`.
    private func readCoolingGroup(_ g: MappingCursor) -> ReliabilitySpec.CoolingGroup? {
        let name = g.string("name", required: true, maxLength: 100)
        var component: ComponentReliability?
        if let text = g.string("component", required: true, maxLength: 100) {
            do {
                component = try ComponentReliability.named(text)
            } catch {
                let names = ComponentReliability.catalogue.map(\.name)
                reader.error(at: g.value("component"), g.child("component"),
                             "'\(text.prefix(40))' is not one of: \(names.joined(separator: ", "))\(Suggestion.hint(for: text, among: names))")
            }
        }
        let needed = g.integer("needed", range: 1...1000, required: true)
        let spares: Int? = g.contains("spares") ? g.integer("spares", range: 0...1000) : nil
        let switchover = g.quantity("switchover", .time, default: 0, range: 0...(30 * 86_400.0))
        let role = g.choice("role", ReliabilitySpec.Role.self, required: true)
        let mtbf = g.quantity("mtbf", .time, range: 3600...(1e7 * 3600))
        let mttr = g.quantity("mttr", .time, range: 60...(1e5 * 3600))
        enum Law: String, CaseIterable { case exponential, weibull }
        let law = g.choice("failure_law", Law.self, default: .exponential)
        let shape = g.quantity("weibull_shape", .dimensionless, default: 1.5, range: 0.2...10)
        if g.contains("spares"), spares == nil { return nil }
        guard let name, var component, let needed, let switchover, let role, let law, let shape else { return nil }
        if let mtbf { component.mtbfHours = mtbf / 3600 }
        if let mttr { component.mttrHours = mttr / 3600 }
        if mtbf != nil || mttr != nil { component.source = "scenario file (overrides " + component.source + ")" }
        if law == .weibull { component.failureLaw = .weibull(shape: shape) }
        return .init(name: name, component: component, neededUnits: needed, spareUnits: spares,
                     switchoverSeconds: switchover, role: role)
    }
}
