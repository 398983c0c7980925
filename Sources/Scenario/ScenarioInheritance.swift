import Foundation
import Yams

/// `extends: base.yaml`: a scenario file that inherits every field of another and overrides some.
///
/// The base file is read (and its own `extends:` followed, up to `maximumDepth` files), then each child is merged
/// over its base: mappings merge key by key, recursively; a child's scalar or list replaces the base's value
/// whole; a child's `null` (`~`, `null` or an empty value) removes the inherited key (e.g. `heat_recovery: ~`).
/// Only the merged tree is validated, so a base may be incomplete. Every node remembers the file that wrote it
/// (`ScenarioSources`): a problem is reported at that file's line and column, and a relative path is resolved
/// against that file's directory. Missing, unreadable, oversized or non-UTF-8 bases and cycles are errors at the
/// `extends:` line; problems of the base's YAML text carry the base's name.
enum ScenarioInheritance {
    /// Longest chain of `extends:` followed (the file being loaded and fifteen ancestors).
    static let maximumDepth = 16

    /// The key that names the base file.
    static let key = "extends"

    /// Follows the `extends:` chain of `root` (the parsed text of `file`, whose relative paths resolve against
    /// `baseDirectory`) and returns the merged tree and where each node came from. A tree without `extends:` is
    /// returned unchanged.
    /// - Throws: `ScenarioError` at the offending `extends:` value, or with the base file's name for problems
    ///   in the base's text (size, encoding, YAML syntax, not a mapping).
    static func resolve(_ root: Node, file: String, baseDirectory: URL) throws -> (root: Node, sources: ScenarioSources) {
        let sources = ScenarioSources(file: file, directory: baseDirectory)
        var chain = [root]
        var visited = [canonicalPath(URL(fileURLWithPath: (file as NSString).lastPathComponent, relativeTo: baseDirectory))]
        var names = [file]
        var current = (node: root, index: 0)
        while let valueNode = current.node.mapping?[key] {
            let writer = sources.sources[current.index]
            func fail(_ message: String) -> ScenarioError {
                ScenarioError([Diagnostic(file: writer.file, line: valueNode.mark?.line ?? 1, column: valueNode.mark?.column ?? 1,
                                          path: key, message: message)])
            }
            guard let name = valueNode.scalar?.string, !name.isEmpty, name.count <= 4096 else {
                throw fail("expected the path of a base scenario file, e.g. `extends: reference-immersion.yaml`, found \(MappingCursor.describe(valueNode))")
            }
            let url = URL(fileURLWithPath: name, relativeTo: writer.directory).standardizedFileURL
            let display = displayName(name, writtenIn: writer.file)
            let canonical = canonicalPath(url)
            if let first = visited.firstIndex(of: canonical) {
                let cycle = (names[first...] + [display]).joined(separator: " → ")
                throw fail("the extends chain is a cycle: \(cycle)")
            }
            guard chain.count < maximumDepth else {
                throw fail("the extends chain is longer than \(maximumDepth) files")
            }
            let base = try readBase(url, display: display, fail: fail)
            let index = sources.add(file: display, directory: url.deletingLastPathComponent())
            sources.register(base, as: index)
            chain.append(base)
            visited.append(canonical)
            names.append(display)
            current = (base, index)
        }
        guard chain.count > 1 else { return (root, sources) }
        var merged = withoutExtends(chain[chain.count - 1])
        for child in chain.dropLast().reversed() {
            merged = merge(withoutExtends(child), over: merged)
        }
        return (merged, sources)
    }

    /// Reads, checks and composes a base file; its own problems carry its name.
    private static func readBase(_ url: URL, display: String, fail: (String) -> ScenarioError) throws -> Node {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw fail("base scenario file not found: \(url.path)")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: ScenarioLoader.maximumFileBytes + 1) ?? Data()
        } catch {
            throw fail("cannot read the base scenario file \(url.path): \((error as NSError).localizedDescription)")
        }
        // A base that is not a scenario-sized text file (a weather CSV named by mistake) is an error at `extends:`.
        if data.count > ScenarioLoader.maximumFileBytes {
            throw fail("the base \(display) is larger than \(ScenarioLoader.maximumFileBytes) bytes; a scenario file is a few kilobytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail("the base \(display) is not UTF-8 text; a scenario is a YAML text file")
        }
        let preflight = YAMLPreflight.check(text, file: display)
        if !preflight.isEmpty { throw ScenarioError(preflight) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioError([ScenarioLoader.yamlDiagnostic(error, file: display)])
        } catch {
            throw ScenarioError([Diagnostic(file: display, line: 1, column: 1, path: "", message: "not valid YAML: \(error)")])
        }
        guard let node else {
            throw ScenarioError([Diagnostic(file: display, line: 1, column: 1, path: "",
                                            message: "the base scenario file is empty; it must be a YAML mapping of scenario fields")])
        }
        guard node.mapping != nil else {
            throw ScenarioError([Diagnostic(file: display, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, path: "",
                                            message: "a base scenario must be a mapping of `key: value` lines, found \(MappingCursor.describe(node))")])
        }
        return node
    }

    /// `child` merged over `base`: mappings key by key (recursively, base order first, then the child's new keys),
    /// anything else replaced by the child's value; a child's null removes an inherited key.
    /// - Complexity: O(k²) per mapping of k keys (scenario mappings hold about ten).
    static func merge(_ child: Node, over base: Node) -> Node {
        guard case .mapping(let childMapping) = child, case .mapping(let baseMapping) = base else { return child }
        var pairs: [(Node, Node)] = baseMapping.map { ($0.key, $0.value) }
        for (key, value) in childMapping {
            guard let name = key.scalar?.string,
                  let i = pairs.firstIndex(where: { $0.0.scalar?.string == name }) else {
                pairs.append((key, value))
                continue
            }
            if isNull(value) {
                pairs.remove(at: i)
            } else {
                pairs[i] = (key, merge(value, over: pairs[i].1))
            }
        }
        // The child's own tag instance keeps the merged mapping attributed to the child.
        return .mapping(Node.Mapping(pairs, childMapping.tag, childMapping.style, childMapping.mark))
    }

    /// A plain `null`, `~` or empty scalar.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The root mapping without its `extends:` key.
    private static func withoutExtends(_ node: Node) -> Node {
        guard case .mapping(let mapping) = node else { return node }
        let pairs = mapping.filter { $0.key.scalar?.string != key }.map { ($0.key, $0.value) }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }

    /// How diagnostics name a base file: its path as written, joined to the directory of the file that wrote it.
    private static func displayName(_ name: String, writtenIn file: String) -> String {
        if name.hasPrefix("/") { return name }
        let directory = (file as NSString).deletingLastPathComponent
        let relative = name.hasPrefix("./") ? String(name.dropFirst(2)) : name
        return directory.isEmpty ? relative : "\(directory)/\(relative)"
    }

    /// The absolute path with symbolic links resolved, so two spellings of one file are one file.
    private static func canonicalPath(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
