import FacilitySim
import Foundation

/// The README's headline tables, generated from the committed `Reports/` so they cannot go stale (issue 15 item 8).
///
/// Each table sits between `<!-- generated: NAME … -->` and `<!-- end generated: NAME -->` in README.md;
/// `factory-twin report Reports --sync-readme README.md` (run by `make reports`) rewrites what lies between, and
/// `ReadmeSyncTests` fails when README.md and `Reports/` disagree.
public enum ReadmeTables {
    /// Names of the generated blocks.
    public static let scenarioFigures = "scenario-figures"
    public static let benchmarks = "benchmarks"
    public static let economics = "economics"

    /// The reference design and its baseline, by directory name under `Reports/`.
    public static let reference = "reference-immersion"
    public static let baseline = "traditional-air-cooled"

    /// Every block, rendered from the summaries under `reports` (one subdirectory per scenario).
    /// - Throws: a read error of a summary; `StudyError`-free: a missing reference gives no benchmark block.
    public static func blocks(reports: URL) throws -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        var entries: [(directory: String, summary: RunSummary)] = []
        for name in names.sorted() {
            let file = reports.appendingPathComponent(name).appendingPathComponent("summary.json")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            entries.append((name, try ReportInput.readSummary(file)))
        }
        var out = [scenarioFigures: figures(entries)]
        let ref = entries.first { $0.directory == reference }?.summary
        let base = entries.first { $0.directory == baseline }?.summary
        if let ref {
            out[benchmarks] = benchmarkTable(ref, baseline: base)
            out[economics] = economicsTable(ref, baseline: base)
        }
        return out
    }

    /// One line per report: horizon, PUE, ERF, peak GPU, time above the limit, tokens/s, service availability.
    static func figures(_ entries: [(directory: String, summary: RunSummary)]) -> String {
        var m = "| report | horizon | PUE | ERF | peak GPU | time > limit | tokens/s | service availability |\n"
        m += "|---|---|---|---|---|---|---|---|\n"
        for (dir, s) in entries {
            let tokens = s.tokensPerSecond.map { SVGText.number($0, digits: 3) } ?? "–"
            let service = s.serviceAvailability.map { "\(SVGText.fixed($0 * 100, 3)) %" } ?? "–"
            m += "| [\(dir)](Reports/\(dir)/report.md) | \(SVGText.number(s.simulatedSeconds / 3600, digits: 4)) h | "
            m += "\(SVGText.fixed(s.pue, 4)) | \(SVGText.fixed(s.erf, 3)) | \(SVGText.fixed(s.maxGpuTemperatureCelsius, 2)) °C | "
            m += "\(SVGText.number(s.secondsAboveGpuLimit, digits: 4)) s | \(tokens) | \(service) |\n"
        }
        return m
    }

    /// The document's benchmark table for the reference design against its baseline.
    static func benchmarkTable(_ s: RunSummary, baseline: RunSummary?) -> String {
        var m = "| benchmark | target | measured | verdict |\n|---|---|---|---|\n"
        for row in Benchmarks.rows(s, baseline: baseline) {
            m += "| \(cell(row.name)) | \(cell(row.target)) | \(cell(row.measured)) | \(row.verdict.rawValue) |\n"
        }
        return m
    }

    /// Cost per GPU-hour by category, the reference and its baseline side by side.
    static func economicsTable(_ s: RunSummary, baseline: RunSummary?) -> String {
        let designs = [s] + (baseline.map { [$0] } ?? [])
        var m = "| per GPU-hour | " + designs.map(\.scenario).joined(separator: " | ") + " |\n"
        m += "|---|" + designs.map { _ in "---|" }.joined() + "\n"
        let keys = Set(designs.flatMap { $0.economics?.annualCostByCategoryUsd.keys.map { $0 } ?? [] }).sorted()
        func perGpuHour(_ d: RunSummary, _ usdPerYear: Double) -> String {
            "$\(SVGText.fixed(usdPerYear / (Double(d.gpus) * 8760), 3))"
        }
        for key in keys {
            m += "| \(ReportTables.label(key)) | " + designs.map { d in
                d.economics?.annualCostByCategoryUsd[key].map { perGpuHour(d, $0) } ?? "—"
            }.joined(separator: " | ") + " |\n"
        }
        m += "| **total** | " + designs.map { d in d.economics.map { "**$\(SVGText.fixed($0.costPerGpuHourUsd, 3))**" } ?? "—" }
            .joined(separator: " | ") + " |\n"
        m += "| saving against the cloud reference | " + designs.map { d in
            d.economics?.savingVersusCloudPercent.map { "\(SVGText.fixed($0, 1)) %" } ?? "—"
        }.joined(separator: " | ") + " |\n"
        return m
    }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// `readme` with every block of `blocks` written between its markers; blocks without markers are skipped.
    /// - Returns: the new text and the names of the blocks whose text changed.
    public static func sync(readme: String, blocks: [String: String]) -> (text: String, changed: [String]) {
        var text = readme
        var changed: [String] = []
        for name in blocks.keys.sorted() {
            let endMarker = "<!-- end generated: \(name) -->"
            guard let start = text.range(of: "<!-- generated: \(name) "),
                  let startLineEnd = text.range(of: "-->\n", range: start.upperBound..<text.endIndex),
                  let end = text.range(of: endMarker, range: startLineEnd.upperBound..<text.endIndex) else { continue }
            let body = blocks[name]!
            if text[startLineEnd.upperBound..<end.lowerBound] != body {
                text.replaceSubrange(startLineEnd.upperBound..<end.lowerBound, with: body)
                changed.append(name)
            }
        }
        return (text, changed)
    }
}
