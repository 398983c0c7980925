import XCTest
@testable import FacilityModels

final class EnergyLedgerTests: XCTestCase {
    /// One hour of 1 MW IT, 60 kW pumps, 30 kW fans, 10 kW chiller, 40 kW power-chain losses, 10 kW other,
    /// 300 kW of heat delivered with no heat pump, 0.1 L/s of tower water, all other heat rejected:
    /// total 1.15 MWh, PUE = 1.15, cooling pPUE = 1.10, ERF = 0.3/1.15 = 0.26087, ERE = (1.15 − 0.3)/1 = 0.85,
    /// WUE = 360 L / 1,000 kWh = 0.36 L/kWh, balance exact.
    func testMetricsByHand() {
        var ledger = EnergyLedger()
        let h = 3600.0
        ledger.add(.it, joules: 1e6 * h)
        ledger.add(.coolingPumps, joules: 60e3 * h)
        ledger.add(.fans, joules: 30e3 * h)
        ledger.add(.chiller, joules: 10e3 * h)
        ledger.add(.powerChainLosses, joules: 40e3 * h)
        ledger.add(.other, joules: 10e3 * h)
        ledger.heatDeliveredJoules = 300e3 * h
        ledger.heatRecoveredFromFacilityJoules = 300e3 * h
        ledger.heatRejectedJoules = (1.15e6 - 300e3) * h
        ledger.waterLiters = 0.1 * h
        XCTAssertEqual(ledger.pue, 1.15, accuracy: 1e-12)
        XCTAssertEqual(ledger.coolingPartialPUE, 1.10, accuracy: 1e-12)
        XCTAssertEqual(ledger.erf, 0.3 / 1.15, accuracy: 1e-12)
        XCTAssertEqual(ledger.ere, 0.85, accuracy: 1e-12)
        XCTAssertEqual(ledger.wue, 0.36, accuracy: 1e-12)
        XCTAssertEqual(ledger.energyBalanceRelativeError, 0, accuracy: 1e-15)
    }

    /// ERF/ERE for a heat export through a heat pump. IT 1 MW, cooling 100 kW, for one hour; the heat user
    /// gets 500 kW, 400 kW from the facility and 100 kW of heat-pump electricity (COP 5).
    /// Inside the boundary: total 1.2 MWh, reuse 0.5 MWh → ERF = 0.5/1.2 = 0.41667, ERE = 0.7, PUE = 1.2.
    /// With the heat user: total 1.1 MWh, reuse 0.4 MWh → ERF = 0.4/1.1 = 0.36364, ERE = 0.7, PUE = 1.1.
    /// (ERE agrees: the heat pump's electricity comes back out in the heat it delivers.) Both balance when
    /// 700 kW is rejected.
    func testERFAndEREForAHeatExport() {
        for boundary in [EnergyLedger.HeatPumpBoundary.insideFacility, .withHeatUser] {
            var ledger = EnergyLedger(heatPumpBoundary: boundary)
            ledger.add(.it, joules: 1e6 * 3600)
            ledger.add(.coolingPumps, joules: 100e3 * 3600)
            ledger.add(.heatPump, joules: 100e3 * 3600)
            ledger.heatDeliveredJoules = 500e3 * 3600
            ledger.heatRecoveredFromFacilityJoules = 400e3 * 3600
            ledger.heatRejectedJoules = 700e3 * 3600
            XCTAssertEqual(ledger.ere, 0.7, accuracy: 1e-12)
            XCTAssertEqual(ledger.energyBalanceRelativeError, 0, accuracy: 1e-15)
            switch boundary {
            case .insideFacility:
                XCTAssertEqual(ledger.erf, 0.5 / 1.2, accuracy: 1e-12)
                XCTAssertEqual(ledger.pue, 1.2, accuracy: 1e-12)
            case .withHeatUser:
                XCTAssertEqual(ledger.erf, 0.4 / 1.1, accuracy: 1e-12)
                XCTAssertEqual(ledger.pue, 1.1, accuracy: 1e-12)
            }
        }
    }

    /// Stored heat closes the balance: 1 MWh in, 0.9 MWh rejected, 0.1 MWh warming the tanks → residual 0;
    /// forgetting the stored heat leaves a relative error of 0.1.
    func testStoredHeatInBalanceAndMerge() {
        var a = EnergyLedger()
        a.add(.it, joules: 3.6e9)
        a.heatRejectedJoules = 0.9 * 3.6e9
        XCTAssertEqual(a.energyBalanceRelativeError, 0.1, accuracy: 1e-12)
        a.storedHeatChangeJoules = 0.1 * 3.6e9
        XCTAssertEqual(a.energyBalanceRelativeError, 0, accuracy: 1e-15)
        var b = a
        b.merge(a)
        XCTAssertEqual(b.itJoules, 2 * 3.6e9)
        XCTAssertEqual(b.energyBalanceRelativeError, 0, accuracy: 1e-15)
    }
}
