import FacilityModels
import FacilitySim
import Foundation
import Operations
import Yams

/// Turns the root mapping of a scenario file into a `ScenarioSpec`, recording diagnostics on the way.
///
/// Each block has its own method; every method reads all its keys (so a problem in one field never
/// hides another) and ends with `rejectUnknownKeys()`.
struct SpecBuilder {
    let reader: ScenarioReader
    let root: MappingCursor
    let baseDirectory: URL

    func build() -> ScenarioSpec? {
        if let version = root.integer("schema_version", default: ScenarioLoader.schemaVersion, range: 1...1_000),
           version != ScenarioLoader.schemaVersion {
            reader.error(at: root.value("schema_version"), "schema_version",
                         "this build reads schema version \(ScenarioLoader.schemaVersion), the file declares \(version)")
        }
        root.accept("description")
        let provenance = readProvenance()
        let name = root.string("name", required: true, maxLength: 100)
        if let name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            reader.error(at: root.value("name"), "name", "a name must be non-empty, must not contain '/' or start with '.' (it names the output directory)")
        }
        let seed = root.integer("seed", default: 1, range: 0...Int.max)
        let horizon = root.quantity("horizon", .time, range: 1...(100 * 31_536_000.0), required: true)
        let sampling = root.quantity("sampling_interval", .time, default: 3600, range: 1...(31_536_000.0))
        if let horizon, let sampling, sampling > horizon {
            reader.error(at: root.value("sampling_interval"), "sampling_interval",
                         "the sampling interval (\(sampling) s) is longer than the horizon (\(horizon) s)")
        }
        // Where in the weather year the run starts: whole hours from 00:00 on 1 January (e.g. `start: 4560h`).
        let start = root.quantity("start", .time, default: 0, range: 0...(100 * 31_536_000.0))
        if let start, start.truncatingRemainder(dividingBy: 3600) != 0 {
            reader.error(at: root.value("start"), "start", "the start must be a whole number of hours (the weather is hourly), got \(start) s")
        }
        let fidelity = root.choice("fidelity", ScenarioSpec.Fidelity.self, default: .fluid)
        let facility = readFacility()
        let cooling = readCoolingSystem()
        checkPrimaryShare(facility: facility, cooling: cooling)
        let thermal = readThermalManagement()
        let plant = readPlant(cooling: cooling)
        let weather = readWeather()
        let load = readLoad()
        let blocks = readOptionalBlocks()
        root.rejectUnknownKeys()

