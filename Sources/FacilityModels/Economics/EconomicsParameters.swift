/// Inputs of the total-cost-of-ownership model: capital by asset class with its amortisation period, the cost of
/// capital, and the operating prices. Every default is in `EconomicsDefaults` with its source.
public struct EconomicsParameters: Sendable, Equatable {
    /// Price of one server (all its GPUs, CPUs, memory, network), USD, and its amortisation period, years.
    public var serverPriceUsd = EconomicsDefaults.serverPriceUsd
    public var serverYears = EconomicsDefaults.serverYears
    /// Capital of the cooling plant, the electrical plant and the building per MW of design IT power, USD/MW.
    public var coolingUsdPerMegawatt = EconomicsDefaults.constructionUsdPerMegawatt * EconomicsDefaults.coolingShare
    public var electricalUsdPerMegawatt = EconomicsDefaults.constructionUsdPerMegawatt * EconomicsDefaults.electricalShare
    public var buildingUsdPerMegawatt = EconomicsDefaults.constructionUsdPerMegawatt * EconomicsDefaults.buildingShare
    /// Amortisation of the cooling and electrical plant and of the building, years.
    public var plantYears = EconomicsDefaults.plantYears
    public var buildingYears = EconomicsDefaults.buildingYears
    /// One-off software & platform, integration and training costs, USD, amortised over `softwareYears`.
    public var softwarePlatformUsd = EconomicsDefaults.softwarePlatformUsd
    public var integrationUsd = EconomicsDefaults.integrationUsd
    public var trainingUsd = EconomicsDefaults.trainingUsd
    /// Per-GPU software licence and integration, USD (one-off), and training & change management as a share of the
    /// first-year AI budget (one licence year at `softwareSubscriptionUsdPerGpuYear` + integration).
    public var softwarePlatformUsdPerGpu = EconomicsDefaults.softwarePlatformUsdPerGpu
    public var integrationUsdPerGpu = EconomicsDefaults.integrationUsdPerGpu
    public var trainingShareOfFirstYearBudget = EconomicsDefaults.trainingShareOfFirstYearBudget
    /// The licence's subscription price per GPU-year, USD: $4,500 (NVIDIA Q3 FY2024 earnings call), the first-year budget's licence.
    public var softwareSubscriptionUsdPerGpuYear = 4_500.0
    public var softwareYears = EconomicsDefaults.softwareYears
    /// Cost of capital, per year (0.08 = 8 %).
    public var costOfCapital = EconomicsDefaults.costOfCapital

    /// Flat electricity price, USD/kWh (used when `hourlyEnergyPricesUsdPerKilowattHour` is nil).
    public var energyPriceUsdPerKilowattHour = EconomicsDefaults.energyPriceUsdPerKilowattHour
    /// Hourly electricity prices, USD/kWh, indexed by the hour of the weather year (repeated when shorter).
    public var hourlyEnergyPricesUsdPerKilowattHour: [Double]?
    /// Maintenance per year as a fraction of IT capital and of facility capital.
    public var itMaintenanceFractionPerYear = EconomicsDefaults.itMaintenanceFractionPerYear
    public var facilityMaintenanceFractionPerYear = EconomicsDefaults.facilityMaintenanceFractionPerYear
    /// Operations staff: full-time equivalents (nil = `EconomicsDefaults.staffPerMegawatt` per MW of design IT power)
    /// and the loaded cost of one, USD/year.
    public var staffFullTimeEquivalents: Double?
    public var staffCostPerYearUsd = EconomicsDefaults.staffCostPerYearUsd
    /// Water price, USD/m³, and the price received for recovered heat, USD/kWh.
    public var waterPriceUsdPerCubicMeter = EconomicsDefaults.waterPriceUsdPerCubicMeter
    public var heatSalePriceUsdPerKilowattHour = EconomicsDefaults.heatSalePriceUsdPerKilowattHour

    /// The public-cloud price the cost is compared with (nil: no comparison).
    public var cloud: CloudReference? = EconomicsDefaults.cloud
    /// Output tokens of one inference (one request); nil = the run's tokens per completed request when known.
    public var tokensPerInference: Double?

    public init() {}
}
