import ArgumentParser
import FacilitySim
import Foundation
import Scenario

/// Loading a scenario for a command: every problem goes to stderr as `FILE:LINE:COLUMN: error: …`.
enum ScenarioInput {
    /// The exit code for an invalid scenario (sysexits EX_DATAERR).
    static let dataError = ExitCode(65)

    /// Prints a scenario's problems on stderr.
    static func report(_ error: ScenarioError) {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
    }

    /// Loads and validates `path` with `overrides` applied; on problems prints them and throws exit code 65.
    static func load(_ path: String, overrides: [ScenarioOverride] = []) throws -> ScenarioSpec {
        do {
            return try ScenarioLoader.load(path: path, overrides: overrides)
        } catch let error as ScenarioError {
            report(error)
            throw dataError
        }
    }

    /// Parses `--set PATH=VALUE` arguments (a usage error, exit 64, when one is malformed).
    static func overrides(_ arguments: [String]) throws -> [ScenarioOverride] {
        try arguments.map { argument in
            do {
                return try ScenarioOverride(argument: argument)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }
}
