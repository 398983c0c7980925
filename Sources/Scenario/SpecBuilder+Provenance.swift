import Yams

extension SpecBuilder {
    /// `provenance:`: a list of texts (each at most 500 characters, at most 100 of them) saying where the scenario's
    /// non-default values come from, e.g. `calibrated from hall-week.csv, 2026-12-03` (written by `shadow --fit`).
    func readProvenance() -> [String] {
        guard let node = root.value("provenance") else { return [] }
        guard let items = node.sequence, items.count <= 100 else {
            reader.error(at: node, "provenance", "expected a list of at most 100 texts, e.g. [\"calibrated from week.csv, 2026-12-03\"]")
            return []
        }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard let text = item.scalar?.string, text.count <= 500 else {
                reader.error(at: item, "provenance[\(i)]", "expected a text of at most 500 characters")
                continue
            }
            result.append(text)
        }
        return result
    }
}
