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

    /// Loads and validates the scenario at `path`: at most `maximumFileBytes` of UTF-8 YAML, checked by
    /// `YAMLPreflight` (depth, alias expansion, duplicate keys, one document) before Yams composes it.
    /// `overrides` (`--set PATH=VALUE`) replace fields of the document before validation (see `ScenarioOverride`).
    /// - Throws: `ScenarioError` listing every problem as `FILE:LINE:COLUMN: error: field: message`.
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws -> ScenarioSpec {
        let data: Data
        do {
            // Read at most one byte more than the limit, so a huge file (or /dev/zero) is refused, not slurped.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, path: "",
                                            message: "cannot read the file: \((error as NSError).localizedDescription)")])
        }
        return try load(data: data, file: path, baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent(),
                        overrides: overrides)
    }

    /// Validates the bytes of a scenario file: size, UTF-8, then `parse`.
    /// - Throws: `ScenarioError`.
    public static func load(data: Data, file: String, baseDirectory: URL, overrides: [ScenarioOverride] = []) throws -> ScenarioSpec {
        if data.count > maximumFileBytes { throw ScenarioError([tooLarge(file: file)]) }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(in: data)
            throw ScenarioError([Diagnostic(file: file, line: line, column: column, path: "",
                                            message: "the file is not UTF-8 text (invalid byte here); a scenario is a YAML text file")])
        }
        return try parse(text, file: file, baseDirectory: baseDirectory, overrides: overrides)
    }

    /// Largest scenario file accepted, bytes (1 MiB; the shipped scenarios are about 2 kB).
    public static let maximumFileBytes = 1 << 20

    static func tooLarge(file: String) -> Diagnostic {
        Diagnostic(file: file, line: 1, column: 1, path: "",
                   message: "the file is larger than \(maximumFileBytes) bytes; a scenario file is a few kilobytes")
    }

    /// Line and column (1-based, in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil else { return (line, column) }
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }

    /// Parses scenario text; `file` names it in diagnostics, `baseDirectory` resolves relative paths.
    public static func parse(_ text: String, file: String, baseDirectory: URL, overrides: [ScenarioOverride] = []) throws -> ScenarioSpec {
        if text.utf8.count > maximumFileBytes { throw ScenarioError([tooLarge(file: file)]) }
        // Depth, alias expansion, duplicate keys and syntax are checked without recursion before Yams composes.
        let preflight = YAMLPreflight.check(text, file: file)
        if !preflight.isEmpty { throw ScenarioError(preflight) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioError([yamlDiagnostic(error, file: file)])
        } catch {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "not valid YAML: \(error)")])
        }
        // `extends:` (issue 7): the base files merged under this one; each node remembers the file that wrote it.
        let resolved = try node.map { try ScenarioInheritance.resolve($0, file: file, baseDirectory: baseDirectory) }
        let reader = ScenarioReader(file: file, sources: resolved?.sources)
        var overridden = ScenarioOverrides(overrides, file: file)
        let document = try overridden.apply(to: resolved?.root)
        if let document, !overrides.isEmpty { resolved?.sources.adopt(document, replacing: resolved?.root) }
        guard let root = reader.root(document) else { throw ScenarioError(overridden.attribute(reader.diagnostics)) }
        let spec = SpecBuilder(reader: reader, root: root, baseDirectory: baseDirectory).build()
        if !reader.diagnostics.isEmpty { throw ScenarioError(overridden.attribute(reader.diagnostics)) }
        guard var spec else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, path: "", message: "the scenario is incomplete")])
        }
        spec.overrides = overrides.map(\.description)
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
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, path: duplicates.first ?? "",
                              message: "key appears twice in the same mapping")
        default:
            return Diagnostic(file: file, line: 1, column: 1, path: "", message: "YAML error: \(error)")
        }
    }
}
