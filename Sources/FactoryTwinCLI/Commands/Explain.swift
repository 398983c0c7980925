import ArgumentParser
import FacilitySim
import Foundation
import Operations

/// `factory-twin explain DIR/audit.jsonl [--incident ID | --at TIME | --event LINE] [--format text|json]
/// [--counterfactual "without LINE"]`: the causal chain from an incident (or any line) back to its root causes.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain an incident or event of an audit trail: its causal chain back to the root causes, each link citing its line.",
        discussion: """
        Without --incident, --at or --event, explains the run's worst incident (critical before major, then the longest). \
        The trail's hash chain is verified first, as replay does: a broken chain is refused naming the line (exit 1). \
        --counterfactual "without LINE" re-runs the scenario (--scenario, default Scenarios/<name>.yaml) from the \
        trail's seed with the event on LINE removed (a scripted unit failure) and compares peak temperature, time \
        above the limit, tokens, cost and availability; the factual run is verified against the trail first.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The audit trail (DIR/audit.jsonl) of a run.")
    var trail: String

    @Option(help: "Incident to explain: its id (I3) or its line number.")
    var incident: String?

    @Option(help: "Explain what happened at this simulated time: seconds, or with a unit (63h, 90min).")
    var at: String?

    @Option(help: "Line number of the event to explain.")
    var event: Int?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Re-run without an event: \"without LINE\".")
    var counterfactual: String?

    @Option(help: "Scenario file for --counterfactual (default: Scenarios/<scenario name>.yaml).")
    var scenario: String?

    func validate() throws {
        if [incident != nil, at != nil, event != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --incident, --at and --event")
        }
    }

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: trail, encoding: .utf8) } catch {
            fail("cannot read \(trail): \(error.localizedDescription)")
        }
        let index: AuditTrailIndex
        do { index = try AuditTrailIndex(text: text) } catch let m as AuditMismatch {
            fail("\(trail):\(m.line): \(m.field.map { "field '\($0)': " } ?? "")\(m.message)")
        }
        if let counterfactual { return try runCounterfactual(counterfactual, text: text, index: index) }
        let line = try subjectLine(index)
        guard let explanation = CausalExplanation(trail: index, line: line) else { fail("\(trail): no line \(line)") }
        switch format {
        case .text: print(explanation.text(trailPath: trail), terminator: "")
        case .json: print(String(decoding: try Explain.encoder.encode(explanation), as: UTF8.self))
        }
    }

    /// The line to explain from the options (the worst incident by default).
    func subjectLine(_ index: AuditTrailIndex) throws -> Int {
        if let event { return event }
        if let incident {
            if let n = Int(incident) { return n }
            guard let e = index.incidentLine(id: incident) else {
                fail("\(trail): no incident \(incident) (the trail has \(index.incidentLines.count): \(index.incidentLines.compactMap { $0.details["incident"] }.joined(separator: ", ")))")
            }
            return e.line
        }
        if let at {
            guard let t = Explain.seconds(at) else { throw ValidationError("--at: '\(at)' is not a time (seconds, or 63h, 90min, 30s)") }
            let open = index.incidentLines.filter { e in
                e.timeSeconds <= t && (index.clearing(ofIncidentLine: e.line)?.timeSeconds ?? .infinity) >= t
            }
            if let worst = open.first(where: { $0.details["severity"] == "critical" }) ?? open.first { return worst.line }
            if let last = index.entries.last(where: { $0.timeSeconds <= t && $0.isAction }) ?? index.entries.last(where: { $0.timeSeconds <= t }) {
                return last.line
            }
            return 1
        }
        guard let worst = index.worstIncident else {
            fail("\(trail): the run recorded no incident\(index.format < 2 ? " (a format-1 trail records none: re-run the scenario)" : ""); use --event LINE")
        }
        return worst.line
    }

    /// "63h", "90min", "30 s", "226800" → seconds.
    static func seconds(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: " ", with: "")
        for (unit, factor) in [("min", 60.0), ("h", 3600), ("d", 86400), ("s", 1)] where t.hasSuffix(unit) {
            return Double(t.dropLast(unit.count)).map { $0 * factor }
        }
        return Double(t)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }()
}

/// Prints `message` as an error and exits 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    Explain.exit(withError: ExitCode.failure)
}
