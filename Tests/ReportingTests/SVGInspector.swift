import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses one `<svg>` element with Foundation's XML parser and collects its text elements, so tests can check the
/// chart is well-formed XML, has axis labels and has no overlapping labels.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Text {
        var x: Double, y: Double, anchor: String, fontSize: Double, content: String, cls: String, rotated: Bool
        /// Estimated bounding box (the same 0.6 em average glyph width the charts lay out with).
        var box: (minX: Double, maxX: Double, minY: Double, maxY: Double) {
            let w = Double(content.count) * fontSize * 0.6
            let minX = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w : x
            return (minX, minX + w, y - fontSize * 0.8, y + fontSize * 0.2)
        }
    }

    private(set) var texts: [Text] = []
    private(set) var elements: [String: Int] = [:]
    private var current: Text?
    private var fontStack: [Double] = []

    /// Parses `svg`; returns nil with the parser's error when it is not well-formed XML.
    static func inspect(_ svg: String) -> (SVGInspector?, String?) {
        let parser = XMLParser(data: Data(svg.utf8))
        let inspector = SVGInspector()
        parser.delegate = inspector
        guard parser.parse() else { return (nil, parser.parserError.map { "\($0)" } ?? "parse failed") }
        return (inspector, nil)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]) {
        elements[name, default: 0] += 1
        let inherited = fontStack.last ?? 16
        let size = a["font-size"].flatMap(Double.init) ?? inherited
        fontStack.append(size)
        if name == "text" {
            current = Text(x: Double(a["x"] ?? "") ?? 0, y: Double(a["y"] ?? "") ?? 0, anchor: a["text-anchor"] ?? "start",
                           fontSize: size, content: "", cls: a["class"] ?? "", rotated: a["transform"] != nil)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current?.content += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        fontStack.removeLast()
        if name == "text", let t = current { texts.append(t); current = nil }
    }

    /// Pairs of unrotated texts whose estimated boxes intersect.
    var overlaps: [(String, String)] {
        let flat = texts.filter { !$0.rotated }
        var result: [(String, String)] = []
        for i in flat.indices {
            for j in flat.indices where j > i {
                let a = flat[i].box, b = flat[j].box
                if a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY {
                    result.append((flat[i].content, flat[j].content))
                }
            }
        }
        return result
    }

    /// Every `<svg …>…</svg>` element of an HTML document.
    static func svgElements(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}
