import Foundation
import Yams

/// Which file wrote each node of a scenario tree merged from several files by `extends:`.
///
/// A diagnostic names the file that holds the offending text, and a relative path (weather, load, profile
/// files) is resolved against the directory of the file that wrote it. Yams' `Mark` carries only a line and a
/// column, so the file is found by node identity: the composer gives every node its own `Tag` instance and the
/// merge keeps those instances, so the tag's object identity names the node. Nodes not registered (those of the
/// file being loaded, merged mappings rebuilt from the child's own node, nodes made by overrides) belong to the
/// file being loaded, source 0.
public final class ScenarioSources {
    /// One file of the chain.
    public struct Source: Sendable, Equatable {
        /// The file name printed in diagnostics (as the user or the `extends:` line wrote it).
        public var file: String
        /// The directory that relative paths written in this file are resolved against.
        public var directory: URL
    }

    /// The files of the chain: `[0]` is the file being loaded, then its base, the base's base, …
    public private(set) var sources: [Source]
    /// Source index of each registered node, keyed by the identity of the node's tag object.
    private var origin: [ObjectIdentifier: Int] = [:]
    /// The registered trees, kept alive so that no tag identity is reused while this table exists.
    private var retained: [Node] = []

    /// A table holding only the file being loaded.
    public init(file: String, directory: URL) {
        sources = [Source(file: file, directory: directory)]
    }

    /// Adds a base file; returns its index.
    func add(file: String, directory: URL) -> Int {
        sources.append(Source(file: file, directory: directory))
        return sources.count - 1
    }

    /// Records that every node of `tree` was written by source `index`.
    /// - Complexity: O(n) in the nodes of the tree; iterative (the tree passed `YAMLPreflight`'s depth limit anyway).
    func register(_ tree: Node, as index: Int) {
        retained.append(tree)
        var stack = [tree]
        while let node = stack.popLast() {
            if let tag = Self.storedTag(of: node) { origin[ObjectIdentifier(tag)] = index }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append(key); stack.append(value) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
    }

    /// Attributes the nodes that `--set` overrides made to a file: a node that replaced another at the same path takes
    /// the replaced node's file, a node added to a mapping the mapping's file — the files whose positions the overrides
    /// copied into the new nodes' marks, so a diagnostic's line and column are read against the right file.
    /// - Complexity: O(n) in the nodes of the tree; recursion depth is the tree's (at most `YAMLPreflight.maximumDepth`).
    func adopt(_ tree: Node, replacing old: Node?) {
        guard sources.count > 1 else { return }
        retained.append(tree)
        adopt(tree, replacing: old, inherited: 0)
    }

    private func adopt(_ node: Node, replacing old: Node?, inherited: Int) {
        guard let tag = Self.storedTag(of: node) else { return }
        let index = origin[ObjectIdentifier(tag)] ?? old.flatMap(Self.storedTag).flatMap { origin[ObjectIdentifier($0)] } ?? inherited
        origin[ObjectIdentifier(tag)] = index
        switch node {
        case .mapping(let mapping):
            let previous = old?.mapping
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                let oldKey = previous?.keys.first { $0.scalar?.string == name }
                adopt(key, replacing: oldKey, inherited: index)
                adopt(value, replacing: previous?[name], inherited: index)
            }
        case .sequence(let sequence):
            let previous = old?.sequence.map(Array.init) ?? []
            for (i, item) in sequence.enumerated() {
                adopt(item, replacing: i < previous.count ? previous[i] : nil, inherited: index)
            }
        case .scalar, .alias:
            break
        }
    }

    /// The file that wrote `node` (the file being loaded when the node is unknown or `nil`).
    public func source(of node: Node?) -> Source {
        guard let node, let tag = Self.storedTag(of: node), let index = origin[ObjectIdentifier(tag)] else { return sources[0] }
        return sources[index]
    }

    /// The tag object the composer stored on the node (not `Node.tag`, which may build a resolved copy).
    private static func storedTag(of node: Node) -> Tag? {
        switch node {
        case .scalar(let scalar): scalar.tag
        case .mapping(let mapping): mapping.tag
        case .sequence(let sequence): sequence.tag
        case .alias(let alias): alias.tag
        }
    }
}
