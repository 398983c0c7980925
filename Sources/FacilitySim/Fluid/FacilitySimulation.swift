import EventEngine
import FacilityModels
import Foundation

/// Runs a scenario at fluid fidelity: GPUs driven by load levels, weather stepped hourly, thermal
/// state advanced exactly between events, energy integrated exactly for piecewise-constant power.
///
/// Events: an hourly step (weather and load change, the plant finds its new operating point) and
/// the sampling instants of the time series. Between two events every input is constant, so each
/// cohort's `ThermalChain` is advanced in closed form, its peak temperature and the time it spends
/// above the limit are solved for, and each subsystem's energy is power × duration.
public final class FacilitySimulation {
    enum Event {
        case hour(Int)
        case sample
    }

    public let spec: ScenarioSpec
    let plant: FacilityPlant
    var cohorts: [Cohort]

    public init(spec: ScenarioSpec) throws {
        self.spec = spec
        self.plant = try FacilityPlant(spec: spec)
        self.cohorts = plant.makeCohorts()
    }

    /// Simulates the horizon; `progress` receives the simulated fraction (0…1) now and then.
    public func run(progress: ((Double) -> Void)? = nil) throws -> RunResult {
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let horizon = spec.horizonSeconds
        let limit = spec.thermalManagement.gpuTemperatureThresholdCelsius
        let sim = try Simulation<Event>(expectedPendingEvents: 4)
        try sim.schedule(.hour(0), at: 0, priority: 0)
        try sim.schedule(.sample, at: 0, priority: 1)   // after the hour's inputs are set

        var series = TimeSeries(columns: FacilitySimulation.columns(cohorts))
        series.reserve(rows: Int(horizon / spec.samplingIntervalSeconds) + 2)
        var accounts = EnergyAccounts()
        var powers = SubsystemPowers()
        var supplyCelsius = 0.0
        var utilisation = 0.0
        var weather = WeatherSample(dryBulbCelsius: 0, wetBulbCelsius: 0)
        var now = 0.0
        var secondsAbove = 0.0
        var peakFacilityWatts = 0.0
        var chillerSeconds = 0.0
        var maxSupply = -Double.infinity
        // Start from the thermal steady state of the first hour's conditions.
        var economiser = Economiser()
        var probe = economiser
        _ = plant.operatingPoint(utilisation: spec.load.utilisation(atHourIndex: 0), weather: plant.weather(atHour: 0),
                                 hour: 0, cohorts: &cohorts, economiser: &probe)
        for i in cohorts.indices { cohorts[i].state = cohorts[i].chain.steadyState(cohorts[i].inputs) }
        let initialStored = cohorts.reduce(0) { $0 + $1.storedHeatJoules }
        var lastProgress = -1.0

        /// Advances every cohort and every account from `now` to `t`.
        func advance(to t: Double) {
            let dt = t - now
            guard dt > 0 else { return }
            var union: [ClosedRange<Double>] = []
            for i in cohorts.indices {
                if let above = cohorts[i].advance(by: dt, limit: limit) { union.append(above) }
            }
            secondsAbove += FacilitySimulation.unionLength(union)
            accounts.add(powers, for: dt)
            if powers["chiller"] > 0 { chillerSeconds += dt }
            now = t
        }

        while let entry = sim.next(until: horizon) {
            advance(to: entry.time)
            switch entry.payload {
            case .hour(let h):
                weather = plant.weather(atHour: h)
                utilisation = spec.load.utilisation(atHourIndex: h)
                let point = plant.operatingPoint(utilisation: utilisation, weather: weather, hour: h, cohorts: &cohorts,
                                                 economiser: &economiser)
                powers = point.powers
                supplyCelsius = point.supplyCelsius
                maxSupply = max(maxSupply, supplyCelsius)
                peakFacilityWatts = max(peakFacilityWatts, powers.total)
                let next = Double(h + 1) * 3600
                if next < horizon { try sim.schedule(.hour(h + 1), at: next, priority: 0) }
                if let progress, now / horizon - lastProgress >= 0.01 {
                    lastProgress = now / horizon
                    progress(lastProgress)
                }
            case .sample:
                series.append(FacilitySimulation.row(time: now, utilisation: utilisation, weather: weather,
                                                     supply: supplyCelsius, powers: powers, cohorts: cohorts))
                let next = now + spec.samplingIntervalSeconds
                if next <= horizon { try sim.schedule(.sample, at: next, priority: 1) }
            }
        }
        advance(to: horizon)
        progress?(1)

        let stored = cohorts.reduce(0) { $0 + $1.storedHeatJoules } - initialStored
        return makeResult(accounts: accounts, series: series, storedHeatChange: stored, secondsAbove: secondsAbove,
                          peakFacilityWatts: peakFacilityWatts, chillerSeconds: chillerSeconds,
                          maxSupply: maxSupply, events: sim.firedCount,
                          wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
    }

    /// Total length of a union of intervals, s.
    static func unionLength(_ intervals: [ClosedRange<Double>]) -> Double {
        guard intervals.count > 1 else { return intervals.first.map { $0.upperBound - $0.lowerBound } ?? 0 }
        let sorted = intervals.sorted { $0.lowerBound < $1.lowerBound }
        var total = 0.0
        var current = sorted[0]
        for r in sorted.dropFirst() {
            if r.lowerBound <= current.upperBound {
                current = current.lowerBound...max(current.upperBound, r.upperBound)
            } else {
                total += current.upperBound - current.lowerBound
                current = r
            }
        }
        return total + current.upperBound - current.lowerBound
    }
}
