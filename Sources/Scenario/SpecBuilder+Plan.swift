import FacilitySim
import Yams

extension SpecBuilder {
    /// Most values one plan variable may take (a grid larger than this is a typo in `step`).
    static let maximumPlanValues = 100_000

    /// Reads the optional `plan:` block (issue 7) for `factory-twin plan`:
    ///
    /// ```yaml
    /// plan:
    ///   variables:
    ///     - {field: facility.gpus, min: 256, max: 2048, step: 64, monotone: increasing}
    ///   conditions: ["max_gpu_temperature_celsius<=70"]
    ///   minimize: gpus
    ///   replications: 1
    /// ```
    /// Whether each field exists and takes the values is checked by the plan itself (it validates the scenario at
    /// each variable's bounds before searching), so new integer fields of later blocks need no change here.
    func readPlan() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("plan") else { return nil }
        defer { m.rejectUnknownKeys() }
        var variables: [CapacityPlanBlock.Variable] = []
        var valid = true
        if let items = m.sequence("variables") {
            if items.isEmpty { reader.error(at: m.value("variables"), m.child("variables"), "list at least one variable to size") }
            for (node, path) in items {
                guard let v = MappingCursor(reader: reader, node: node, path: path) else { valid = false; continue }
                defer { v.rejectUnknownKeys() }
                let field = v.string("field", required: true, maxLength: 200)
                if let field, field.isEmpty || field.contains(where: { $0.isWhitespace }) || field.split(separator: ".").contains(where: \.isEmpty) {
                    reader.error(at: v.value("field"), v.child("field"), "'\(field)' is not a dotted field path such as facility.gpus")
                    valid = false
                }
                if let field, variables.contains(where: { $0.field == field }) {
                    reader.error(at: v.value("field"), v.child("field"), "'\(field)' is listed twice")
                    valid = false
                }
                let minimum = v.integer("min", range: 0...Int(Int32.max), required: true)
                let maximum = v.integer("max", range: 0...Int(Int32.max), required: true)
                let step = v.integer("step", default: 1, range: 1...Int(Int32.max))
                let monotone = v.choice("monotone", CapacityPlanBlock.Variable.Monotonicity.self, default: .increasing)
                guard let field, let minimum, let maximum, let step, let monotone else { valid = false; continue }
                if maximum < minimum {
                    reader.error(at: v.value("max"), v.child("max"), "max (\(maximum)) is below min (\(minimum))")
                    valid = false
                } else if (maximum - minimum) / step + 1 > Self.maximumPlanValues {
                    reader.error(at: v.value("step"), v.child("step"),
                                 "\((maximum - minimum) / step + 1) values between min and max; at most \(Self.maximumPlanValues) (raise the step)")
                    valid = false
                }
                variables.append(.init(field: field, minimum: minimum, maximum: maximum, step: step, monotone: monotone))
            }
        } else if !m.contains("variables") {
            reader.error(at: m.node, m.child("variables"), "missing required list of variables (field, min, max, step)")
            valid = false
        } else {
            valid = false
        }
        var conditions: [PlanCondition] = []
        for (node, path) in m.sequence("conditions") ?? [] {
            do {
                conditions.append(try PlanCondition(parsing: node.scalar?.string ?? ""))
            } catch let error as PlanCondition.SyntaxError {
                reader.error(at: node, path, error.message)
                valid = false
            } catch {
                reader.error(at: node, path, "\(error)")
                valid = false
            }
        }
        let minimize = m.string("minimize", maxLength: 200)
        let replications = m.integer("replications", default: 1, range: 1...10_000)
        guard valid, let replications else { return nil }
        let block = CapacityPlanBlock(variables: variables, conditions: conditions, minimize: minimize, replications: replications)
        return { $0.plan = block }
    }
}
