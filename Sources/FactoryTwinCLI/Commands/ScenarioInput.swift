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

    /// Loads and validates `path`; on problems prints them and throws exit code 65.
    static func load(_ path: String) throws -> ScenarioSpec {
        do {
            return try ScenarioLoader.load(path: path)
        } catch let error as ScenarioError {
            report(error)
            throw dataError
        }
    }
}
