/// Request counts of a request-fidelity run.
public struct RequestCounts: Codable, Sendable, Equatable {
    /// Requests that arrived, completed within the horizon, and were still queued or running at the end.
    public var arrived: Int
    public var completed: Int
    public var inFlight: Int

    public init(arrived: Int, completed: Int, inFlight: Int) {
        self.arrived = arrived
        self.completed = completed
        self.inFlight = inFlight
    }
}

/// Mean and quantiles of one latency, s.
public struct LatencyStatistics: Codable, Sendable, Equatable {
    public var mean: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double

    public init(mean: Double, p50: Double, p90: Double, p99: Double) {
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
    }
}

/// Latency of the completed requests: time to first token, time per output token, end to end, and the
/// end-to-end histogram with the source document's buckets (cumulative counts, Prometheus convention).
public struct LatencySummary: Codable, Sendable, Equatable {
    public var timeToFirstToken: LatencyStatistics
    public var timePerOutputToken: LatencyStatistics
    public var endToEnd: LatencyStatistics
    /// Upper bounds of the histogram buckets, s: the document's [0.1, 0.5, 1, 2, 5].
    public var histogramBucketsSeconds: [Double]
    /// Requests with end-to-end latency ≤ each bound (cumulative), then the total count (+Inf bucket).
    public var histogramCumulativeCounts: [Int]
    /// Sum of end-to-end latencies, s (the histogram's `_sum`).
    public var histogramSumSeconds: Double

    public init(timeToFirstToken: LatencyStatistics, timePerOutputToken: LatencyStatistics, endToEnd: LatencyStatistics,
                histogramBucketsSeconds: [Double], histogramCumulativeCounts: [Int], histogramSumSeconds: Double) {
        self.timeToFirstToken = timeToFirstToken
        self.timePerOutputToken = timePerOutputToken
        self.endToEnd = endToEnd
        self.histogramBucketsSeconds = histogramBucketsSeconds
        self.histogramCumulativeCounts = histogramCumulativeCounts
        self.histogramSumSeconds = histogramSumSeconds
    }
}

/// Cost figures of a run (issue 8), in US dollars; `FacilityModels.CostOfOwnership` computes them from the scenario's
/// economics.
public struct EconomicsSummary: Codable, Sendable, Equatable {
    /// Cost per GPU-hour, per million output tokens and per inference (one request of the scenario's mix), USD.
    public var costPerGpuHourUsd: Double
    public var costPerMillionTokensUsd: Double?
    public var costPerInferenceUsd: Double?
    /// Saving against the scenario's public-cloud reference, % (positive = cheaper than the cloud).
    public var savingVersusCloudPercent: Double?
    /// Annualised cost by category (capital by asset class, energy, maintenance, staff, water), USD per year.
    public var annualCostByCategoryUsd: [String: Double]
    /// Total cost over the simulated horizon, USD.
    public var horizonCostUsd: Double
    /// One-off investment in the document's categories (hardware, facility, software_platform, integration,
    /// training), USD.
    public var investmentByCategoryUsd: [String: Double]?
    /// The cloud offering and price compared with (text, e.g. "AWS p5.48xlarge …: $3.90/GPU-h").
    public var cloudReference: String?
    /// Mean electricity price applied, USD/kWh.
    public var energyPriceUsdPerKilowattHour: Double?

    public init(costPerGpuHourUsd: Double, costPerMillionTokensUsd: Double?, costPerInferenceUsd: Double?,
                savingVersusCloudPercent: Double?, annualCostByCategoryUsd: [String: Double], horizonCostUsd: Double,
                investmentByCategoryUsd: [String: Double]? = nil, cloudReference: String? = nil,
                energyPriceUsdPerKilowattHour: Double? = nil) {
        self.costPerGpuHourUsd = costPerGpuHourUsd
        self.costPerMillionTokensUsd = costPerMillionTokensUsd
        self.costPerInferenceUsd = costPerInferenceUsd
        self.savingVersusCloudPercent = savingVersusCloudPercent
        self.annualCostByCategoryUsd = annualCostByCategoryUsd
        self.horizonCostUsd = horizonCostUsd
        self.investmentByCategoryUsd = investmentByCategoryUsd
        self.cloudReference = cloudReference
        self.energyPriceUsdPerKilowattHour = energyPriceUsdPerKilowattHour
    }
}
