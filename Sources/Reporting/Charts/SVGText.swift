import Foundation

/// Escaping and number formatting shared by the SVG, HTML and Markdown writers (locale-independent).
enum SVGText {
    /// `text` with the five XML special characters escaped, safe in element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals (SVG path data stays short and reproducible).
    static func coordinate(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(format: "%.2f", r)
    }

    /// A figure with `digits` significant digits, thousands separated by commas (1,234.5); whole numbers are written
    /// without decimals (8, 8,760).
    static func number(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "−∞") }
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1e15, abs(x) >= 1 { return grouped(String(Int64(x))) }
        let magnitude = Int(floor(log10(abs(x))))
        let decimals = max(0, digits - 1 - magnitude)
        let text = String(format: "%.\(min(decimals, 12))f", x)
        return grouped(text)
    }

    /// A figure with exactly `decimals` decimals and grouped thousands.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "n/a" }
        return grouped(String(format: "%.\(decimals)f", x))
    }

    private static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "−"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if integer.count > 3 {
            var groups: [String] = []
            while integer.count > 3 {
                groups.insert(String(integer.suffix(3)), at: 0)
                integer = String(integer.dropLast(3))
            }
            groups.insert(integer, at: 0)
            integer = groups.joined(separator: ",")
        }
        return sign + integer + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Estimated width of `text` in pixels at `fontSize` (average glyph ≈ 0.6 em for the sans-serif used).
    static func width(_ text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.6 }
}
