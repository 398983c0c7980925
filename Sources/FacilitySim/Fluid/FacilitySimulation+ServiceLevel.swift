import FacilityModels

extension FacilitySimulation {
    /// The share of installed full-clock GPU capacity the hall delivers under the present state (0…1): Σ GPUs in
    /// service × throughput ratio of their clock / installed GPUs, capped by the cooling delivered — with fewer than N
    /// pumps or heat-rejection units running, the plant removes at most that fraction of the design heat, so only that
    /// share of the capacity can be served within the thermal policy (Simplification: the operator sheds the rest;
    /// the physics of the run keeps the GPUs loaded, so the cap is an accounting rule, not a change of load).
    static func deliveredCapacity(_ cohorts: [Cohort], installedGPUs: Int, cooling: CoolingCapacity) -> Double {
        guard installedGPUs > 0 else { return 0 }
        let compute = cohorts.reduce(0) { $0 + Double($1.gpusInService) * $1.throughputRatio } / Double(installedGPUs)
        return min(compute, cooling.coolantFlow, cooling.heatRejection)
    }

    /// Writes the service-level figures of `tally` into `summary` (issue 15 item 3).
    static func applyServiceLevel(_ tally: ServiceAvailabilityTally, level: ServiceLevelSpec, to summary: inout RunSummary) {
        summary.serviceAvailability = tally.serviceAvailability
        summary.facilityAvailability = tally.facilityAvailability
        summary.committedCapacity = level.committedCapacity
        summary.committedCapacityBasis = level.basis
    }
}
