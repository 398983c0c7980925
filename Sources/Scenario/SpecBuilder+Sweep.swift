import FacilitySim
import Yams

extension SpecBuilder {
    /// Largest number of values one `sweep:` entry may list.
    static let maximumSweepValues = 10_000

    /// Reads the optional `sweep:` block — field path → list of values, e.g.
    /// `sweep: {facility.gpus: [512, 1024], heat_rejection.supply_setpoint: [30°C, 35°C]}` — used by
    /// `factory-twin sweep`. Paths are checked for form here; each value is checked when the sweep loads its point
    /// (the scenario with that value applied), with every rule of the field.
    func readSweep() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("sweep") else { return nil }
        var axes: [(path: String, values: [String])] = []
        guard let mapping = m.node.mapping else { return nil }
        for (keyNode, valueNode) in mapping {
            guard let path = keyNode.scalar?.string else { continue }   // reported by the cursor (keys must be words)
            m.accept(path)
            let fieldPath = m.child(path)
            do {
                _ = try ScenarioOverride(argument: path + "=")
            } catch let error as ScenarioOverride.SyntaxError {
                reader.error(at: keyNode, fieldPath, "'\(path)' is not a field path such as facility.gpus: \(error.message)")
                continue
            } catch {
                continue
            }
            let values: [String]
            if let scalar = valueNode.scalar {
                values = [scalar.string]
            } else if let sequence = valueNode.sequence {
                var texts: [String] = []
                for (i, item) in sequence.enumerated() {
                    guard let text = item.scalar?.string, !text.isEmpty else {
                        reader.error(at: item, "\(fieldPath)[\(i)]", "expected a value such as 1024 or 35°C, found \(MappingCursor.describe(item))")
                        continue
                    }
                    texts.append(text)
                }
                values = texts
            } else {
                reader.error(at: valueNode, fieldPath, "expected a list of values, e.g. [512, 1024]")
                continue
            }
            guard !values.isEmpty, values.count <= SpecBuilder.maximumSweepValues else {
                reader.error(at: valueNode, fieldPath, "a sweep axis needs 1…\(SpecBuilder.maximumSweepValues) values, found \(values.count)")
                continue
            }
            axes.append((path, values))
        }
        return { $0.sweepAxes = axes }
    }
}
