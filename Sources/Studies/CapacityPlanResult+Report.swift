import FacilitySim
import Foundation

extension CapacityPlanSearch {
    /// The result over the designs run so far: feasible designs ordered by objective (ties: the smaller design first).
    func result(runnersUp count: Int = 3) -> CapacityPlanResult {
        let candidates = evaluated.map { candidate($0.design, $0.metrics) }
        let ranked = zip(candidates, evaluated).filter(\.0.feasible)
            .sorted { Self.isBetter($0.1.design, $0.0.objective, than: $1.1.design, $1.0.objective) }
        // A design that only adds units to a better-ranked one for the same objective (a spare the objective does
        // not see) tells nothing: it is left out.
        var kept: [(candidate: CapacityPlanResult.Candidate, design: Design)] = []
        for (c, entry) in ranked {
            let redundant = kept.contains { k in
                abs(c.objective - k.candidate.objective) <= Self.tieTolerance * max(abs(c.objective), abs(k.candidate.objective))
                    && zip(entry.design, k.design).allSatisfy { $0 >= $1 }
            }
            if !redundant { kept.append((c, entry.design)) }
        }
        let feasible = kept.map(\.candidate)
        let closest = feasible.isEmpty
            ? zip(candidates, evaluated).min { violation($0.1.metrics) < violation($1.1.metrics) }?.0 : nil
        return CapacityPlanResult(variables: variables.map(\.field), conditions: conditions.map(\.description),
                                  objective: objective, gridPoints: gridPoints, evaluations: evaluated.count,
                                  recommended: feasible.first, runnersUp: Array(feasible.dropFirst().prefix(count)),
                                  closest: closest, evaluated: candidates)
    }

    func candidate(_ design: Design, _ m: PlanMetrics) -> CapacityPlanResult.Candidate {
        let margins = zip(conditions, self.margins(m)).map { c, margin in
            CapacityPlanResult.Margin(condition: c.description, value: m.conservativeValue(for: c) ?? .nan, margin: margin,
                                      relativeMargin: c.bound == 0 ? 0 : margin / abs(c.bound))
        }
        let fields = variables.map(\.field)
        return CapacityPlanResult.Candidate(design: Dictionary(uniqueKeysWithValues: zip(fields, values(of: design))),
                                            objective: m.value(objective) ?? .nan, feasible: isFeasible(m), margins: margins)
    }
}

extension CapacityPlanResult {
    /// A human-readable report: the recommended design, runners-up and their margins.
    public var report: String {
        var lines: [String] = []
        let share = gridPoints > 0 ? 100 * Double(evaluations) / Double(gridPoints) : 0
        lines.append("plan: \(evaluations) designs run of a \(gridPoints)-design grid (\(String(format: "%.1f", share)) %); minimise \(objective)")
        if conditions.isEmpty { lines.append("conditions: none") } else { lines.append("conditions: " + conditions.joined(separator: ", ")) }
        func describe(_ title: String, _ c: Candidate) {
            let design = variables.map { "\($0)=\(c.design[$0] ?? 0)" }.joined(separator: " ")
            lines.append("\(title): \(design)   \(objective) = \(Self.format(c.objective))")
            for m in c.margins {
                lines.append("    \(m.condition): \(Self.format(m.value))  margin \(Self.format(m.margin)) (\(String(format: "%+.2f", 100 * m.relativeMargin)) %)")
            }
        }
        if let recommended {
            describe("recommended", recommended)
            for (i, r) in runnersUp.enumerated() { describe("runner-up \(i + 1)", r) }
        } else {
            lines.append("no design run meets every condition")
            if let closest { describe("closest", closest) }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String {
        if x.isNaN { return "n/a" }
        if x == x.rounded(), abs(x) < 1e12 { return String(Int(x)) }
        return String(format: "%.7g", x)
    }

    /// The result as pretty-printed JSON with snake_case keys and sorted keys (stable for diffs).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }
}

/// Why a plan cannot run.
public enum CapacityPlanError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The plan is ill-formed (no variables, empty range, no objective …).
    case invalid(String)
    /// A condition or the objective names a metric the runs do not report.
    case unknownMetric(String, available: [String])

    public var description: String {
        switch self {
        case .invalid(let message): message
        case .unknownMetric(let name, let available):
            "no metric '\(name)' in the run's summary; available: \(available.joined(separator: ", "))"
        }
    }
}
