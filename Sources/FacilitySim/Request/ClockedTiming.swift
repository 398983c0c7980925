import Serving

/// The iteration-time model of one cohort's replicas at the cohort's current DVFS state: the replicas'
/// schedulers share it, so a clock change slows every iteration planned after it (iterations in flight finish
/// at the clock they started with).
///
/// A reference type because `ContinuousBatchScheduler` holds its timing as a constant; it is mutated only by the
/// request-fidelity run that owns it, on one thread (hence `@unchecked Sendable`).
final class ClockedTiming: IterationTiming, @unchecked Sendable {
    /// The roofline model at each DVFS state of the accelerator (index 0 = full clock).
    let models: [IterationTimeModel]
    /// DVFS state in force.
    var clockIndex = 0

    /// - Throws: `ServingError.invalidConfiguration` for a clock state outside (0, 1].
    init(model: IterationTimeModel, clockStates: [Double]) throws {
        models = try clockStates.map { try model.atClock($0) }
    }

    func seconds(for batch: IterationBatch) -> Double { models[clockIndex].seconds(for: batch) }
}
