import Foundation
import Yams

/// Applies `--set PATH=VALUE` overrides to a composed scenario document, before validation.
///
/// Overrides work at the YAML node level: the value replaces (or adds) the node at the path, so the
/// validator then reads it exactly as if it had been written in the file — units are converted and every
/// range and cross-field rule applies. A key missing from the file is added (the scenario may rely on a
/// default); an unknown key is then reported by the validator with its "did you mean" suggestion. Every
/// diagnostic about an overridden field names the `--set` argument that caused it.
struct ScenarioOverrides {
    /// The overrides in command-line order (a later one wins where two name the same path).
    let overrides: [ScenarioOverride]
    /// The scenario file, for diagnostics.
    let file: String
    /// Paths of keys the overrides added, with the override that added each (so an unknown added block is attributed).
    private(set) var created: [String: ScenarioOverride] = [:]

    /// Longest override value accepted, characters (a value is a scalar or a short flow list).
    static let maximumValueLength = 4096

    init(_ overrides: [ScenarioOverride], file: String) {
        self.overrides = overrides
        self.file = file
    }

    /// The document with every override applied in order.
    /// - Throws: `ScenarioError` naming the `--set` argument when a path cannot be followed (a scalar where the
    ///   path needs a block, a list index out of range) or a value is not valid YAML.
    mutating func apply(to document: Node?) throws -> Node? {
        guard !overrides.isEmpty else { return document }
        var node = document ?? Node.mapping(Node.Mapping([]))
        var diagnostics: [Diagnostic] = []
        for override in overrides {
            do {
                let segments = try ScenarioOverride.segments(of: override.path, argument: override.description)
                let value = try valueNode(override)
                node = try set(value, in: node, segments: segments[...], pathSoFar: "", override: override)
            } catch let error as ScenarioOverride.SyntaxError {
                diagnostics.append(diagnostic(at: nil, override.path, error.description))
            } catch let error as ScenarioError {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics) }
        return node
    }

    /// The validator's diagnostics, each one about an overridden field prefixed by the `--set` argument.
    func attribute(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { d in
            guard let override = source(of: d.path) else { return d }
            var attributed = d
            attributed.message = "--set \(override): \(d.message)"
            return attributed
        }
    }

    /// The override responsible for a field path: the last one naming the path or an enclosing block, or the one
    /// that added the key.
    func source(of path: String) -> ScenarioOverride? {
        if let override = overrides.last(where: { path == $0.path || path.hasPrefix($0.path + ".") || path.hasPrefix($0.path + "[") }) {
            return override
        }
        return created[path]
    }

    // MARK: tree surgery

    /// `node` with `value` set at `segments`, adding missing mapping keys on the way.
    private mutating func set(_ value: Node, in node: Node, segments: ArraySlice<ScenarioOverride.Segment>,
                              pathSoFar: String, override: ScenarioOverride) throws -> Node {
        guard let segment = segments.first else { return relocated(value, to: node.mark) }
        let path = pathSoFar.isEmpty ? segment.key : "\(pathSoFar).\(segment.key)"
        guard let mapping = node.mapping else {
            throw ScenarioError([diagnostic(at: node, pathSoFar,
                                            "--set \(override): '\(pathSoFar)' is a single value, not a block of fields, so it has no '\(segment.key)'")])
        }
        var pairs = mapping.map { ($0.key, $0.value) }
        if let index = pairs.firstIndex(where: { $0.0.scalar?.string == segment.key }) {
            pairs[index].1 = try descend(into: pairs[index].1, segment: segment, rest: segments.dropFirst(), path: path,
                                         value: value, override: override)
        } else {
            guard segment.indices.isEmpty else {
                throw ScenarioError([diagnostic(at: node, path, "--set \(override): the scenario has no list '\(path)' to index")])
            }
            created[path] = override
            let key = Node.scalar(Node.Scalar(segment.key, .implicit, .any, mapping.mark))
            let child = segments.count == 1 ? relocated(value, to: mapping.mark) : Node.mapping(Node.Mapping([], .implicit, .any, mapping.mark))
            pairs.append((key, try set(value, in: child, segments: segments.dropFirst(), pathSoFar: path, override: override)))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }

    /// Follows a segment's list indices from the node under its key, then the rest of the path.
    private mutating func descend(into node: Node, segment: ScenarioOverride.Segment, rest: ArraySlice<ScenarioOverride.Segment>,
                                  path: String, value: Node, override: ScenarioOverride) throws -> Node {
        guard let index = segment.indices.first else {
            return try set(value, in: node, segments: rest, pathSoFar: path, override: override)
        }
        guard let sequence = node.sequence else {
            throw ScenarioError([diagnostic(at: node, path, "--set \(override): '\(path)' is not a list, so it cannot be indexed")])
        }
        var nodes = Array(sequence)
        guard index < nodes.count else {
            throw ScenarioError([diagnostic(at: node, path,
                                            "--set \(override): index \(index) is out of range: '\(path)' has \(nodes.count) elements")])
        }
        var inner = segment
        inner.indices.removeFirst()
        nodes[index] = try descend(into: nodes[index], segment: inner, rest: rest, path: "\(path)[\(index)]", value: value, override: override)
        return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
    }

    /// The override's value composed as YAML (an empty value is an empty scalar, which the validator reports).
    private func valueNode(_ override: ScenarioOverride) throws -> Node {
        let text = override.value
        if text.count > ScenarioOverrides.maximumValueLength {
            throw ScenarioError([diagnostic(at: nil, override.path,
                                            "--set \(override.path)=…: the value is \(text.count) characters long; at most \(ScenarioOverrides.maximumValueLength) allowed")])
        }
        let preflight = YAMLPreflight.check(text, file: "--set \(override)")
        if let first = preflight.first {
            throw ScenarioError([diagnostic(at: nil, override.path, "--set \(override): the value is not valid YAML: \(first.message)")])
        }
        do {
            return try Yams.compose(yaml: text) ?? .scalar(Node.Scalar(""))
        } catch {
            throw ScenarioError([diagnostic(at: nil, override.path,
                                            "--set \(override): the value is not valid YAML; quote it or write it as in the scenario file")])
        }
    }

    /// A copy of `node` whose marks all point at `mark` (where the replaced field was written), so diagnostics about
    /// the new value point at the line it replaces rather than at a position inside the `--set` text.
    private func relocated(_ node: Node, to mark: Mark?) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.mark = mark
            return .scalar(scalar)
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { (relocated($0.key, to: mark), relocated($0.value, to: mark)) },
                                         mapping.tag, mapping.style, mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { relocated($0, to: mark) }, sequence.tag, sequence.style, mark))
        case .alias:
            return node
        }
    }

    private func diagnostic(at node: Node?, _ path: String, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, path: path, message: message)
    }
}
