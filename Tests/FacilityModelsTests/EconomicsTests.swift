import FacilityModels
import XCTest

/// Total cost of ownership: capital recovery, amortisation, energy through the PUE, cloud comparison.
final class EconomicsTests: XCTestCase {
    /// Capital recovery factor by hand: CRF(8 %, 4 y) = 0.08·1.08⁴/(1.08⁴ − 1) = 0.08·1.36048896/0.36048896
    /// = 0.3019208; CRF(8 %, 15 y) = 0.08·3.1721691/2.1721691 = 0.1168295; at r = 0 it is 1/n = 0.25.
    func testCapitalRecoveryFactor() {
        XCTAssertEqual(CapitalRecovery.factor(rate: 0.08, years: 4), 0.3019208, accuracy: 1e-7)
        XCTAssertEqual(CapitalRecovery.factor(rate: 0.08, years: 15), 0.1168295, accuracy: 1e-7)
        XCTAssertEqual(CapitalRecovery.factor(rate: 0, years: 4), 0.25, accuracy: 1e-15)
    }

    /// One GPU-hour by hand. One 8-GPU server at $310,000 over 4 years at 8 %: 310,000 × 0.3019208 = $93,595.45/yr,
    /// over 8 × 8,760 GPU-hours = $1.335551. Facility capital $11.7 M/MW × 8 kW design IT = $93,600 over 15 years:
    /// 93,600 × 0.1168295 = $10,935.24/yr → $0.156040. Energy: 8 kW of IT at PUE 1.1 for one hour = 8.8 kWh at
    /// $0.10/kWh = $0.88 for 8 GPU-hours → $0.110000. Total $1.601591 per GPU-hour (maintenance, staff and water
    /// set to zero). Tolerance 1e-6 relative (rounding of the hand figures).
    func testOneGPUHourByHand() throws {
        let (p, f) = Self.handCase()
        let cost = try CostOfOwnership(parameters: p, facility: f)
        XCTAssertEqual(cost.costPerGpuHourUsd, 1.335551 + 0.156040 + 0.110000, accuracy: 1.601591 * 1e-6)
        XCTAssertEqual(cost.annualCostByCategoryUsd["energy"]!, 0.88 * 8760, accuracy: 1e-6)
        XCTAssertEqual(cost.horizonCostUsd, 8 * 1.601591, accuracy: 1e-4)
        XCTAssertEqual(cost.investmentByCategoryUsd["hardware"], 310_000)
        XCTAssertEqual(cost.investmentByCategoryUsd["facility"]!, 93_600, accuracy: 1e-6)
    }

    /// Tokens and the cloud: 1,000,000 tokens in the hour cost the horizon's $12.81273 (8 GPU-hours × $1.601591),
    /// so $12.81273 per million tokens and, at 500 tokens per inference, $0.006406; against $3.20/GPU-h the saving
    /// is 1 − 1.601591/3.20 = 49.95 %; against an API at $25.62546/M tokens it is 50.00 %.
    func testTokensInferenceAndCloudSaving() throws {
        var (p, f) = Self.handCase()
        f.tokensGenerated = 1e6
        p.tokensPerInference = 500
        p.cloud = .gpuHour(offering: "test", usdPerGpuHour: 3.20)
        var cost = try CostOfOwnership(parameters: p, facility: f)
        XCTAssertEqual(cost.costPerMillionTokensUsd!, 12.81273, accuracy: 1e-4)
        XCTAssertEqual(cost.costPerInferenceUsd!, 0.006406, accuracy: 1e-6)
        XCTAssertEqual(cost.savingVersusCloudPercent!, 49.95, accuracy: 0.01)
        p.cloud = .apiTokens(offering: "api", usdPerMillionTokens: 25.62546)
        cost = try CostOfOwnership(parameters: p, facility: f)
        XCTAssertEqual(cost.savingVersusCloudPercent!, 50.0, accuracy: 0.001)
        // Without tokens there is no cost per token and no API comparison.
        f.tokensGenerated = nil
        cost = try CostOfOwnership(parameters: p, facility: f)
        XCTAssertNil(cost.costPerMillionTokensUsd)
        XCTAssertNil(cost.savingVersusCloudPercent)
    }