        guard let name, let seed, let horizon, let sampling, let start, let fidelity, let facility, let cooling,
              let thermal, let plant, let weather, let load else { return nil }
        var spec = ScenarioSpec(name: name, seed: UInt64(seed), horizonSeconds: horizon, samplingIntervalSeconds: sampling,
                                fidelity: fidelity, facility: facility, coolingSystem: cooling, thermalManagement: thermal,
                                plant: plant, weather: weather, load: load, startHour: Int(start / 3600))
        for apply in blocks { apply(&spec) }
        spec.provenance = provenance
        return spec
    }

    /// Reads the optional blocks that later issues add (serving, reliability, governance, economics …), each in its
    /// own `SpecBuilder+Block.swift`. A reader records its diagnostics and returns how to set its part of the spec
    /// (nothing when the block is absent or invalid: the load then fails on the recorded diagnostics).
    func readOptionalBlocks() -> [(inout ScenarioSpec) -> Void] {
        var apply: [(inout ScenarioSpec) -> Void] = []
        apply.reserveCapacity(8)
        apply += readReliability()
        if let plan = readPlan() { apply.append(plan) }
        if let sweep = readSweep() { apply.append(sweep) }
        if let governance = readAIGovernance() { apply.append(governance) }
        if let serving = readServing() { apply.append(serving) }
        if let training = readTraining() { apply.append(training) }
        for reader in [readEconomics, readLimits, readServiceLevel] { if let set = reader() { apply.append(set) } }
        return apply
    }

    /// A path written in the scenario, resolved against the directory of the file that wrote it (`extends:`).
    func resolve(_ path: String, writtenAt node: Node?) -> URL {
        let directory = reader.sources?.source(of: node).directory ?? baseDirectory
        return URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
    }

    func readFacility() -> FacilitySpec? {
        guard let m = root.mapping("facility") else {
            if !root.contains("facility") { reader.error(at: root.node, "facility", "missing required block (accelerator, gpus, …)") }
            return nil
        }
        defer { m.rejectUnknownKeys() }
        var accelerator = m.string("accelerator", default: "H100-SXM")
        if let name = accelerator, (try? AcceleratorCatalogue.spec(named: name)) == nil {
            let names = AcceleratorCatalogue.all.map(\.name)
            reader.error(at: m.value("accelerator"), m.child("accelerator"),
                         "'\(name.prefix(40))' is not one of: \(names.joined(separator: ", "))\(Suggestion.hint(for: name, among: names))")
            accelerator = nil
        }
        let gpus = m.integer("gpus", range: 1...10_000_000, required: true)
        let perServer = m.integer("gpus_per_server", default: 8, range: 1...1024)
        let share = m.quantity("primary_share", .fraction, default: 1, range: 0...1)
        let perTank = m.integer("gpus_per_tank", default: 32, range: 1...100_000)
        let perRack = m.integer("gpus_per_rack", default: 32, range: 1...100_000)
        guard let accelerator, let gpus, let perServer, let share, let perTank, let perRack else { return nil }
        return FacilitySpec(accelerator: accelerator, gpus: gpus, gpusPerServer: perServer, primaryShare: share,
                            gpusPerTank: perTank, gpusPerRack: perRack)
    }

    /// Cross-field rule between `facility.primary_share` and `cooling_system.secondary`: a share below 1 puts GPUs on
    /// the secondary system, so it needs one.
    func checkPrimaryShare(facility: FacilitySpec?, cooling: CoolingSystemBlock?) {
        guard let facility, let cooling, facility.primaryShare < 1, cooling.secondary == .none else { return }
        reader.error(at: root.value("facility")?.mapping?["primary_share"], "facility.primary_share",
                     "\(facility.primaryShare) leaves GPUs for the secondary cooling, but cooling_system.secondary is none; set primary_share: 1 or name a secondary technology")
    }

    func readCoolingSystem() -> CoolingSystemBlock? {
        guard let m = root.mapping("cooling_system") else {
            if !root.contains("cooling_system") {
                reader.error(at: root.node, "cooling_system", "missing required block (primary: liquid_immersion | direct_to_chip | air)")
            }
            return nil
        }
        defer { m.rejectUnknownKeys() }
        let primary = m.choice("primary", CoolingSystemBlock.Technology.self, required: true)
        let secondary = m.choice("secondary", CoolingSystemBlock.Technology.self, default: CoolingSystemBlock.Technology.none)
        let target = m.quantity("power_usage_effectiveness_target", .dimensionless, range: 1...5)
        let recovery = m.flag("heat_recovery", default: false)
        let redundancy = m.choice("redundancy", CoolingSystemBlock.Redundancy.self, default: .n)
        if primary == CoolingSystemBlock.Technology.none {
            reader.error(at: m.value("primary"), m.child("primary"), "the primary cooling cannot be 'none': GPUs must be cooled")
        }
        if let primary, primary != .none, secondary == primary {
            reader.error(at: m.value("secondary"), m.child("secondary"),
                         "the secondary cooling is the primary one ('\(primary.rawValue)'); give another technology or 'none'")
        }
        guard let primary, let secondary, let redundancy else { return nil }
        return CoolingSystemBlock(primary: primary, secondary: secondary, powerUsageEffectivenessTarget: target,
                                  heatRecovery: recovery, redundancy: redundancy)
    }

    func readThermalManagement() -> ThermalManagementBlock? {
        guard let m = root.mapping("thermal_management") else {
            return root.contains("thermal_management") ? nil : ThermalManagementBlock()
        }
        defer { m.rejectUnknownKeys() }
        let threshold = m.quantity("gpu_temperature_threshold", .temperature, default: 70, range: 20...120)
        let throttling = m.flag("automatic_throttling", default: true)
        let maintenance = m.choice("predictive_maintenance", ThermalManagementBlock.PredictiveMaintenance.self, default: .disabled)
        // Clock control (issue 6): defaults and their sources are in Operations (ReactiveThrottle, PredictiveThrottle).
        let controller = m.choice("controller", ThermalManagementBlock.Controller.self,
                                  default: throttling ? .reactive : ThermalManagementBlock.Controller.none)
        let period = m.quantity("sensor_period", .time, default: ReactiveThrottle.defaultSensorPeriodSeconds, range: 0.001...3600)
        let delay = m.quantity("actuation_delay", .time, default: ReactiveThrottle.defaultActuationDelaySeconds, range: 0...3600)
        let hysteresis = m.quantity("hysteresis", .temperatureDifference, default: ReactiveThrottle.defaultHysteresisKelvin, range: 0...30)
        let horizon = m.quantity("forecast_horizon", .time, default: PredictiveThrottle.defaultForecastHorizonSeconds, range: 1...86_400)
        if !throttling, let controller, controller != .none {
            reader.error(at: m.value("controller"), m.child("controller"),
                         "controller '\(controller.rawValue)' needs automatic_throttling: enabled (or use controller: none)")
        }
        if let period, let delay, delay >= period {
            reader.error(at: m.value("actuation_delay"), m.child("actuation_delay"),
                         "the actuation delay (\(delay) s) must be shorter than the sensor period (\(period) s)")
        }
        guard let threshold, let maintenance, let controller, let period, let delay, let hysteresis, let horizon else { return nil }
        return ThermalManagementBlock(gpuTemperatureThresholdCelsius: threshold, automaticThrottling: throttling,
                                      predictiveMaintenance: maintenance, controller: controller, sensorPeriodSeconds: period,
                                      actuationDelaySeconds: delay, hysteresisKelvin: hysteresis, forecastHorizonSeconds: horizon)
    }

    func readPlant(cooling: CoolingSystemBlock?) -> PlantSpec? {
        var plant = PlantSpec()
        if let m = root.mapping("heat_rejection") {
            plant.supplySetpointCelsius = m.quantity("supply_setpoint", .temperature, range: 2...60)
            plant.dryCoolerApproachKelvin = m.quantity("dry_cooler_approach", .temperatureDifference, range: 0.5...30)
            plant.pumpPowerFraction = m.quantity("pump_power_fraction", .fraction, range: 0.0001...0.1)
            plant.chiller = m.choice("chiller", PlantSpec.ChillerMode.self, default: .trim) ?? .trim
            plant.coolingTower = m.flag("cooling_tower", default: false)
            plant.economiser = m.flag("economiser", default: true)
            m.rejectUnknownKeys()
        }
        if let m = root.mapping("immersion") {
            plant.immersionJunctionToFluid = m.quantity("junction_to_fluid", .thermalResistance, range: 0.001...1)
            plant.immersionFluidVolume = m.quantity("fluid_volume_per_tank", .volume, range: 0.01...100)
            plant.immersionHXEffectiveness = m.quantity("hx_effectiveness", .fraction, range: 0.05...0.99)
            m.rejectUnknownKeys()
        }
        if let m = root.mapping("direct_to_chip") {
            plant.coldPlateFlowPerGPU = m.quantity("flow_per_gpu", .volumetricFlow, range: 1e-6...1e-3).map { $0 * 60_000 }
            plant.junctionToCase = m.quantity("junction_to_case", .thermalResistance, range: 0.001...1)
            plant.cduApproachKelvin = m.quantity("cdu_approach", .temperatureDifference, range: 0.1...20)
            m.rejectUnknownKeys()
        }
        if let m = root.mapping("air_handling") {
            enum FanControl: String, CaseIterable { case variable, constant }
            plant.constantSpeedAirHandling = m.choice("fan_control", FanControl.self, default: .variable) == .constant
            m.rejectUnknownKeys()
        }
        if let m = root.mapping("power_chain") {
            plant.upsMode = m.choice("ups", PlantSpec.UPSMode.self, default: .doubleConversion) ?? .doubleConversion
            plant.upsRedundancy = m.choice("ups_redundancy", CoolingSystemBlock.Redundancy.self, default: .nPlus1) ?? .nPlus1
            m.rejectUnknownKeys()
        }
        if let m = root.mapping("parameters") { plant.parameterOverrides = readParameters(m) }
        if let m = root.mapping("heat_recovery") {
            plant.heatRecoveryDemandWatts = m.quantity("demand", .power, range: 0...1e10, required: true)
            plant.heatRecoverySupplyCelsius = m.quantity("supply_temperature", .temperature, default: 65, range: 20...120)
            m.rejectUnknownKeys()
            if cooling?.heatRecovery == false {
                reader.error(at: root.value("heat_recovery"), "heat_recovery",
                             "a heat_recovery block is given but cooling_system.heat_recovery is disabled; enable it or remove the block")
            }
        } else if cooling?.heatRecovery == true {
            reader.error(at: root.node, "heat_recovery",
                         "cooling_system.heat_recovery is enabled but there is no heat_recovery block (demand, supply_temperature)")
        }
        return plant
    }

    func readWeather() -> WeatherSource? {
        guard let m = root.mapping("weather") else {
            if !root.contains("weather") { reader.error(at: root.node, "weather", "missing required block (file: weather/….csv, or synthetic: …)") }
            return nil
        }
        defer { m.rejectUnknownKeys() }
        let offset = m.quantity("offset", .temperatureDifference, default: 0, range: -30...30) ?? 0
        if m.contains("file"), m.contains("synthetic") {
            reader.error(at: m.value("synthetic"), m.child("synthetic"), "give either `file:` or `synthetic:`, not both")
            return nil
        }
        if let file = m.string("file", maxLength: 4096) {
            let url = resolve(file, writtenAt: m.value("file"))
            var isDirectory: ObjCBool = false
            if !FileManager.default.isReadableFile(atPath: url.path)
                || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
                reader.error(at: m.value("file"), m.child("file"), "weather file not found or not readable: \(url.path)")
                return nil
            }
            return .tmy3(path: url.path, offsetKelvin: offset)
        }
        if let s = m.mapping("synthetic") {
            defer { s.rejectUnknownKeys() }
            let mean = s.quantity("mean", .temperature, default: 15, range: -60...60)
            let annual = s.quantity("annual_amplitude", .temperatureDifference, default: 10, range: 0...40)
            let daily = s.quantity("daily_amplitude", .temperatureDifference, default: 5, range: 0...30)
            let day = s.quantity("hottest_day", .dimensionless, default: 200, range: 1...365)
            let rh = s.quantity("relative_humidity", .fraction, default: 0.6, range: 0.01...1)
            guard let mean, let annual, let daily, let day, let rh else { return nil }
            return .synthetic(meanCelsius: mean + offset, annualAmplitudeKelvin: annual, dailyAmplitudeKelvin: daily,
                              hottestDayOfYear: day, relativeHumidity: rh)
        }
        reader.error(at: m.node, "weather", "give either `file:` (a TMY3 CSV) or a `synthetic:` block")
        return nil
    }

    func readLoad() -> LoadSpec? {
        guard let m = root.mapping("load") else {
            return root.contains("load") ? nil : .constant(utilisation: 1)
        }
        defer { m.rejectUnknownKeys() }
        enum Profile: String, CaseIterable { case constant, diurnal, hourly }
        let profile = m.choice("profile", Profile.self, default: .constant)
        switch profile {
        case .constant:
            guard let u = m.quantity("utilisation", .fraction, default: 1, range: 0...1) else { return nil }
            return .constant(utilisation: u)
        case .diurnal:
            let mean = m.quantity("mean", .fraction, default: 0.7, range: 0...1)
            let amplitude = m.quantity("amplitude", .fraction, default: 0.2, range: 0...1)
            let peak = m.quantity("peak_hour", .dimensionless, default: 15, range: 0...24)
            guard let mean, let amplitude, let peak else { return nil }
            if mean + amplitude > 1 + 1e-12 || mean - amplitude < -1e-12 {
                reader.error(at: m.value("amplitude"), m.child("amplitude"),
                             "mean ± amplitude must stay within 0…1 (a load above 100 % is impossible): \(mean) ± \(amplitude)")
                return nil
            }
            return .diurnal(mean: mean, amplitude: amplitude, peakHour: peak)
        case .hourly:
            guard let file = m.string("file", required: true, maxLength: 4096) else { return nil }
            let url = resolve(file, writtenAt: m.value("file"))
            do {
                let values = try HourlyLoadFile.read(url)
                return .hourly(values: values, source: url.path)
            } catch {
                reader.error(at: m.value("file"), m.child("file"), "\(error)")
                return nil
            }
        case nil:
            return nil
        }
    }
}
