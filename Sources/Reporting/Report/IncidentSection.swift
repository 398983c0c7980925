import FacilitySim
import Foundation
import Operations

/// The report's "Incidents and their causes" section (issue 17): every incident the run detected, and the causal
/// chain of the worst one back to its root causes, each link citing its line of `audit.jsonl`.
public struct IncidentSection: Sendable {
    public var incidents: [Incident]
    /// The worst incident explained (nil without an audit trail or without incidents).
    public var explanation: CausalExplanation?
    /// Why there is no explanation, when there is none and a trail was expected (e.g. its chain is broken).
    public var note: String?
    public var horizonSeconds: Double

    public init(incidents: [Incident], explanation: CausalExplanation?, note: String? = nil, horizonSeconds: Double) {
        self.incidents = incidents
        self.explanation = explanation
        self.note = note
        self.horizonSeconds = horizonSeconds
    }

    /// The section of a run held in memory.
    public init(result: RunResult) {
        incidents = result.incidents
        horizonSeconds = result.summary.simulatedSeconds
        note = nil
        let index = AuditTrailIndex(trail: result.auditTrail)
        explanation = index.worstIncident.flatMap { CausalExplanation(trail: index, line: $0.line) }
    }

    /// The section of a saved run: the incidents and the explanation read back from `DIR/audit.jsonl` (verified).
    public static func load(directory: URL, horizonSeconds: Double) -> IncidentSection? {
        let url = directory.appendingPathComponent("audit.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        do {
            let index = try AuditTrailIndex(text: text)
            let incidents = index.incidentLines.compactMap { e -> Incident? in
                guard let kind = e.details["kind"].flatMap(Incident.Kind.init(rawValue:)) else { return nil }
                let end = index.clearing(ofIncidentLine: e.line)
                let magnitude = end?.observations["peak_c"] ?? end?.observations["peak_supply_c"] ?? e.observations["fraction"] ?? .nan
                return Incident(id: e.details["incident"] ?? "?", kind: kind, severity: Incident.severity(of: kind), target: e.target,
                                startSeconds: e.timeSeconds, endSeconds: end?.timeSeconds, magnitude: magnitude, summary: e.reason, line: e.line)
            }
            let explanation = index.worstIncident.flatMap { CausalExplanation(trail: index, line: $0.line) }
            return IncidentSection(incidents: incidents, explanation: explanation, horizonSeconds: horizonSeconds)
        } catch {
            return IncidentSection(incidents: [], explanation: nil, note: "audit.jsonl was not explained: \(error)", horizonSeconds: horizonSeconds)
        }
    }

    /// The HTML of the section.
    func html() -> String {
        var h = "<h2>Incidents and their causes</h2>\n"
        if let note { h += "<p class=\"note\">\(SVGText.escape(note))</p>\n" }
        if incidents.isEmpty {
            h += "<p class=\"note\">No incident detected (GPU limit crossing, unit failure without a spare, capacity or SLA breach, autonomy boundary violation).</p>\n"
            return h
        }
        h += "<table>\n<tr><th>id</th><th>kind</th><th>severity</th><th>target</th><th>start, s</th><th>duration, s</th><th>what happened</th><th>trail line</th></tr>\n"
        for i in incidents {
            let duration = i.endSeconds.map { SVGText.number($0 - i.startSeconds, digits: 6) } ?? "open at the end"
            h += "<tr><td>\(i.id)</td><td>\(i.kind.rawValue)</td><td>\(i.severity.rawValue)</td><td>\(SVGText.escape(i.target))</td><td>\(SVGText.number(i.startSeconds, digits: 9))</td><td>\(duration)</td><td>\(SVGText.escape(i.summary))</td><td>\(i.line.map(String.init) ?? "—")</td></tr>\n"
        }
        h += "</table>\n"
        guard let e = explanation, let subject = e.chain.first else {
            return h + "<p class=\"note\">No audit trail: the causal chain needs the scenario's <code>ai_governance</code> block.</p>\n"
        }
        h += "<p>Worst incident \(SVGText.escape(e.incident ?? "")) (line \(subject.line)) explained — <code>factory-twin explain DIR/audit.jsonl</code>; each link cites its line of <code>audit.jsonl</code>:</p>\n<ul>\n"
        for link in e.chain {
            let pad = String(repeating: "&nbsp;&nbsp;&nbsp;", count: link.depth)
            h += "<li style=\"list-style:none\">\(pad)\(link.depth > 0 ? "← " : "")line \(link.line), t = \(SVGText.number(link.timeSeconds, digits: 9)) s: <b>\(SVGText.escape(link.action))</b> \(SVGText.escape(link.target)) — \(SVGText.escape(link.reason))\(link.source.map { " [\(SVGText.escape($0))]" } ?? "")</li>\n"
        }
        h += "</ul>\n<p>Root causes: \(e.rootCauses.map { "line \($0.line) (\(SVGText.escape($0.action)) \(SVGText.escape($0.target)))" }.joined(separator: "; "))</p>\n"
        return h
    }
}
