import ArgumentParser
import FacilitySim
import Foundation
import Reporting
import Scenario
import Studies

/// `factory-twin plan SCENARIO.yaml --target M=V --constraint M<=V --minimize M`: the cheapest design meeting
/// every condition, over the integer variables of the scenario's `plan:` block.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the scenario's sizing variables for the design that minimises a metric while meeting every condition.",
        discussion: """
        Variables (integer fields with ranges and steps) come from the scenario's `plan:` block; conditions from \
        the block's `conditions:` plus every --target and --constraint; the objective from --minimize or the \
        block's `minimize:`. The search starts from the most capable design, bisects each monotone variable to \
        its feasibility boundary, then searches locally (single and pair moves), so it runs far fewer designs \
        than the grid. With --replications N > 1 each condition is checked on its 95 % confidence bound. Prints \
        the recommended design and runners-up with the margin on every condition, and writes DIR/plan.json.
        """)

    @Argument(help: "Scenario YAML file with a `plan:` block.")
    var scenario: String

    @Option(name: .customLong("target"), help: ArgumentHelp("A metric floor, e.g. tokens_per_second=50000 (repeatable).", valueName: "metric=value"))
    var targets: [String] = []

    @Option(name: .customLong("constraint"), help: ArgumentHelp("A bound, e.g. max_gpu_temperature_celsius<=70 (repeatable).",
                                                                valueName: "metric<=value|metric>=value"))
    var constraints: [String] = []

    @Option(help: "Summary metric to minimise (e.g. gpus, facility_energy_joules, cost_per_million_tokens_usd).")
    var minimize: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario field for every design (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: "Runs per design (default: the plan block's, else 1).")
    var replications: Int?

    @Option(help: "Threads for the replications of a design (default: every core).")
    var threads: Int?

    @Option(help: "Output directory for plan.json (default: Reports/<scenario name>-plan).")
    var out: String?

    @Flag(help: "Also run the whole grid and report its optimum (for checking the search; many runs).")
    var exhaustive = false

    @Option(help: ArgumentHelp("Design to a benchmark table instead of the plan block: `document` searches supply temperature, coolant, redundancy, heat rejection, UPS mode and hall size for the cheapest design passing every row of the document's table (no plan block needed).", valueName: "document"))
    var meet: String?

    @Option(help: "Scenario of the baseline design for the document's improvement rows (default: traditional-air-cooled.yaml beside the scenario, when present).")
    var baselineScenario: String?

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let meet, meet != "document" { throw ValidationError("--meet takes `document` (the source document's benchmark table), got '\(meet)'") }
        if meet != nil, exhaustive || !targets.isEmpty || !constraints.isEmpty || minimize != nil {
            throw ValidationError("--meet document sets its own conditions and objective; drop --exhaustive, --target, --constraint and --minimize")
        }
    }

    func run() throws {
        if meet != nil { return try runDocument() }
        let sets: [ScenarioOverride]
        var conditions: [PlanCondition] = []
        do {
            sets = try overrides.map { try ScenarioOverride(argument: $0) }
            for text in targets {
                guard !text.contains("<"), !text.contains(">") else { throw ValidationError("--target \(text): write a target as metric=value (a floor)") }
                conditions.append(try PlanCondition(parsing: text))
            }
            conditions += try constraints.map { try PlanCondition(parsing: $0) }
        } catch let error as ScenarioOverride.SyntaxError {
            throw ValidationError(error.description)
        } catch let error as PlanCondition.SyntaxError {
            throw ValidationError(error.description)
        }
        let spec: ScenarioSpec
        do {
            spec = try ScenarioLoader.load(path: scenario, overrides: sets)
        } catch let error as ScenarioError {
            ScenarioInput.report(error)
            throw ScenarioInput.dataError
        }
        guard let block = spec.plan else {
            throw ValidationError("\(scenario) has no `plan:` block listing the variables to size (see docs/scenario-reference.md)")
        }
        guard let objective = minimize ?? block.minimize else {
            throw ValidationError("name the metric to minimise: --minimize METRIC (or `minimize:` in the plan block)")
        }
        let runs = replications ?? block.replications
        do {
            try CapacityPlanScenario.checkBounds(path: scenario, overrides: sets, variables: block.variables)
            let evaluate = CapacityPlanScenario.evaluator(path: scenario, overrides: sets, variables: block.variables,
                                                          replications: runs, threads: threads ?? ParallelRunner.availableCores)
            var search = try CapacityPlanSearch(variables: block.variables, conditions: block.conditions + conditions,
                                                objective: objective, evaluate: evaluate)
            let result = try search.run()
            print(result.report)
            let directory = URL(fileURLWithPath: out ?? "Reports/\(spec.name)-plan")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("plan.json")
            try ResultWriter.writeAtomically(result.json(), to: file)
            print("→ \(file.path)")
            if exhaustive {
                let grid = try search.exhaustive()
                let same = grid.recommended?.design == result.recommended?.design
                print("grid: \(grid.gridPoints) designs run; optimum "
                      + (grid.recommended.map { d in grid.variables.map { "\($0)=\(d.design[$0] ?? 0)" }.joined(separator: " ") } ?? "none")
                      + (same ? " (the same design)" : " (differs from the search's)"))
            }
        } catch let error as ScenarioError {
            ScenarioInput.report(error)
            throw ScenarioInput.dataError
        } catch let error as CapacityPlanError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
