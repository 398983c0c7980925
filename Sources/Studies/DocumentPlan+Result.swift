import FacilitySim
import Reporting
import Foundation

extension DocumentPlan {
    /// The result over every design run: each row's pass count and best value, each design's cost, PUE, uptime and
    /// front membership, and the recommended design.
    func assemble(rows: [Row], relaxed: [String: String], recommended: [Int]?, cache: DesignCache) -> DocumentPlanResult {
        let all = cache.order.map { ($0, cache.metrics[$0]!) }
        let active = rows.filter { relaxed[$0.name] == nil }
        let resultRows = rows.map { row -> DocumentPlanResult.Row in
            let c = row.condition
            let valued = all.compactMap { d, m in m.value(c.metric).map { (d, $0) } }
            let best = c.relation == .atMost ? valued.min { $0.1 < $1.1 } : valued.max { $0.1 < $1.1 }
            return DocumentPlanResult.Row(name: row.name, condition: c.description,
                                          passedBy: all.filter { PlanConditionCheck.meets(c, $0.1) }.count,
                                          bestValue: best?.1 ?? .nan, bestDesign: best.map { space.labels($0.0) } ?? [:],
                                          binding: relaxed[row.name])
        }
        var designs = all.map { d, m -> DocumentPlanResult.Design in
            let passes = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, PlanConditionCheck.meets($0.condition, m)) })
            return DocumentPlanResult.Design(choices: space.labels(d), cost: m.value(Self.objective) ?? .nan, pue: m.value("pue") ?? .nan,
                                             uptime: m.value(Self.uptimeKey) ?? .nan, passes: passes,
                                             feasible: active.allSatisfy { passes[$0.name] == true }, onFront: false)
        }
        let pool = designs.indices.filter { designs[$0].feasible }
        let candidates = pool.isEmpty ? Array(designs.indices) : pool
        for i in candidates where !candidates.contains(where: { Self.dominates(designs[$0], designs[i]) }) {
            designs[i].onFront = true
        }
        let chosen = recommended.flatMap { r in cache.order.firstIndex(of: r) }.map { designs[$0] }
        return DocumentPlanResult(scenario: (path as NSString).lastPathComponent, baseline: baseline?.scenario, baselinePue: baseline?.pue,
                                  axes: space.axes.map(\.name), objective: Self.objective, gridPoints: space.gridPoints,
                                  evaluations: all.count, rows: resultRows, relaxed: rows.map(\.name).filter { relaxed[$0] != nil },
                                  recommended: chosen, designs: designs)
    }

    /// `a` dominates `b`: no worse in cost (↓), PUE (↓) and uptime (↑), better in one (relative 1e-9 ties).
    static func dominates(_ a: DocumentPlanResult.Design, _ b: DocumentPlanResult.Design) -> Bool {
        guard a.cost.isFinite, a.pue.isFinite, a.uptime.isFinite else { return false }
        func le(_ x: Double, _ y: Double) -> Bool { x <= y + 1e-9 * max(abs(x), abs(y)) }
        func lt(_ x: Double, _ y: Double) -> Bool { x < y - 1e-9 * max(abs(x), abs(y)) }
        let noWorse = le(a.cost, b.cost) && le(a.pue, b.pue) && le(b.uptime, a.uptime)
        return noWorse && (lt(a.cost, b.cost) || lt(a.pue, b.pue) || lt(b.uptime, a.uptime))
    }

    /// `document-plan.json`: sorted keys, snake_case, trailing newline.
    public static func json(_ result: DocumentPlanResult) throws -> Data { try ResultWriter.resultJSON(result) }

    /// The console summary: rows with their verdicts, bindings and the recommended design.
    public static func summary(_ r: DocumentPlanResult) -> String {
        var lines = ["plan --meet document: \(r.evaluations) designs run of a \(r.gridPoints)-design grid; minimise \(r.objective)"
                     + (r.baseline.map { "; baseline \($0) (PUE \(fixed(r.baselinePue ?? .nan, 3)))" } ?? "")]
        for row in r.rows {
            lines.append("  \(row.binding == nil ? "✓" : "✗") \(row.name) [\(row.condition)]: met by \(row.passedBy) designs, best \(number(row.bestValue))")
            if let b = row.binding { lines.append("      binding: \(b)") }
        }
        if let d = r.recommended {
            let choices = r.axes.map { "\($0) = \(d.choices[$0] ?? "?")" }.joined(separator: ", ")
            lines.append("recommended: \(choices)")
            lines.append(String(format: "   cost %.6g USD, PUE %.4f, uptime %.5f %%", d.cost, d.pue, 100 * d.uptime)
                         + (r.relaxed.isEmpty ? "" : "; passes every row but: " + r.relaxed.joined(separator: "; ")))
        } else {
            lines.append("recommended: none (no design run passes the rows that can be passed)")
        }
        lines.append("Pareto front (cost, PUE, uptime): \(r.designs.filter(\.onFront).count) designs")
        return lines.joined(separator: "\n")
    }
}