    /// The cited software, integration and training defaults on the 8-GPU hand case: licence 8 × $22,500 = $180,000;
    /// integration 8 × $4,500 = $36,000; training 15 % × (one licence-year 8 × $4,500 + integration $36,000) =
    /// $10,800. With hardware $310,000 and facility $93,600 the total is $630,400: shares 64.02 / 28.55 / 5.711 /
    /// 1.713 %. Annualised over 5 years at 8 % (CRF 0.2504565) they add $226,800 × 0.2504565 / 70,080 GPU-h =
    /// $0.810553 per GPU-hour. Tolerance 1e-6 relative.
    func testSoftwareIntegrationTrainingDefaults() throws {
        var (p, f) = Self.handCase()
        let base = try CostOfOwnership(parameters: p, facility: f).costPerGpuHourUsd
        p.softwarePlatformUsdPerGpu = EconomicsDefaults.softwarePlatformUsdPerGpu
        p.integrationUsdPerGpu = EconomicsDefaults.integrationUsdPerGpu
        p.trainingShareOfFirstYearBudget = EconomicsDefaults.trainingShareOfFirstYearBudget
        p.softwareYears = EconomicsDefaults.softwareYears
        f.gpus = 8
        let cost = try CostOfOwnership(parameters: p, facility: f)
        let i = cost.investmentByCategoryUsd
        XCTAssertEqual(i["software_platform"]!, 180_000, accuracy: 1e-6)
        XCTAssertEqual(i["integration"]!, 36_000, accuracy: 1e-6)
        XCTAssertEqual(i["training"]!, 10_800, accuracy: 1e-6)
        let total = i.values.reduce(0, +)
        XCTAssertEqual(total, 630_400, accuracy: 1e-6)
        XCTAssertEqual((i["hardware"]! + i["facility"]!) / total, 0.640228, accuracy: 1e-6)
        XCTAssertEqual(cost.costPerGpuHourUsd - base, 0.810553, accuracy: 0.810553 * 1e-6)
    }

    /// Power-weighted price: 1 kW at $0.10 and 3 kW at $0.20 average (0.1 + 0.6)/4 = $0.175/kWh; hours wrap.
    func testPowerWeightedPrice() {
        let price = CostOfOwnership.powerWeightedPrice(prices: [0.10, 0.20], samples: [(0, 1000), (3, 3000)])
        XCTAssertEqual(price, 0.175, accuracy: 1e-12)
    }

    /// Bad inputs throw instead of trapping: a zero amortisation period and a zero horizon.
    func testInvalidInputsThrow() {
        var (p, f) = Self.handCase()
        p.serverYears = 0
        XCTAssertThrowsError(try CostOfOwnership(parameters: p, facility: f))
        p.serverYears = 4
        f.horizonSeconds = 0
        XCTAssertThrowsError(try CostOfOwnership(parameters: p, facility: f))
    }

    static func handCase() -> (EconomicsParameters, CostOfOwnership.Facility) {
        var p = EconomicsParameters()
        p.serverPriceUsd = 310_000
        p.serverYears = 4
        p.costOfCapital = 0.08
        p.coolingUsdPerMegawatt = 11.7e6
        p.electricalUsdPerMegawatt = 0
        p.buildingUsdPerMegawatt = 0
        p.plantYears = 15
        p.itMaintenanceFractionPerYear = 0
        p.facilityMaintenanceFractionPerYear = 0
        p.staffFullTimeEquivalents = 0
        p.waterPriceUsdPerCubicMeter = 0
        p.softwarePlatformUsdPerGpu = 0
        p.integrationUsdPerGpu = 0
        p.trainingShareOfFirstYearBudget = 0
        p.cloud = nil
        let f = CostOfOwnership.Facility(gpus: 8, gpusPerServer: 8, designITWatts: 8000, horizonSeconds: 3600,
                                         facilityEnergyJoules: 8.8 * 3.6e6, meanEnergyPriceUsdPerKilowattHour: 0.10)
        return (p, f)
    }
}
