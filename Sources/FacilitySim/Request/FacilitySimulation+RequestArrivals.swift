import Serving

extension FacilitySimulation {
    /// The arrivals of the `serving.arrivals` block: `load` follows the load profile at the facility's saturated
    /// request rate (`ServingRate.requestsPerGPUSecond` × serving GPUs), held per hour.
    /// - Throws: `ServingError` for an unreadable trace.
    func makeRequestSource(setup: ServingSetup, rate: ServingRate, servingGPUs: Double) throws -> RequestSource {
        let seed = spec.seed, replication = spec.replication
        switch setup.spec.arrivals {
        case .load:
            let saturated = rate.requestsPerGPUSecond * servingGPUs
            let hours = max(1, Int((spec.horizonSeconds / 3600).rounded(.up)))
            let rates = (0..<hours).map { saturated * spec.load.utilisation(atHourIndex: spec.startHour + $0) }
            return RequestSource(rate: { t in rates[min(Int(t / 3600), hours - 1)] },
                                 envelope: max(saturated, 1e-12), homogeneous: false, setup: setup, seed: seed, replication: replication)
        case .poisson(let r):
            return RequestSource(rate: { _ in r }, envelope: r, homogeneous: true, setup: setup, seed: seed, replication: replication)
        case .diurnal(let mean, let amplitude, let peakHour):
            let process = ArrivalProcess.diurnal(.init(meanPerSecond: mean, amplitude: amplitude,
                                                       peakSeconds: (peakHour - Double(spec.startHour % 24)) * 3600))
            return RequestSource(rate: { process.rate(atSeconds: $0) }, envelope: process.maximumRate, homogeneous: false,
                                 setup: setup, seed: seed, replication: replication)
        case .trace(let path):
            return RequestSource(trace: try RequestTrace.load(path: path), setup: setup)
        }
    }

    /// Offered requests per second in each hour of the run, for the offered load: the load profile's rate, the
    /// Poisson rate, the diurnal rate's exact hourly mean (∫λ dt / 3600), or the trace's arrivals in the hour.
    /// - Throws: `ServingError` for an unreadable trace.
    func hourlyOfferedRates(setup: ServingSetup, saturatedRequestRate: Double) throws -> [Double] {
        let hours = max(1, Int((spec.horizonSeconds / 3600).rounded(.up)))
        switch setup.spec.arrivals {
        case .load:
            return (0..<hours).map { saturatedRequestRate * spec.load.utilisation(atHourIndex: spec.startHour + $0) }
        case .poisson(let r):
            return Array(repeating: r, count: hours)
        case .diurnal(let mean, let amplitude, let peakHour):
            let process = ArrivalProcess.diurnal(.init(meanPerSecond: mean, amplitude: amplitude,
                                                       peakSeconds: (peakHour - Double(spec.startHour % 24)) * 3600))
            return (0..<hours).map {
                (process.expectedArrivals(untilSeconds: Double($0 + 1) * 3600) - process.expectedArrivals(untilSeconds: Double($0) * 3600)) / 3600
            }
        case .trace(let path):
            var counts = [Double](repeating: 0, count: hours)
            for r in try RequestTrace.load(path: path) where r.arrivalSeconds < Double(hours) * 3600 {
                counts[Int(r.arrivalSeconds / 3600)] += 1 / 3600
            }
            return counts
        }
    }
}
