import ArgumentParser
import Foundation
import Scenario

/// `factory-twin validate FILE…`: checks scenario files and reports every problem with its location.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files; print every problem as FILE:LINE:COLUMN: error: field: message.",
        discussion: "Exits 0 when every file is valid and 65 (data error) when any is not."
    )

    @Argument(help: "Scenario YAML files to check.")
    var scenarios: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Check with a field overridden, as run and sweep would (repeatable).",
                                                          valueName: "path=value"))
    var overrides: [String] = []

    func run() throws {
        var failed = false
        let overrides = try ScenarioInput.overrides(self.overrides)
        for path in scenarios {
            do {
                let spec = try ScenarioLoader.load(path: path, overrides: overrides)
                print("\(path): ok (\(spec.name))")
            } catch let error as ScenarioError {
                failed = true
                ScenarioInput.report(error)
            }
        }
        if failed { throw ScenarioInput.dataError }
    }
}
