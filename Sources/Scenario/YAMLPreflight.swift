import CYaml

/// Walks a scenario's YAML event stream once, iteratively, before the text is handed to Yams' composer,
/// and refuses the inputs that would make composing slow, deep or ambiguous.
///
/// Yams composes recursively and hashes every mapping key as a whole tree, so a document nested thousands
/// of levels deep, or a "billion laughs" cascade of aliases (nine anchors each holding ten aliases of the
/// previous one expand to 10⁹ nodes) would exhaust the stack or run for hours. This pass keeps its own
/// stack of open collections, so it never recurses, and reports with a location and a field path:
///
/// - nesting deeper than `maximumDepth` collections (a scenario needs three: root → block → sub-block);
/// - anchors and aliases whose expansion exceeds `maximumExpandedNodes` nodes, and aliases to anchors not
///   defined before them (including an alias inside its own anchor);
/// - duplicate keys in one mapping (Yams would otherwise stop at the first with a message quoting the file);
/// - a second YAML document in the file;
/// - YAML syntax errors, at libyaml's position (reader errors at the offending byte).
///
/// - Complexity: O(n) time in the length of the text; memory O(depth + number of keys + number of anchors).
struct YAMLPreflight {
    /// Deepest nesting of collections accepted.
    static let maximumDepth = 64
    /// Most nodes the document may hold once every alias is expanded.
    static let maximumExpandedNodes = 100_000

    /// One open collection.
    private struct Frame {
        var isMapping: Bool
        var path: String
        /// Mapping: whether the next node is a key.
        var expectingKey = true
        /// Mapping: the path of the value that follows the current key.
        var valuePath = ""
        /// Mapping: keys seen so far.
        var keys: Set<String> = []
        /// Sequence: index of the next item.
        var index = 0
        /// Expanded-node counter when the collection opened, and its anchor.
        var startCount: Int
        var anchor: String?
    }

    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Checks `text`; returns the diagnostics (empty when Yams may compose it safely).
    static func check(_ text: String, file: String) -> [Diagnostic] {
        var preflight = YAMLPreflight(file: file)
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return [] }
        bytes.withUnsafeMutableBufferPointer { preflight.run($0) }
        return preflight.diagnostics
    }

    private mutating func error(line: Int, column: Int, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: max(line, 1), column: max(column, 1), path: path, message: message))
    }

    private mutating func error(at mark: yaml_mark_t, _ path: String, _ message: String) {
        error(line: Int(mark.line) + 1, column: Int(mark.column) + 1, path, message)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private mutating func run(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            error(line: 1, column: 1, "", "out of memory while reading the YAML text")
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var stack: [Frame] = []
        var anchorSizes: [String: Int] = [:]
        var expanded = 0
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // The top-level field being read when libyaml stopped, named for nesting-limit errors.
                syntaxError(parser, buffer, field: stack.count > 1 ? stack[1].path : "")
                return
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            // The field path of the node this event starts (keys are reported under their own name).
            var nodePath = ""
            if let top = stack.last {
                if !top.isMapping { nodePath = "\(top.path)[\(top.index)]" } else if top.expectingKey { nodePath = top.path } else { nodePath = top.valuePath }
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    error(at: mark, "", "a scenario file holds one YAML document, but a second one starts here ('---')")
                    return
                }
                continue
            case YAML_SCALAR_EVENT:
                expanded += 1
                if let top = stack.last, top.isMapping, top.expectingKey {
                    let key = Self.string(event.data.scalar.value) ?? ""
                    let keyPath = top.path.isEmpty ? key : "\(top.path).\(key)"
                    if !stack[stack.count - 1].keys.insert(key).inserted {
                        error(at: mark, keyPath, "key appears twice in the same mapping")
                    }
                    stack[stack.count - 1].valuePath = keyPath
                }
                if let anchor = Self.string(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let size = anchorSizes[name] else {
                    error(at: mark, nodePath, "alias '*\(name)' refers to no anchor '&\(name)' defined before it")
                    return
                }
                expanded += size
                if let top = stack.last, top.isMapping, top.expectingKey {
                    error(at: mark, top.path.isEmpty ? "?" : "\(top.path).?", "an alias cannot be a key; keys must be plain words")
                    return
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                if let top = stack.last, top.isMapping, top.expectingKey {
                    stack[stack.count - 1].valuePath = top.path.isEmpty ? "?" : "\(top.path).?"
                }
                expanded += 1
                stack.append(Frame(isMapping: isMapping, path: nodePath, startCount: expanded - 1, anchor: anchor))
                if stack.count > Self.maximumDepth {
                    error(at: mark, nodePath, "the YAML is nested more than \(Self.maximumDepth) levels deep; a scenario needs at most 3 (e.g. weather.synthetic.mean)")
                    return
                }
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                if let anchor = frame.anchor { anchorSizes[anchor] = expanded - frame.startCount }
            default:
                continue
            }
            if expanded > Self.maximumExpandedNodes {
                error(at: mark, nodePath, "the document holds more than \(Self.maximumExpandedNodes) YAML nodes once its aliases are expanded (an alias bomb?); a scenario needs a few hundred")
                return
            }
            // A node is complete: advance the enclosing collection.
            if !stack.isEmpty {
                if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() } else { stack[stack.count - 1].index += 1 }
            }
        }
    }

    /// A diagnostic for the error libyaml stopped at.
    private mutating func syntaxError(_ parser: yaml_parser_t, _ buffer: UnsafeMutableBufferPointer<UInt8>, field: String) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark: count lines and characters up to it.
            let offset = min(Int(parser.problem_offset), buffer.count)
            var line = 1, column = 1
            for byte in buffer[0..<offset] {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            let value = parser.problem_value >= 0 ? " (#\(String(parser.problem_value, radix: 16, uppercase: true)))" : ""
            error(line: line, column: column, "", "cannot read the YAML text: \(problem)\(value)")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            if problem.hasPrefix("Maximum nesting level") {
                // libyaml's scanner looks ahead over nested flow collections and may stop there before this pass
                // sees the events that exceed `maximumDepth`.
                error(at: parser.problem_mark, field,
                      "the YAML is nested more than \(Self.maximumDepth) levels deep; a scenario needs at most 3 (e.g. weather.synthetic.mean)")
                return
            }
            var message = "YAML syntax error: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }) {
                message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
            }
            error(at: parser.problem_mark, "", message)
        default:
            error(line: 1, column: 1, "", "cannot read the YAML text: \(problem)")
        }
    }
}
