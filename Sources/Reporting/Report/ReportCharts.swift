import FacilitySim
import Foundation

/// The charts of a report, built from the time series and the summaries; each is an `<svg>` with labelled axes.
enum ReportCharts {
    /// Title and SVG of every chart the inputs allow, in reading order.
    static func all(_ input: ReportInput) -> [(title: String, caption: String, svg: String)] {
        var charts: [(String, String, String)] = []
        if let ts = input.timeSeries, ts.count > 1, let t = ts.column("time_s") {
            charts += timeSeriesCharts(ts, time: t, summary: input.summary)
        }
        if let latency = input.summary.latencySeconds { charts.append(latencyHistogram(latency)) }
        if let availability = input.replicated?.chart { charts.append(availability) }
        charts.append(energyBars(input))
        if let cost = costBars(input) { charts.append(cost) }
        return charts
    }

    static func timeAxis(_ t: [Double]) -> (label: String, scale: Double) {
        let span = (t.last ?? 0) - (t.first ?? 0)
        if span > 3 * 86_400 { return ("time since start (days)", 86_400) }
        if span > 3 * 3600 { return ("time since start (h)", 3600) }
        return ("time since start (min)", 60)
    }

    static func timeSeriesCharts(_ ts: TimeSeries, time: [Double], summary: RunSummary) -> [(String, String, String)] {
        let (xLabel, unit) = timeAxis(time)
        let x = time.map { $0 / unit }
        let envelope = ts.count > 720 ? " Long series are drawn as a min–max band per bucket around the bucket mean." : ""
        func series(_ names: [(column: String, label: String)], scale: Double = 1) -> [LineChart.Series] {
            names.compactMap { n in ts.column(n.column).map { LineChart.Series(name: n.label, x: x, y: $0.map { $0 * scale }) } }
        }
        func cohorts(_ suffix: String) -> [(column: String, label: String)] {
            ts.columns.filter { $0.hasSuffix(suffix) && $0 != "gpu_max_c" }.map { ($0, String($0.dropLast(suffix.count)).replacingOccurrences(of: "_", with: " ")) }
        }
        var charts: [(String, String, String)] = []
        var gpu = LineChart(title: "GPU temperature", xLabel: xLabel, yLabel: "GPU junction temperature (°C)",
                            series: series([("gpu_max_c", "hottest GPU")] + cohorts("_gpu_c")))
        gpu.references = [.init(value: summary.gpuTemperatureLimitCelsius, label: "limit \(SVGText.fixed(summary.gpuTemperatureLimitCelsius, 0)) °C")]
        charts.append(("GPU temperature", "Hottest GPU and each cohort's GPU module temperature against the policy limit.\(envelope)", gpu.svg()))
        if let pue = ts.column("pue_instant") {
            var c = LineChart(title: "PUE", xLabel: xLabel, yLabel: "instantaneous PUE (–)", series: [.init(name: "PUE at the sample", x: x, y: pue)])
            c.references = [.init(value: Benchmarks.pueTarget, label: "document target 1.1")]
            charts.append(("PUE", "Facility power / IT power at each sample (the annual figure weights by energy).\(envelope)", c.svg()))
        }
        if let it = ts.column("it_power_w"), let total = ts.column("facility_power_w"), let cooling = ts.column("cooling_power_w") {
            let peak = total.max() ?? 0
            let (unitName, scale) = peak >= 2e6 ? ("MW", 1e-6) : ("kW", 1e-3)
            var s = series([("facility_power_w", "facility total"), ("it_power_w", "IT"), ("cooling_power_w", "cooling (pumps, fans, chiller)"),
                            ("chiller_power_w", "chiller")], scale: scale)
            let other = zip(total, zip(it, cooling)).map { ($0.0 - $0.1.0 - $0.1.1) * scale }
            s.append(.init(name: "power chain and other", x: x, y: other))
            s += series([("heat_recovered_w", "heat recovered (thermal)")], scale: scale)
            charts.append(("Power by subsystem", "Electrical power by subsystem; heat recovered is thermal power exported to the heat user.\(envelope)",
                           LineChart(title: "Power by subsystem", xLabel: xLabel, yLabel: "power (\(unitName))", series: s).svg()))
        }
        let coolant = series([("supply_c", "facility water supply")] + cohorts("_sink_c").map { ($0.column, "\($0.label) coolant / fluid") })
        if !coolant.isEmpty {
            charts.append(("Coolant temperatures", "Facility-water supply and each cohort's tank fluid, plate coolant or air path.\(envelope)",
                           LineChart(title: "Coolant temperatures", xLabel: xLabel, yLabel: "temperature (°C)", series: coolant).svg()))
        }
        let weather = series([("dry_bulb_c", "dry bulb"), ("wet_bulb_c", "wet bulb")])
        if !weather.isEmpty {
            charts.append(("Weather", "Outdoor conditions driving heat rejection.\(envelope)",
                           LineChart(title: "Weather", xLabel: xLabel, yLabel: "outdoor temperature (°C)", series: weather).svg()))
        }
        let clocks = series([("utilisation", "load (utilisation)")] + cohorts("_clock").map { ($0.column, "\($0.label) clock f/f_max") })
        if !clocks.isEmpty {
            charts.append(("Load and GPU clock", "GPU utilisation and each cohort's clock ratio; a clock below 1 is throttling (throttled GPU-time \(SVGText.fixed(summary.throttledFraction * 100, 2)) %).\(envelope)",
                           LineChart(title: "Load and GPU clock (throttling)", xLabel: xLabel, yLabel: "fraction (0–1)", series: clocks).svg()))
        }
        let tokenColumns = ts.columns.filter { $0.contains("token") }
        if !tokenColumns.isEmpty {
            charts.append(("Tokens", "Token throughput of the serving model.\(envelope)",
                           LineChart(title: "Token throughput", xLabel: xLabel, yLabel: "tokens per second",
                                     series: series(tokenColumns.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) })).svg()))
        }
        return charts
    }

    static func latencyHistogram(_ l: LatencySummary) -> (String, String, String) {
        let b = l.histogramBucketsSeconds, c = l.histogramCumulativeCounts
        var bars: [BarChart.Bar] = []
        var previous = 0, lower = 0.0
        for (i, bound) in b.enumerated() where i < c.count {
            bars.append(.init(label: "\(SVGText.number(lower, digits: 2))–\(SVGText.number(bound, digits: 2)) s", values: [Double(c[i] - previous)]))
            previous = c[i]
            lower = bound
        }
        if c.count > b.count { bars.append(.init(label: "> \(SVGText.number(lower, digits: 2)) s", values: [Double(c[b.count] - previous)])) }
        let chart = BarChart(title: "End-to-end latency", xLabel: "latency bucket (s)", yLabel: "requests", categories: ["requests"], bars: bars)
        return ("Latency histogram", "Requests per latency bucket (the document's buckets 0.1, 0.5, 1, 2, 5 s); p50 \(SVGText.number(l.endToEnd.p50, digits: 3)) s, p99 \(SVGText.number(l.endToEnd.p99, digits: 3)) s.", chart.svg())
    }

    static func energyBars(_ input: ReportInput) -> (String, String, String) {
        let runs = [input.summary] + (input.baseline.map { [$0] } ?? [])
        let keys = Array(Set(runs.flatMap { $0.energyBySubsystemJoules.keys })).sorted {
            ($0 == "it" ? 0 : 1, $0) < ($1 == "it" ? 0 : 1, $1)
        }
        let bars = runs.map { s in BarChart.Bar(label: s.scenario, values: keys.map { (s.energyBySubsystemJoules[$0] ?? 0) / 3.6e9 }) }
        let chart = BarChart(title: "Energy by subsystem", xLabel: "scenario", yLabel: "energy over the horizon (MWh)",
                             categories: keys.map(ReportTables.label), bars: bars)
        return ("Energy by subsystem", "Electricity drawn over the horizon by subsystem\(input.baseline == nil ? "" : ", against the baseline design"); IT at the bottom.", chart.svg())
    }

    static func costBars(_ input: ReportInput) -> (String, String, String)? {
        let runs = ([input.summary] + (input.baseline.map { [$0] } ?? [])).filter { $0.economics != nil }
        guard !runs.isEmpty else { return nil }
        let keys = Array(Set(runs.flatMap { $0.economics!.annualCostByCategoryUsd.filter { $0.value > 0 }.keys })).sorted()
        let bars = runs.map { s in BarChart.Bar(label: s.scenario, values: keys.map { (s.economics!.annualCostByCategoryUsd[$0] ?? 0) / 1e6 }) }
        let chart = BarChart(title: "Annual cost by category", xLabel: "scenario", yLabel: "cost (million USD per year)",
                             categories: keys.map(ReportTables.label), bars: bars)
        return ("Cost breakdown", "Annualised capital (capital recovery factor) and operating cost by category; income from heat sales is not drawn.", chart.svg())
    }
}
