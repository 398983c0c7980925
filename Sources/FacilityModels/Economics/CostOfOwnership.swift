/// Total cost of ownership of a facility over a run: annualised capital (capital recovery factor) plus operating
/// cost, per GPU-hour, per million tokens and per inference, and the saving against a public-cloud reference.
///
/// Capital is annualised with `CapitalRecovery.factor(rate: costOfCapital, years:)`; operating costs measured over
/// the simulated horizon (energy, water, heat sold) are scaled to a year by `seconds per year / horizon`.
public struct CostOfOwnership: Sendable, Equatable {
    /// What the facility is and what the run measured.
    public struct Facility: Sendable, Equatable {
        /// GPUs installed and GPUs per server.
        public var gpus: Int
        public var gpusPerServer: Int
        /// Design IT power (all servers at full load), W: the basis of the per-MW capital and staff.
        public var designITWatts: Double
        /// Simulated horizon, s.
        public var horizonSeconds: Double
        /// Electricity drawn from the utility over the horizon, J.
        public var facilityEnergyJoules: Double
        /// Mean electricity price over the horizon, USD/kWh (the flat price, or a power-weighted mean of an hourly series).
        public var meanEnergyPriceUsdPerKilowattHour: Double
        /// Water consumed, litres, and heat exported to the heat user, J, over the horizon.
        public var waterLiters: Double
        public var heatRecoveredJoules: Double
        /// Output tokens over the horizon (nil when the run did not model tokens) and requests completed.
        public var tokensGenerated: Double?
        public var requestsCompleted: Int?

        public init(gpus: Int, gpusPerServer: Int, designITWatts: Double, horizonSeconds: Double, facilityEnergyJoules: Double,
                    meanEnergyPriceUsdPerKilowattHour: Double, waterLiters: Double = 0, heatRecoveredJoules: Double = 0,
                    tokensGenerated: Double? = nil, requestsCompleted: Int? = nil) {
            self.gpus = gpus
            self.gpusPerServer = gpusPerServer
            self.designITWatts = designITWatts
            self.horizonSeconds = horizonSeconds
            self.facilityEnergyJoules = facilityEnergyJoules
            self.meanEnergyPriceUsdPerKilowattHour = meanEnergyPriceUsdPerKilowattHour
            self.waterLiters = waterLiters
            self.heatRecoveredJoules = heatRecoveredJoules
            self.tokensGenerated = tokensGenerated
            self.requestsCompleted = requestsCompleted
        }
    }

    /// Seconds in the 365-day year the annual figures use.
    public static let secondsPerYear = 31_536_000.0

    /// Annual cost by category, USD/year (`capital_servers`, `capital_cooling`, `capital_electrical`,
    /// `capital_building`, `capital_software_platform`, `capital_integration`, `capital_training`, `energy`,
    /// `maintenance_it`, `maintenance_facility`, `staff`, `water`, `heat_sales` (negative: income)).
    public var annualCostByCategoryUsd: [String: Double]
    /// One-off investment in the document's categories, USD: `hardware` (servers), `facility` (cooling,
    /// electrical, building), `software_platform`, `integration`, `training`.
    public var investmentByCategoryUsd: [String: Double]
    /// Sum of the annual costs, USD/year.
    public var annualCostUsd: Double
    /// Cost over the simulated horizon, USD.
    public var horizonCostUsd: Double
    /// Cost per installed GPU-hour, USD.
    public var costPerGpuHourUsd: Double
    /// Cost per million output tokens and per inference, USD (nil without tokens).
    public var costPerMillionTokensUsd: Double?
    public var costPerInferenceUsd: Double?
    /// Saving against the cloud reference, % (positive = cheaper than the cloud; nil without a comparable figure).
    public var savingVersusCloudPercent: Double?

