import FacilitySim

/// The source document's investment breakdown — hardware 40–50 %, software & platform 25–30 %, integration 15–20 %,
/// training & change management 10–15 % of total cost — measured on the TCO model's one-off investment (issue 15
/// item 4), one benchmark row per share.
///
/// The document names no facility category, so its "hardware" is read as all physical capital: servers plus the
/// facility (cooling plant, electrical plant, building); each row says how much of it is the servers alone.
public enum InvestmentBreakdown {
    /// The document's ranges, share of the total investment.
    public static let ranges: [(key: String, name: String, range: ClosedRange<Double>)] = [
        ("hardware", "hardware (servers + facility)", 0.40...0.50),
        ("software_platform", "software & platform", 0.25...0.30),
        ("integration", "integration", 0.15...0.20),
        ("training", "training & change management", 0.10...0.15),
    ]

    /// Shares of the total investment by the document's categories (hardware = servers + facility), or nil when the
    /// run has no investment figures or they sum to 0.
    public static func shares(_ investment: [String: Double]?) -> [String: Double]? {
        guard let investment else { return nil }
        let total = investment.keys.sorted().reduce(0) { $0 + investment[$1]! }
        guard total > 0 else { return nil }
        return ["hardware": ((investment["hardware"] ?? 0) + (investment["facility"] ?? 0)) / total,
                "servers": (investment["hardware"] ?? 0) / total,
                "software_platform": (investment["software_platform"] ?? 0) / total,
                "integration": (investment["integration"] ?? 0) / total,
                "training": (investment["training"] ?? 0) / total]
    }

    /// One benchmark row per category: pass when the share lies in the document's range (rounded to 0.1 %).
    public static func rows(_ s: RunSummary) -> [BenchmarkRow] {
        let investment = s.economics?.investmentByCategoryUsd
        let shares = shares(investment)
        let total = investment.map { $0.values.reduce(0, +) }
        return ranges.map { entry in
            let share = shares?[entry.key]
            var measured = share.map { "\(SVGText.fixed($0 * 100, 1)) %" } ?? "—"
            if entry.key == "hardware", let servers = shares?["servers"] {
                measured += " (servers \(SVGText.fixed(servers * 100, 1)) %)"
            }
            if let total, entry.key == "hardware" { measured += " of $\(SVGText.number(total / 1e6, digits: 4)) M" }
            let verdict: BenchmarkVerdict = share.map {
                let rounded = ($0 * 1000).rounded() / 1000
                return entry.range.contains(rounded) ? .pass : .fail
            } ?? .notModelled
            return BenchmarkRow(
                name: "Investment: \(entry.name)",
                target: "\(SVGText.fixed(entry.range.lowerBound * 100, 0))–\(SVGText.fixed(entry.range.upperBound * 100, 0)) % of total",
                measured: measured, verdict: verdict,
                definition: "Share of the one-off investment of the TCO model (economics.investment_by_category_usd): hardware = servers + facility (cooling, electrical, building; the document names no facility category); software & platform = per-GPU licence (default NVIDIA AI Enterprise perpetual, $22,500/GPU with 5 years of support); integration (default one licence-year, $4,500/GPU: integration ≈ the first year of licensing); training & change management (default 15 % of the first-year AI budget, the low end of a 2024 survey's 15–25 %). Sources in EconomicsDefaults. Pass when the share, rounded to 0.1 %, is in the range.",
                provenance: .modelled)
        }
    }
}
