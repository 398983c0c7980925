/// A named place to train: its fabric and its interruption and restart figures.
///
/// `hall` is the facility's own DGX H100 hall on InfiniBand; `cloud-only` is the named comparison of the benchmark
/// row "Model training speed: 2–5× faster than cloud-only": the same H100 GPUs rented as AWS p5.48xlarge instances
/// behind 3,200 Gb/s EFA on a shared fabric, with a longer restart (see `TrainingFabric.awsP5EFA` and
/// `TrainingReliability.cloudInstances` for each figure's source or assumption).
public struct TrainingEnvironment: Sendable, Equatable {
    /// Catalogue name.
    public var name: String
    public var fabric: TrainingFabric
    public var reliability: TrainingReliability

    public init(name: String, fabric: TrainingFabric, reliability: TrainingReliability) {
        self.name = name
        self.fabric = fabric
        self.reliability = reliability
    }

    /// The facility's hall: DGX H100 on non-blocking InfiniBand NDR, Llama 3 interruption rates, 10-minute restart.
    public static let hall = TrainingEnvironment(name: "dgx-h100-infiniband", fabric: .dgxH100InfiniBand,
                                                 reliability: .llama3OnPremises)

    /// The cloud-only comparison: AWS p5.48xlarge, EFA 3,200 Gb/s per instance, shared fabric, 30-minute restart.
    public static let cloudOnly = TrainingEnvironment(name: "aws-p5-efa", fabric: .awsP5EFA,
                                                      reliability: .cloudInstances)

    /// Every named environment.
    public static let catalogue: [TrainingEnvironment] = [hall, cloudOnly]

    /// The environment called `name` (case-insensitive).
    /// - Throws: `ServingError.invalidConfiguration` listing the known names.
    public static func named(_ name: String) throws -> TrainingEnvironment {
        guard let e = catalogue.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw ServingError.invalidConfiguration(field: "environment",
                reason: "unknown training environment '\(name)'; known: \(catalogue.map(\.name).joined(separator: ", "))")
        }
        return e
    }
}
