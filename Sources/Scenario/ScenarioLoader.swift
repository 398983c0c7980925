import FacilitySim
import Foundation
import Yams

/// Reads a scenario YAML file into a validated `ScenarioSpec`, reporting every problem at once.
///
/// The file's own blocks from the source document (`cooling_system`, `thermal_management`) are
/// accepted verbatim. Quantities take unit strings (`70°C`, `8760h`, `300 kW`). Relative paths inside
/// the file (weather, load CSV) are resolved against the file's directory.
public enum ScenarioLoader {
    /// The schema version this build reads.
    public static let schemaVersion = 1

    /// Loads and validates the scenario at `path`.
    /// - Throws: `ScenarioError` listing every problem as `FILE:LINE:COLUMN: error: field: message`.
    public static func load(path: String) throws -> ScenarioSpec {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioError([Diagnostic(file: path, line: 0, column: 0, path: "",
                                            message: "cannot read the file: \((error as NSError).localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, path: "",
                                            message: "the file is not UTF-8 text; a scenario is a YAML text file")])
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(text, file: path, baseDirectory: directory)
    }

    /// Parses scenario text; `file` names it in diagnostics, `baseDirectory` resolves relative paths.
    public static func parse(_ text: String, file: String, baseDirectory: URL) throws -> ScenarioSpec {
        let reader = ScenarioReader(file: file)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioError([yamlDiagnostic(error, file: file)])
        } catch {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "not valid YAML: \(error)")])
        }
        guard let root = reader.root(node) else { throw ScenarioError(reader.diagnostics) }
        let spec = SpecBuilder(reader: reader, root: root, baseDirectory: baseDirectory).build()
        if !reader.diagnostics.isEmpty { throw ScenarioError(reader.diagnostics) }
        guard let spec else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "the scenario is incomplete")])
        }
        return spec
    }

    /// A diagnostic for a YAML syntax error, at the position libyaml reports.
    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { " \($0.text)" } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "",
                              message: "YAML syntax error: \(problem)\(where_)")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(file: file, line: 1, column: 1, path: "",
                              message: "cannot read the file as YAML text: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return Diagnostic(file: file, line: 1, column: 1, path: "", message: "YAML error: \(error)")
        }
    }
}
