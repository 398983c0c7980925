import Foundation

/// The heat a district-heating user asks for, as a function of the hour of the year.
///
/// Demand(h) = mean·(1 + a_s·cos(2π(day − peakDay)/365))·(1 + a_d·cos(2π(hour − peakHour)/24)), floored
/// at 0, with day = h/24 (fractional) and hour = h mod 24. Assumption: a simple sinusoid, not a measured
/// load profile; defaults ±50 % seasonal swing peaking mid-January (day 15) and ±10 % daily swing peaking
/// at 07:00, the shape of a northern-hemisphere space-heating load (replace with the user's own profile).
public struct HeatDemandProfile: Sendable, Equatable, Codable {
    /// Annual mean demand, W.
    public var meanWatts: Double
    /// Seasonal relative amplitude a_s ∈ [0, 1].
    public var seasonalAmplitude: Double
    /// Day of year (1–365) of peak seasonal demand.
    public var peakDayOfYear: Double
    /// Daily relative amplitude a_d ∈ [0, 1].
    public var dailyAmplitude: Double
    /// Hour of day (0–24) of peak daily demand.
    public var peakHourOfDay: Double

    public init(meanWatts: Double, seasonalAmplitude: Double = 0.5, peakDayOfYear: Double = 15, dailyAmplitude: Double = 0.1,
                peakHourOfDay: Double = 7) {
        self.meanWatts = meanWatts
        self.seasonalAmplitude = seasonalAmplitude
        self.peakDayOfYear = peakDayOfYear
        self.dailyAmplitude = dailyAmplitude
        self.peakHourOfDay = peakHourOfDay
    }

    /// A constant demand, W.
    public static func constant(_ watts: Double) -> HeatDemandProfile {
        HeatDemandProfile(meanWatts: watts, seasonalAmplitude: 0, dailyAmplitude: 0)
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requireNonNegative(meanWatts, "HeatDemandProfile", "meanWatts")
        try FacilityModelError.require(seasonalAmplitude, in: 0...1, "HeatDemandProfile", "seasonalAmplitude")
        try FacilityModelError.require(dailyAmplitude, in: 0...1, "HeatDemandProfile", "dailyAmplitude")
        try FacilityModelError.require(peakDayOfYear, in: 0...366, "HeatDemandProfile", "peakDayOfYear")
        try FacilityModelError.require(peakHourOfDay, in: 0...24, "HeatDemandProfile", "peakHourOfDay")
    }

    /// Demand at `hourOfYear` (hours since 1 January 00:00, may be fractional or exceed 8,760), W.
    public func demandWatts(hourOfYear h: Double) -> Double {
        let day = h / 24, hour = h.truncatingRemainder(dividingBy: 24)
        let seasonal = 1 + seasonalAmplitude * cos(2 * .pi * (day - peakDayOfYear) / 365)
        let daily = 1 + dailyAmplitude * cos(2 * .pi * (hour - peakHourOfDay) / 24)
        return max(0, meanWatts * seasonal * daily)
    }
}
