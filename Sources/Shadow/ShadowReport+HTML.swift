import Foundation
import Reporting
import Telemetry

extension ShadowReport {
    /// `report.html`: one self-contained page (inline CSS and SVG).
    static func html(_ run: ShadowRun) -> String {
        let e = SVGCharts.escape
        let hours = run.data.times.map { ($0 - run.data.times[0]) / 3600 }
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>FactoryTwin shadow — \(e(run.scenarioName))</title>
        <style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}
        td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}td:first-child{text-align:left}
        .bad{color:#b00}.note{color:#555}</style></head><body>
        <h1>Shadow mode — \(e(run.scenarioName)) against \(e(run.telemetrySource))</h1>
        <p class="note">\(run.data.times.count) instants from \(ISO8601.string(run.data.times.first!)) to \(ISO8601.string(run.data.times.last!)).
        Error = simulated − measured. "Uncalibrated": the scenario's values; "calibrated": the fitted values.</p>

        """
        h += "<h2>Comparison</h2>\n" + comparisonTable(run, pooledOnly: true)
        h += "<h2>What was skipped</h2>\n" + skipTable(run.data.skips)
        if let c = run.calibration { h += calibrationTables(c) }
        h += "<h2>Drift</h2>\n"
        h += run.alarms.isEmpty ? "<p>No signal left its calibrated band.</p>\n"
            : "<table><tr><th>signal</th><th>alarm at</th><th>side</th><th>CUSUM</th><th>σ</th></tr>\n" + run.alarms.map {
                "<tr><td>\(e($0.signal))</td><td>\(ISO8601.string($0.time))</td><td>\($0.side)</td><td>\(String(format: "%.1f", $0.statistic))</td><td>\(String(format: "%.3g", $0.sigma))</td></tr>\n"
            }.joined() + "</table>\n"
        h += "<h2>Charts</h2>\n"
        var chartSignals = run.data.measured.map(\.signal).filter { $0 == ShadowSignal(.gpuTemperature, tank: 0) || !$0.kind.perTank }
        chartSignals += run.data.measured.map(\.signal).filter { s in run.alarms.contains { $0.signal == s.description } && s.tank != 0 }
        for signal in chartSignals {
            guard let measured = run.data.measured.first(where: { $0.signal == signal })?.values,
                  let before = run.predictionBefore.values(signal) else { continue }
            let scale = signal.kind.dimension == .power ? 1e-3 : 1
            let unit = signal.kind.dimension == .power ? "kW" : "°C"
            var lines = [SVGCharts.Line(name: "measured", x: hours, y: measured.map { $0 * scale }, scatter: true),
                         SVGCharts.Line(name: "twin, uncalibrated", x: hours, y: before.map { $0 * scale })]
            var residuals = [SVGCharts.Line(name: "uncalibrated", x: hours, y: zip(before, measured).map { ($0 - $1) * scale })]
            if let after = run.predictionAfter?.values(signal) {
                lines.append(SVGCharts.Line(name: "twin, calibrated", x: hours, y: after.map { $0 * scale }))
                residuals.append(SVGCharts.Line(name: "calibrated", x: hours, y: zip(after, measured).map { ($0 - $1) * scale }))
            }
            h += SVGCharts.lineChart(title: "\(signal): measured and simulated", xLabel: "hours from the first instant", yLabel: "\(signal.kind.rawValue) (\(unit))", lines: lines) + "\n"
            h += SVGCharts.lineChart(title: "\(signal): residual (simulated − measured)", xLabel: "hours from the first instant",
                                     yLabel: "error (\(unit == "°C" ? "K" : unit))", lines: residuals, references: [(0, "0")]) + "\n"
        }
        h += "<h2>Every signal</h2>\n" + comparisonTable(run, pooledOnly: false)
        return h + "</body></html>\n"
    }

    static func number(_ v: Double) -> String { v.isNaN ? "–" : String(format: abs(v) >= 1000 ? "%.0f" : "%.4g", v) }

    static func comparisonTable(_ run: ShadowRun, pooledOnly: Bool) -> String {
        var t = "<table><tr><th>signal</th><th>unit</th><th>samples</th><th>MAPE % uncal.</th><th>RMSE uncal.</th><th>bias uncal.</th><th>worst uncal.</th>"
        if run.after != nil { t += "<th>MAPE % cal.</th><th>RMSE cal.</th><th>bias cal.</th><th>worst cal.</th>" }
        t += "</tr>\n"
        for c in run.before where pooledOnly == !c.signal.hasPrefix("tank[") {
            t += "<tr><td>\(SVGCharts.escape(c.signal))</td><td>\(c.unit)</td><td>\(c.samples)</td><td class=\"bad\">\(number(c.mapePercent))</td><td>\(number(c.rmse))</td><td>\(number(c.bias))</td><td>\(number(c.worstError))</td>"
            if let a = run.after?.first(where: { $0.signal == c.signal }) {
                t += "<td>\(number(a.mapePercent))</td><td>\(number(a.rmse))</td><td>\(number(a.bias))</td><td>\(number(a.worstError))</td>"
            }
            t += "</tr>\n"
        }
        return t + "</table>\n"
    }

    static func skipTable(_ s: SkipCounts) -> String {
        var rows = [("rows read", "\(s.rowsRead)"), ("rows used", "\(s.rowsUsed)"), ("duplicate rows skipped", "\(s.duplicateRows)"),
                    ("out-of-order rows skipped", "\(s.outOfOrderRows)"), ("gaps (inputs held across)", "\(s.gaps), \(Int(s.gapSeconds)) s")]
        rows += s.inputsHeld.sorted { $0.key < $1.key }.map { ("input samples held: \($0.key)", "\($0.value)") }
        let missing = s.outputsMissing.values.reduce(0, +)
        rows.append(("output samples missing (not compared)", "\(missing) over \(s.outputsMissing.count) signals"))
        return "<table>" + rows.map { "<tr><td>\(SVGCharts.escape($0.0))</td><td>\($0.1)</td></tr>" }.joined(separator: "\n") + "</table>\n"
    }

    static func calibrationTables(_ c: ShadowCalibration) -> String {
        var t = "<h2>Calibration</h2>\n<p class=\"note\">GSL trust-region nonlinear least squares on \(c.residuals) standardised residuals, "
            + "\(c.iterations) iterations, \(c.converged ? "converged" : "not converged"); σ per signal kind: "
            + c.sigma.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.3g", $0.value))" }.joined(separator: ", ")
            + (c.excluded.isEmpty ? "" : "; left out as drifting: " + c.excluded.joined(separator: ", ")) + ".</p>\n"
        t += "<table><tr><th>parameter</th><th>unit</th><th>scenario</th><th>estimate</th><th>95 % interval</th><th>identifiable</th></tr>\n"
        for e in c.estimates {
            t += "<tr><td>\(e.parameter)</td><td>\(e.unit)</td><td>\(number(e.scenarioValue))</td><td>\(number(e.estimate))</td>"
                + "<td>\(number(e.lower95)) … \(number(e.upper95))</td><td>\(e.unidentifiable ? "<span class=\"bad\">no</span>" : "yes")</td></tr>\n"
        }
        t += "</table>\n<table><tr><th>correlation</th>" + c.estimates.map { "<th>\($0.parameter)</th>" }.joined() + "</tr>\n"
        for (i, e) in c.estimates.enumerated() {
            t += "<tr><td>\(e.parameter)</td>" + c.correlation[i].map { "<td>\(String(format: "%.3f", $0))</td>" }.joined() + "</tr>\n"
        }
        return t + "</table>\n"
    }
}
