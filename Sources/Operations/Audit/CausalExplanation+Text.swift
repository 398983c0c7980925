import Foundation

/// The text form of an explanation (`factory-twin explain --format text`).
extension CausalExplanation {
    /// The chain as indented lines, each citing its trail line, then the root causes and, for an action, its five answers.
    public func text(trailPath: String) -> String {
        var out = ""
        guard let subject = chain.first else { return out }
        if let incident {
            out += "Incident \(incident) (\(kind ?? "?"), \(severity ?? "?")) — \(trailPath):\(subject.line)\n"
        } else {
            out += "Event — \(trailPath):\(subject.line)\n"
        }
        if trailFormat < 2 { out += "note: this trail is format 1 (written before issue 17): it records no causal links\n" }
        out += "Causal chain (each link cites its line; ← reads \"was caused by\"):\n"
        for link in chain {
            let indent = String(repeating: "  ", count: link.depth)
            out += "\(indent)\(link.depth == 0 ? "" : "← ")line \(link.line)  \(CausalExplanation.clock(link.timeSeconds))  \(link.action) \(link.target): \(link.reason)"
            if let source = link.source { out += " [\(source)]" }
            out += "\n"
        }
        out += "Root causes:\n"
        if rootCauses.isEmpty { out += "  none recorded\n" }
        for r in rootCauses {
            out += "  line \(r.line): \(r.action) \(r.target) at \(CausalExplanation.clock(r.timeSeconds)) — \(r.reason)\(r.source.map { " [\($0)]" } ?? "")\n"
        }
        if !consequences.isEmpty {
            out += "Consequences:\n"
            for c in consequences.prefix(10) { out += "  line \(c.line)  \(CausalExplanation.clock(c.timeSeconds))  \(c.action) \(c.target): \(c.reason)\n" }
            if consequences.count > 10 { out += "  … \(consequences.count - 10) more\n" }
        }
        if let a = answers {
            out += "The five answers:\n"
            out += "  what:    \(a.action)\n"
            out += "  why:     \(a.allowedBecause)\n"
            out += "  data:    lines \(a.triggeredBy.map(String.init).joined(separator: ", "))\n"
            out += "  outcome: \(a.outcome)\(a.effectLine.map { " (line \($0))" } ?? "")\n"
            out += "  replay:  \(a.replay)\n"
        }
        return out
    }

    /// "t = 226800 s (day 3, 15:00:00)" — the run's own clock from its start.
    static func clock(_ t: Double) -> String {
        let day = Int(t / 86400), rest = t - Double(day) * 86400
        let h = Int(rest / 3600), m = Int((rest - Double(h) * 3600) / 60), s = rest - Double(h) * 3600 - Double(m) * 60
        return String(format: "t = %.3f s (day %d, %02d:%02d:%06.3f)", t, day + 1, h, m, s)
    }
}
