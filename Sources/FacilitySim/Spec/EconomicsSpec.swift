import FacilityModels

/// The scenario's `economics:` block: the cost parameters of the total-cost-of-ownership model (issue 8).
///
/// Defaults and their sources are in `FacilityModels.EconomicsDefaults`; the file names only what it changes.
public struct EconomicsSpec: Sendable, Equatable {
    /// Capital, operating prices, cloud reference and inference length.
    public var parameters: EconomicsParameters
    /// Path of the hourly electricity-price file, when the prices came from one (for reports).
    public var energyPriceSource: String?

    public init(parameters: EconomicsParameters = .init(), energyPriceSource: String? = nil) {
        self.parameters = parameters
        self.energyPriceSource = energyPriceSource
    }
}
