import FacilitySim
import Foundation
import Operations

extension ScenarioLoader {
    /// Loads `path` for `factory-twin replay` of the trail `recordedText`: with the `--set` overrides the recorded run
    /// was loaded with (its first line's `details.overrides`), reapplied in their order, so a trail of
    /// `run --set …` replays against the same specification.
    /// - Throws: `ScenarioError` for an invalid scenario or override, `AuditReplay.Failure` for an unreadable field.
    public static func loadForReplay(path: String, recordedText: String) throws -> ScenarioSpec {
        let recorded = try AuditReplay.recordedOverrides(in: recordedText)
        var overrides: [ScenarioOverride] = []
        for argument in recorded {
            do {
                overrides.append(try ScenarioOverride(argument: argument))
            } catch {
                throw AuditReplay.Failure.mismatch(AuditMismatch(line: 1, field: "details.overrides",
                                                                 message: "recorded override '\(argument)': \(error)"))
            }
        }
        return try load(path: path, overrides: overrides)
    }
}
