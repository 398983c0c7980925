import ArgumentParser
import FacilitySim
import Foundation
import Reporting

/// `factory-twin report DIR [--baseline DIR]`: re-renders report.html, report.md and metrics.prom from saved results.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-render report.html, report.md and metrics.prom from a saved summary.json and timeseries.csv.",
        discussion: """
        Reads DIR/summary.json and DIR/timeseries.csv (optional: without it the time-series charts are \
        left out) as `factory-twin run` wrote them, or a sweep's DIR/sweep.csv (metric against the swept field with \
        95 % bands, feasible points marked), or a plan's DIR/plan.json (recommended design and runners-up with their \
        margins, the feasible region chart), or a document plan's DIR/document-plan.json (the rows, bindings and \
        Pareto front of `plan --meet document`), and writes the report files into DIR (or --out). A run's \
        DIR/sensitivity.json (run --sensitivity) adds the tornado charts. \
        --baseline DIR2 compares with DIR2/summary.json, the air-cooled design of the document's "1.5–2× better".
        """
    )

    @Argument(help: "Directory holding summary.json (and timeseries.csv).")
    var directory: String

    @Option(help: "Directory holding the baseline design's summary.json.")
    var baseline: String?

    @Option(help: "Where to write the reports (default: DIR).")
    var out: String?

    @Flag(help: "Instead, write DIR/README.md linking the report of every subdirectory of DIR that holds a summary.json.")
    var index = false

    @Option(help: ArgumentHelp("Instead, rewrite the generated tables of this README (between its `<!-- generated: NAME -->` markers) from the reports under DIR.",
                               valueName: "README.md"))
    var syncReadme: String?

    func run() throws {
        if let syncReadme { return try sync(readme: syncReadme) }
        if index {
            let root = URL(fileURLWithPath: directory)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            var entries: [(String, RunSummary)] = []
            for name in names.sorted() {
                let file = root.appendingPathComponent(name).appendingPathComponent("summary.json")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                do { entries.append((name, try ReportInput.readSummary(file))) } catch {
                    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                    throw ExitCode.failure
                }
            }
            try ResultWriter.writeAtomically(Data(ReportIndex.render(entries).utf8), to: root.appendingPathComponent("README.md"))
            print("\(entries.count) report(s) indexed → \(root.appendingPathComponent("README.md").path)")
            return
        }
        let documentFile = URL(fileURLWithPath: directory).appendingPathComponent("document-plan.json")
        if FileManager.default.fileExists(atPath: documentFile.path) {
            let plan: DocumentPlanResult
            do { plan = try DocumentPlanReport.load(documentFile) } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            let target = URL(fileURLWithPath: out ?? directory)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try ResultWriter.writeAtomically(Data(DocumentPlanReport.html(plan).utf8), to: target.appendingPathComponent("report.html"))
            try ResultWriter.writeAtomically(Data(DocumentPlanReport.markdown(plan).utf8), to: target.appendingPathComponent("report.md"))
            print("document plan \(plan.scenario): report.html, report.md → \(target.path)")
            return
        }
        let planFile = URL(fileURLWithPath: directory).appendingPathComponent("plan.json")
        if FileManager.default.fileExists(atPath: planFile.path) {
            let plan: CapacityPlanResult
            do { plan = try CapacityPlanResult.load(planFile) } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            let target = URL(fileURLWithPath: out ?? directory), title = URL(fileURLWithPath: directory).lastPathComponent
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try ResultWriter.writeAtomically(Data(PlanReport.html(plan, title: title).utf8), to: target.appendingPathComponent("report.html"))
            try ResultWriter.writeAtomically(Data(PlanReport.markdown(plan, title: title).utf8), to: target.appendingPathComponent("report.md"))
            print("plan \(title): report.html, report.md → \(target.path)")
            return
        }
        let sweepFile = URL(fileURLWithPath: directory).appendingPathComponent("sweep.csv")
        if FileManager.default.fileExists(atPath: sweepFile.path),
           !FileManager.default.fileExists(atPath: URL(fileURLWithPath: directory).appendingPathComponent("summary.json").path) {
            let sweep: SweepInput
            do {
                sweep = try SweepInput.load(sweepFile)
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            let target = URL(fileURLWithPath: out ?? directory)
            let title = URL(fileURLWithPath: directory).lastPathComponent
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try ResultWriter.writeAtomically(Data(SweepReport.html(sweep, title: title).utf8), to: target.appendingPathComponent("report.html"))
            try ResultWriter.writeAtomically(Data(SweepReport.markdown(sweep, title: title).utf8), to: target.appendingPathComponent("report.md"))
            print("sweep \(title): report.html, report.md → \(target.path)")
            return
        }
        let input: ReportInput
        do {
            input = try ReportInput.load(directory: URL(fileURLWithPath: directory),
                                         baseline: baseline.map { URL(fileURLWithPath: $0) })
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let target = URL(fileURLWithPath: out ?? directory)
        try ResultWriter.writeReports(input, to: target)
        print("\(input.summary.scenario): report.html, report.md, metrics.prom → \(target.path)")
    }
}

extension Report {
    /// `--sync-readme FILE`: the README's generated tables from the summaries under `directory` (`ReadmeTables`).
    func sync(readme path: String) throws {
        let text: String
        let blocks: [String: String]
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
            blocks = try ReadmeTables.blocks(reports: URL(fileURLWithPath: directory))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let (synced, changed) = ReadmeTables.sync(readme: text, blocks: blocks)
        if !changed.isEmpty { try ResultWriter.writeAtomically(Data(synced.utf8), to: URL(fileURLWithPath: path)) }
        print(changed.isEmpty ? "\(path): generated tables already match \(directory)"
                              : "\(path): regenerated \(changed.joined(separator: ", ")) from \(directory)")
    }
}