    /// Computes the cost of `facility` under `parameters`.
    /// - Throws: `FacilityModelError` when a count, period or horizon is not positive.
    public init(parameters p: EconomicsParameters, facility f: Facility) throws {
        guard f.gpus > 0, f.gpusPerServer > 0 else {
            throw FacilityModelError.invalidConfiguration(model: "CostOfOwnership", message: "needs at least one GPU and one GPU per server")
        }
        try FacilityModelError.requirePositive(f.designITWatts, "CostOfOwnership", "designITWatts")
        try FacilityModelError.requirePositive(f.horizonSeconds, "CostOfOwnership", "horizonSeconds")
        for (name, years) in [("serverYears", p.serverYears), ("plantYears", p.plantYears),
                              ("buildingYears", p.buildingYears), ("softwareYears", p.softwareYears)] {
            try FacilityModelError.requirePositive(years, "EconomicsParameters", name)
        }
        guard p.costOfCapital.isFinite, p.costOfCapital > -1 else {
            throw FacilityModelError.invalidParameter(model: "EconomicsParameters", parameter: "costOfCapital",
                                                      value: p.costOfCapital, requirement: "finite and > −1")
        }
        let megawatts = f.designITWatts / 1e6
        let servers = (Double(f.gpus) / Double(f.gpusPerServer)).rounded(.up)
        let hardware = servers * p.serverPriceUsd
        let cooling = p.coolingUsdPerMegawatt * megawatts
        let electrical = p.electricalUsdPerMegawatt * megawatts
        let building = p.buildingUsdPerMegawatt * megawatts
        let crf = { (years: Double) in CapitalRecovery.factor(rate: p.costOfCapital, years: years) }
        let perYear = Self.secondsPerYear / f.horizonSeconds
        let staff = (p.staffFullTimeEquivalents ?? EconomicsDefaults.staffPerMegawatt * megawatts) * p.staffCostPerYearUsd
        var annual: [String: Double] = [
            "capital_servers": hardware * crf(p.serverYears),
            "capital_cooling": cooling * crf(p.plantYears),
            "capital_electrical": electrical * crf(p.plantYears),
            "capital_building": building * crf(p.buildingYears),
            "energy": f.facilityEnergyJoules / 3.6e6 * f.meanEnergyPriceUsdPerKilowattHour * perYear,
            "maintenance_it": hardware * p.itMaintenanceFractionPerYear,
            "maintenance_facility": (cooling + electrical + building) * p.facilityMaintenanceFractionPerYear,
            "staff": staff,
            "water": f.waterLiters / 1000 * p.waterPriceUsdPerCubicMeter * perYear,
        ]
        if p.heatSalePriceUsdPerKilowattHour > 0 {
            annual["heat_sales"] = -f.heatRecoveredJoules / 3.6e6 * p.heatSalePriceUsdPerKilowattHour * perYear
        }
        let gpus = Double(f.gpus)
        let software = p.softwarePlatformUsd + p.softwarePlatformUsdPerGpu * gpus
        let integration = p.integrationUsd + p.integrationUsdPerGpu * gpus
        let training = p.trainingUsd + p.trainingShareOfFirstYearBudget * (p.softwareSubscriptionUsdPerGpuYear * gpus + integration)
        for (key, value) in [("capital_software_platform", software), ("capital_integration", integration),
                             ("capital_training", training)] where value > 0 {
            annual[key] = value * crf(p.softwareYears)
        }
        annualCostByCategoryUsd = annual
        investmentByCategoryUsd = ["hardware": hardware, "facility": cooling + electrical + building,
                                   "software_platform": software, "integration": integration, "training": training]
        annualCostUsd = annual.keys.sorted().reduce(0) { $0 + annual[$1]! }
        horizonCostUsd = annualCostUsd / perYear
        costPerGpuHourUsd = annualCostUsd / (Double(f.gpus) * Self.secondsPerYear / 3600)
        if let tokens = f.tokensGenerated, tokens > 0 {
            let perToken = horizonCostUsd / tokens
            costPerMillionTokensUsd = perToken * 1e6
            if let perInference = p.tokensPerInference {
                costPerInferenceUsd = perToken * perInference
            } else if let completed = f.requestsCompleted, completed > 0 {
                costPerInferenceUsd = perToken * tokens / Double(completed)
            } else {
                costPerInferenceUsd = nil
            }
        } else {
            costPerMillionTokensUsd = nil
            costPerInferenceUsd = nil
        }
        switch p.cloud {
        case .gpuHour(_, let price)? where price > 0:
            savingVersusCloudPercent = 100 * (1 - costPerGpuHourUsd / price)
        case .apiTokens(_, let price)? where price > 0:
            savingVersusCloudPercent = costPerMillionTokensUsd.map { 100 * (1 - $0 / price) }
        default:
            savingVersusCloudPercent = nil
        }
    }

    /// Mean price of an hourly series weighted by power samples: Σ Pᵢ·price(hourᵢ) / Σ Pᵢ, USD/kWh. Applied to the
    /// run's total energy this is the energy cost when each sample stands for an equal interval.
    /// - Parameters:
    ///   - prices: hourly prices, USD/kWh, indexed by hour of the year (repeated when shorter; non-empty).
    ///   - samples: (hour of the year, power W) of each time-series sample.
    public static func powerWeightedPrice(prices: [Double], samples: [(hour: Int, watts: Double)]) -> Double {
        precondition(!prices.isEmpty, "an hourly price series needs at least one value")
        var weighted = 0.0, total = 0.0
        for s in samples {
            weighted += s.watts * prices[((s.hour % prices.count) + prices.count) % prices.count]
            total += s.watts
        }
        return total > 0 ? weighted / total : prices.reduce(0, +) / Double(prices.count)
    }
}
