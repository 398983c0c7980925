import FacilityModels
import FacilitySim
import Foundation

extension SpecBuilder {
    /// Reads the optional `economics:` block (issue 8) into `ScenarioSpec.economics`. Every key is optional; the
    /// defaults and their sources are in `FacilityModels.EconomicsDefaults` and docs/scenario-reference.md.
    func readEconomics() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("economics") else { return nil }
        defer { m.rejectUnknownKeys() }
        m.accept("server_price", "server_amortisation", "cooling_per_megawatt", "electrical_per_megawatt",
                 "building_per_megawatt", "plant_amortisation", "building_amortisation", "software_platform",
                 "integration", "training", "software_amortisation", "cost_of_capital", "energy_price", "energy_price_file",
                 "it_maintenance", "facility_maintenance", "staff", "staff_cost", "water_price", "heat_price",
                 "tokens_per_inference", "cloud_reference", "software_platform_per_gpu", "integration_per_gpu",
                 "training_share", "software_subscription_per_gpu_year")
        let year = 31_536_000.0
        var p = EconomicsParameters()
        var ok = true
        func set(_ key: String, _ dimension: Dimension, _ range: ClosedRange<Double>, scale: Double = 1,
                 _ apply: (inout EconomicsParameters, Double) -> Void) {
            guard m.contains(key) else { return }
            if let v = m.quantity(key, dimension, range: range) { apply(&p, v / scale) } else { ok = false }
        }
        set("server_price", .money, 0...1e9) { $0.serverPriceUsd = $1 }
        set("server_amortisation", .time, (0.1 * year)...(50 * year), scale: year) { $0.serverYears = $1 }
        set("cooling_per_megawatt", .money, 0...1e10) { $0.coolingUsdPerMegawatt = $1 }
        set("electrical_per_megawatt", .money, 0...1e10) { $0.electricalUsdPerMegawatt = $1 }
        set("building_per_megawatt", .money, 0...1e10) { $0.buildingUsdPerMegawatt = $1 }
        set("plant_amortisation", .time, (0.1 * year)...(100 * year), scale: year) { $0.plantYears = $1 }
        set("building_amortisation", .time, (0.1 * year)...(100 * year), scale: year) { $0.buildingYears = $1 }
        set("software_platform", .money, 0...1e11) { $0.softwarePlatformUsd = $1 }
        set("integration", .money, 0...1e11) { $0.integrationUsd = $1 }
        set("training", .money, 0...1e11) { $0.trainingUsd = $1 }
        set("software_platform_per_gpu", .money, 0...1e8) { $0.softwarePlatformUsdPerGpu = $1 }
        set("integration_per_gpu", .money, 0...1e8) { $0.integrationUsdPerGpu = $1 }
        set("training_share", .fraction, 0...1) { $0.trainingShareOfFirstYearBudget = $1 }
        set("software_subscription_per_gpu_year", .money, 0...1e8) { $0.softwareSubscriptionUsdPerGpuYear = $1 }
        set("software_amortisation", .time, (0.1 * year)...(50 * year), scale: year) { $0.softwareYears = $1 }
        set("cost_of_capital", .fraction, 0...0.5) { $0.costOfCapital = $1 }
        set("energy_price", .moneyPerEnergy, (-1 / 3.6e6)...(10 / 3.6e6), scale: 1 / 3.6e6) { $0.energyPriceUsdPerKilowattHour = $1 }
        set("it_maintenance", .fraction, 0...1) { $0.itMaintenanceFractionPerYear = $1 }
        set("facility_maintenance", .fraction, 0...1) { $0.facilityMaintenanceFractionPerYear = $1 }
        set("staff", .dimensionless, 0...1e6) { $0.staffFullTimeEquivalents = $1 }
        set("staff_cost", .money, 0...1e8) { $0.staffCostPerYearUsd = $1 }
        set("water_price", .money, 0...1000) { $0.waterPriceUsdPerCubicMeter = $1 }
        set("heat_price", .moneyPerEnergy, 0...(10 / 3.6e6), scale: 1 / 3.6e6) { $0.heatSalePriceUsdPerKilowattHour = $1 }
        set("tokens_per_inference", .dimensionless, 1...1e7) { $0.tokensPerInference = $1 }
        var priceSource: String?
        if let file = m.string("energy_price_file", maxLength: 4096) {
            let url = URL(fileURLWithPath: file, relativeTo: baseDirectory).standardizedFileURL
            do {
                p.hourlyEnergyPricesUsdPerKilowattHour = try HourlyLoadFile.read(
                    url, range: -1...10, quantity: "price", expected: "an electricity price in USD/kWh")
                priceSource = url.path
            } catch {
                reader.error(at: m.value("energy_price_file"), m.child("energy_price_file"), "\(error)")
                ok = false
            }
        }
        if m.contains("cloud_reference") {
            switch readCloudReference(m) {
            case .some(let cloud): p.cloud = cloud
            case .none: ok = false
            }
        }
        guard ok else { return nil }
        let spec = EconomicsSpec(parameters: p, energyPriceSource: priceSource)
        return { $0.economics = spec }
    }

    /// `cloud_reference: none`, or a mapping with `offering` and one of `price_per_gpu_hour` (e.g. `3.90 USD/h`) or
    /// `price_per_million_tokens` (e.g. `0.40 USD`). Returns `.some(nil)` for none, `nil` after a diagnostic.
    private func readCloudReference(_ m: MappingCursor) -> CloudReference?? {
        if m.value("cloud_reference")?.scalar?.string.lowercased() == "none" { return .some(nil) }
        guard let c = m.mapping("cloud_reference") else { return nil }
        defer { c.rejectUnknownKeys() }
        let offering = c.string("offering", required: true, maxLength: 200)
        let perHour = c.quantity("price_per_gpu_hour", .moneyPerTime, range: 0...(1000 / 3600.0))
        let perTokens = c.quantity("price_per_million_tokens", .money, range: 0...10_000)
        switch (offering, perHour, perTokens) {
        case (let name?, let hour?, nil): return .some(.gpuHour(offering: name, usdPerGpuHour: hour * 3600))
        case (let name?, nil, let tokens?): return .some(.apiTokens(offering: name, usdPerMillionTokens: tokens))
        case (_?, _?, _?):
            reader.error(at: c.value("price_per_million_tokens"), c.child("price_per_million_tokens"),
                         "give either price_per_gpu_hour or price_per_million_tokens, not both")
            return nil
        case (_?, nil, nil):
            reader.error(at: c.node, c.path, "missing price: give price_per_gpu_hour (e.g. '3.90 USD/h') or price_per_million_tokens (e.g. '0.40 USD')")
            return nil
        default:
            return nil
        }
    }
}
