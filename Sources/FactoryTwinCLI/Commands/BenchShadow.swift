import ArgumentParser
import Foundation
import Scenario
import Shadow

/// `factory-twin bench shadow`: read, compare and calibrate a week of 1-minute telemetry (the shipped 1,024-GPU hall),
/// one JSON object on stdout with the wall time of each stage.
struct BenchShadow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow",
        abstract: "Compare + calibrate a week of 1-minute telemetry for the 1,024-GPU hall (JSON).")

    @Option(help: "Scenario of the hall.")
    var scenario: String = "Scenarios/telemetry/reference-hall-week.yaml"

    @Option(help: "Telemetry CSV.")
    var telemetry: String = "Scenarios/telemetry/reference-hall-week.csv"

    @Option(help: "Map file.")
    var map: String = "Scenarios/telemetry/reference-hall-week.map.yaml"

    struct Report: Encodable {
        var benchmark = "shadow"
        var scenario: String
        var telemetry: String
        var gpus: Int
        var tanks: Int
        var rows: Int
        var residuals: Int
        var parameters: [String]
        var readSeconds: Double
        var compareSeconds: Double
        var calibrateSeconds: Double
        var totalSeconds: Double
        var evaluations: Int
        var cpuSeconds: Double
        var cores: Int
        var gpuTemperatureMapePercentCalibrated: Double
        var facilityPowerMapePercentCalibrated: Double
        var build: BenchEngine.BuildInfo
    }

    func run() throws {
        let spec = try ScenarioInput.load(scenario)
        let cpu0 = BenchReplications.cpuSeconds()
        let t0 = DispatchTime.now().uptimeNanoseconds
        func seconds(since t: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9 }
        let plant = try ShadowPlant(spec: spec)
        let data = try ShadowData.align(try ShadowTelemetry.read(telemetry), map: try SignalMap.read(path: map, tanks: plant.tanks), tanks: plant.tanks)
        let read = seconds(since: t0)
        let t1 = DispatchTime.now().uptimeNanoseconds
        _ = SignalComparison.compare(data, plant.predict(data, values: plant.scenarioValues))
        let compare = seconds(since: t1)
        let t2 = DispatchTime.now().uptimeNanoseconds
        let run = try ShadowRun.run(plant: plant, data: data, fit: ShadowParameter.defaultFit)
        let calibrate = seconds(since: t2)
        let total = seconds(since: t0)
        let report = Report(scenario: scenario, telemetry: telemetry, gpus: spec.facility.gpus, tanks: plant.tanks, rows: data.times.count,
                            residuals: run.calibration?.residuals ?? 0, parameters: ShadowParameter.defaultFit.map(\.rawValue),
                            readSeconds: read, compareSeconds: compare, calibrateSeconds: calibrate, totalSeconds: total,
                            evaluations: run.calibration?.evaluations ?? 0, cpuSeconds: BenchReplications.cpuSeconds() - cpu0,
                            cores: ProcessInfo.processInfo.activeProcessorCount,
                            gpuTemperatureMapePercentCalibrated: run.pooled(.gpuTemperature).after?.mapePercent ?? .nan,
                            facilityPowerMapePercentCalibrated: run.after?.first { $0.signal == "facility_power" }?.mapePercent ?? .nan,
                            build: BenchEngine.BuildInfo.current)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
