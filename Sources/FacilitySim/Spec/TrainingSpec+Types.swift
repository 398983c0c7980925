import Serving

// The training types a scenario reader builds, named through FacilitySim's spec types so that `Scenario` imports
// FacilitySim only (ARCHITECTURE.md: Scenario → FacilitySim).

/// See `Serving.TrainingWorkload`.
public typealias TrainingWorkload = Serving.TrainingWorkload
/// See `Serving.TrainingParallelism`.
public typealias TrainingParallelism = Serving.TrainingParallelism
/// See `Serving.TrainingPrecision`.
public typealias TrainingPrecision = Serving.TrainingPrecision
/// See `Serving.TrainingEnvironment`.
public typealias TrainingEnvironment = Serving.TrainingEnvironment
/// See `Serving.TrainingEfficiency`.
public typealias TrainingEfficiency = Serving.TrainingEfficiency
/// See `Serving.TrainingModelCatalogue`.
public typealias TrainingModelCatalogue = Serving.TrainingModelCatalogue
/// See `Serving.SourcedFigure`.
public typealias TrainingSourcedFigure = Serving.SourcedFigure
/// See `Serving.TrainingEstimate`.
public typealias TrainingEstimate = Serving.TrainingEstimate
