import Foundation

/// The physical dimension of a scenario field, which decides the units it accepts.
///
/// Values are converted to the project's canonical units: °C for temperatures, K for temperature
/// differences, W, J, s, m³/s, (m³/s)/W, kg, m³, K/W, J/K, USD, and fractions in [0, 1].
/// A bare number is read in the canonical unit (so `700` in a power field is 700 W).
public enum Dimension: String, Sendable, CaseIterable {
    case temperature, temperatureDifference, power, energy, time, volumetricFlow, flowPerPower
    case fraction, money, moneyPerEnergy, moneyPerTime, mass, volume, thermalResistance, heatCapacity
    case dimensionless

    /// Accepted unit spellings and their conversion `canonical = value·scale + offset`.
    var units: [String: (scale: Double, offset: Double)] {
        switch self {
        case .temperature:
            return ["°C": (1, 0), "C": (1, 0), "degC": (1, 0), "K": (1, -273.15),
                    "°F": (5.0 / 9.0, -32.0 * 5.0 / 9.0), "F": (5.0 / 9.0, -32.0 * 5.0 / 9.0)]
        case .temperatureDifference:
            return ["K": (1, 0), "°C": (1, 0), "C": (1, 0), "degC": (1, 0), "°F": (5.0 / 9.0, 0), "F": (5.0 / 9.0, 0)]
        case .power:
            return ["W": (1, 0), "kW": (1e3, 0), "MW": (1e6, 0), "GW": (1e9, 0)]
        case .energy:
            return ["J": (1, 0), "kJ": (1e3, 0), "MJ": (1e6, 0), "GJ": (1e9, 0), "Wh": (3600, 0),
                    "kWh": (3.6e6, 0), "MWh": (3.6e9, 0), "GWh": (3.6e12, 0)]
        case .time:
            return ["s": (1, 0), "ms": (1e-3, 0), "min": (60, 0), "h": (3600, 0), "d": (86_400, 0),
                    "day": (86_400, 0), "days": (86_400, 0), "week": (604_800, 0), "weeks": (604_800, 0),
                    "y": (31_536_000, 0), "year": (31_536_000, 0), "years": (31_536_000, 0)]
        case .volumetricFlow:
            return ["m3/s": (1, 0), "m³/s": (1, 0), "m3/h": (1.0 / 3600, 0), "m³/h": (1.0 / 3600, 0),
                    "L/s": (1e-3, 0), "L/min": (1e-3 / 60, 0), "gpm": (3.785411784e-3 / 60, 0)]
        case .flowPerPower:
            return ["m3/s/W": (1, 0), "L/min/kW": (1e-3 / 60 / 1e3, 0), "L/s/kW": (1e-3 / 1e3, 0),
                    "gpm/kW": (3.785411784e-3 / 60 / 1e3, 0)]
        case .fraction:
            return ["%": (0.01, 0)]
        case .money:
            return ["USD": (1, 0), "$": (1, 0), "kUSD": (1e3, 0), "MUSD": (1e6, 0)]
        case .moneyPerEnergy:
            return ["USD/kWh": (1.0 / 3.6e6, 0), "$/kWh": (1.0 / 3.6e6, 0), "USD/MWh": (1.0 / 3.6e9, 0),
                    "USD/J": (1, 0)]
        case .moneyPerTime:
            return ["USD/h": (1.0 / 3600, 0), "$/h": (1.0 / 3600, 0), "USD/s": (1, 0)]
        case .mass:
            return ["kg": (1, 0), "t": (1e3, 0), "g": (1e-3, 0)]
        case .volume:
            return ["m3": (1, 0), "m³": (1, 0), "L": (1e-3, 0)]
        case .thermalResistance:
            return ["K/W": (1, 0), "°C/W": (1, 0), "C/W": (1, 0)]
        case .heatCapacity:
            return ["J/K": (1, 0), "kJ/K": (1e3, 0), "MJ/K": (1e6, 0)]
        case .dimensionless:
            return [:]
        }
    }

    /// The canonical unit, used in messages.
    public var canonicalUnit: String {
        switch self {
        case .temperature: "°C"
        case .temperatureDifference: "K"
        case .power: "W"
        case .energy: "J"
        case .time: "s"
        case .volumetricFlow: "m3/s"
        case .flowPerPower: "m3/s/W"
        case .fraction: "fraction 0–1 or %"
        case .money: "USD"
        case .moneyPerEnergy: "USD/J"
        case .moneyPerTime: "USD/s"
        case .mass: "kg"
        case .volume: "m3"
        case .thermalResistance: "K/W"
        case .heatCapacity: "J/K"
        case .dimensionless: "no unit"
        }
    }
}

/// Parses quantities written with units, such as `70°C`, `700 W`, `8760h`, `1.5 L/min/kW`, `95 %`.
public enum QuantityParser {
    /// What went wrong parsing a quantity, phrased for the user.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Converts `text` to the canonical unit of `dimension`.
    /// - Throws: `Failure` naming the accepted units when the number or the unit is not understood,
    ///   or when the value is not finite.
    public static func parse(_ text: String, as dimension: Dimension) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 64 else { throw Failure(message: "value is too long to be a quantity") }
        // Split the leading number (digits, sign, point, exponent) from the unit.
        var numberEnd = trimmed.startIndex
        var seenDigit = false
        var previous: Character = " "
        for index in trimmed.indices {
            let c = trimmed[index]
            let ok = c.isASCII && (c.isNumber || c == "." || ((c == "-" || c == "+") && (index == trimmed.startIndex || previous == "e" || previous == "E"))
                || ((c == "e" || c == "E") && seenDigit && trimmed.index(after: index) < trimmed.endIndex
                    && { let n = trimmed[trimmed.index(after: index)]; return n.isNumber || n == "-" || n == "+" }()))
            if !ok { break }
            if c.isNumber { seenDigit = true }
            previous = c
            numberEnd = trimmed.index(after: index)
        }
        let numberText = String(trimmed[..<numberEnd])
        let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces)
        guard seenDigit, let value = Double(numberText) else {
            throw Failure(message: "expected a number\(dimension == .dimensionless ? "" : " with a unit") but found '\(text)'\(acceptedUnitsHint(dimension))")
        }
        guard value.isFinite else { throw Failure(message: "value '\(text)' is not a finite number") }
        if unit.isEmpty {
            return value
        }
        guard let conversion = dimension.units[unit] ?? dimension.units.first(where: { $0.key.lowercased() == unit.lowercased() })?.value else {
            let suggestion = Suggestion.hint(for: unit, among: dimension.units.keys.sorted())
            throw Failure(message: "unknown unit '\(unit)' for a \(name(dimension))\(suggestion)\(acceptedUnitsHint(dimension))")
        }
        let result = value * conversion.scale + conversion.offset
        guard result.isFinite else { throw Failure(message: "value '\(text)' overflows") }
        return result
    }

    static func name(_ d: Dimension) -> String {
        switch d {
        case .temperatureDifference: "temperature difference"
        case .volumetricFlow: "volumetric flow"
        case .flowPerPower: "flow per unit power"
        case .moneyPerEnergy: "price of energy"
        case .moneyPerTime: "price per time"
        case .thermalResistance: "thermal resistance"
        case .heatCapacity: "heat capacity"
        default: d.rawValue
        }
    }

    static func acceptedUnitsHint(_ d: Dimension) -> String {
        d.units.isEmpty ? "" : "; accepted units: \(d.units.keys.sorted().joined(separator: ", "))"
    }
}
