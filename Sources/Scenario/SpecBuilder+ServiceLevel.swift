import FacilitySim
import Foundation

extension SpecBuilder {
    /// Reads the optional `service_level:` block (the SLA's committed capacity, issue 15 item 3) and the optional
    /// `baseline:` scenario path (the design the report compares with, item 6; resolved against the file that wrote it).
    func readServiceLevel() -> ((inout ScenarioSpec) -> Void)? {
        var level: ServiceLevelSpec?
        var ok = true
        if let m = root.mapping("service_level") {
            defer { m.rejectUnknownKeys() }
            if let committed = m.quantity("committed_capacity", .fraction, range: 0...1, required: true) {
                level = ServiceLevelSpec(committedCapacity: committed, stated: true)
            } else {
                ok = false
            }
        }
        var baseline: URL?
        if let path = root.string("baseline", maxLength: 4096) {
            let url = resolve(path, writtenAt: root.value("baseline"))
            if FileManager.default.isReadableFile(atPath: url.path) {
                baseline = url
            } else {
                reader.error(at: root.value("baseline"), "baseline", "baseline scenario not found or not readable: \(url.path)")
                ok = false
            }
        }
        guard ok, level != nil || baseline != nil else { return nil }
        return { spec in
            if let level { spec.serviceLevel = level }
            if let baseline { spec.baselineScenario = baseline }
        }
    }
}
