import Foundation

/// A public-cloud price the facility's cost is compared with.
public enum CloudReference: Sendable, Equatable {
    /// On-demand price of a named GPU offering, USD per GPU-hour.
    case gpuHour(offering: String, usdPerGpuHour: Double)
    /// Price of a named inference API, USD per million output tokens.
    case apiTokens(offering: String, usdPerMillionTokens: Double)

    /// The offering's name and price, for reports.
    public var label: String {
        switch self {
        case .gpuHour(let name, let price): return "\(name): $\(Self.format(price))/GPU-h"
        case .apiTokens(let name, let price): return "\(name): $\(Self.format(price))/M tokens"
        }
    }

    static func format(_ x: Double) -> String {
        let cents = (x * 100).rounded() / 100
        return cents == x ? String(format: "%.2f", x) : String(format: "%.4g", x)
    }
}

