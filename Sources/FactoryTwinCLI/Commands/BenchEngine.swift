import ArgumentParser
import Foundation

/// `factory-twin bench engine`: throughput of the discrete-event engine on two classic workloads,
/// printed as one JSON object on stdout (progress goes to stderr).
///
/// - Hold model: 100 000 pending events; each fired event schedules one more at now + Exp(mean 1 s),
///   so the calendar size stays constant (Jones, "An empirical comparison of priority-queue and
///   event-set implementations", CACM 29(4), 1986). Reports events fired per wall-clock second.
/// - M/M/c queue: c = 8, λ = 6.4 /s, μ = 1 /s (ρ = 0.8) on ``Simulation`` + ``ServerPool``, draws from
///   two SimMath streams (arrivals, services). Reports arrivals + departures per second, the mean wait
///   in queue with a 95 % batch-means interval (20 batches after a warm-up of the first 10 % of the
///   customers), the Erlang-C mean wait computed from the formula, and the relative error.
struct BenchEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Measure the event engine: hold model and M/M/c queue (one JSON object on stdout).",
        discussion: """
        Hold model: \(HoldModel.pendingEvents) pending events, exponential increments (mean 1 s). \
        M/M/c: c = 8, λ = 6.4 /s, μ = 1 /s; the first 10 % of the customers are a warm-up, the mean wait \
        has a 95 % batch-means confidence interval over 20 batches and is compared with Erlang C.
        """
    )

    /// Largest accepted `--events` (keeps far below the calendar's 2⁴⁸ insertion limit).
    static let maximumEvents = 1_000_000_000_000
    /// Smallest accepted `--customers`: 20 batches of at least 4 customers after a 10 % warm-up.
    static let minimumCustomers = 100
    /// Largest accepted `--customers` (the waits array takes 8 bytes per customer: 1.6 GB at the limit).
    static let maximumCustomers = 200_000_000

    @Option(help: "Events to fire in the hold model.")
    var events: Int = 10_000_000

    @Option(help: "Customers through the M/M/c queue.")
    var customers: Int = 1_000_000

    @Option(help: "Scenario seed for the random streams.")
    var seed: UInt64 = 1

    func validate() throws {
        guard events >= 1, events <= Self.maximumEvents else {
            throw ValidationError("--events must be a positive count of at most \(Self.maximumEvents), got \(events)")
        }
        guard customers >= Self.minimumCustomers, customers <= Self.maximumCustomers else {
            throw ValidationError("""
                --customers must be between \(Self.minimumCustomers) (20 batches after a 10 % warm-up) \
                and \(Self.maximumCustomers), got \(customers)
                """)
        }
    }

    func run() throws {
        let hold = try HoldModel.measure(events: events, seed: seed)
        let mmc = try MMCBenchmark.measure(customers: customers, seed: seed)
        let report = Report(hold: hold, mmc: mmc, build: .current)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Writes one progress line to stderr.
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("bench engine: \(message)\n".utf8))
    }

    /// Seconds elapsed on the monotonic clock while `body` ran.
    static func seconds<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = try clock.measure { result = try body() }
        let (whole, attoseconds) = elapsed.components
        return (result!, Double(whole) + Double(attoseconds) * 1e-18)
    }
}

extension BenchEngine {
    /// A benchmark that could not produce a valid measurement.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { "bench engine: \(message)" }
    }

    /// The JSON object printed on stdout.
    struct Report: Encodable {
        var hold: HoldResult
        var mmc: MMCResult
        var build: BuildInfo
    }

    /// Result of the hold model.
    struct HoldResult: Encodable {
        var pending: Int
        var events: Int
        var eventsPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case pending, events
            case eventsPerSecond = "events_per_second"
        }
    }

    /// Result of the M/M/c queue.
    struct MMCResult: Encodable {
        var servers: Int
        var customers: Int
        var eventsPerSecond: Double
        /// Mean wait in queue (s) after the warm-up.
        var meanWait: Double
        /// Half-width (s) of its 95 % batch-means confidence interval.
        var meanWaitHalfWidth: Double
        /// Erlang-C steady-state mean wait (s).
        var erlangCMeanWait: Double
        /// (meanWait − erlangCMeanWait) / erlangCMeanWait.
        var relativeError: Double

        enum CodingKeys: String, CodingKey {
            case servers, customers
            case eventsPerSecond = "events_per_second"
            case meanWait = "mean_wait"
            case meanWaitHalfWidth = "mean_wait_ci95_half_width"
            case erlangCMeanWait = "erlang_c_mean_wait"
            case relativeError = "relative_error"
        }
    }

    /// How the binary that measured was built, and when it ran.
    struct BuildInfo: Encodable {
        /// "debug" or "release" (`#if DEBUG`).
        var configuration: String
        /// Whether built with `FT_TARGET_CPU` (`#if FT_TUNED_BUILD`).
        var tuned: Bool
        /// The Swift compiler version, resolved at compile time.
        var swiftVersion: String
        /// ISO 8601 date and time (UTC) of the measurement.
        var date: String

        enum CodingKeys: String, CodingKey {
            case configuration, tuned, date
            case swiftVersion = "swift_version"
        }

        static var current: BuildInfo {
            #if DEBUG
            let configuration = "debug"
            #else
            let configuration = "release"
            #endif
            #if FT_TUNED_BUILD
            let tuned = true
            #else
            let tuned = false
            #endif
            return BuildInfo(configuration: configuration, tuned: tuned, swiftVersion: compilerVersion,
                             date: ISO8601DateFormatter().string(from: Date()))
        }

        /// The compiler version as far as `#if compiler(>=…)` can tell.
        static var compilerVersion: String {
            #if compiler(>=7.0)
            return ">=7.0"
            #elseif compiler(>=6.4)
            return ">=6.4"
            #elseif compiler(>=6.3.2)
            return ">=6.3.2"
            #elseif compiler(>=6.3.1)
            return "6.3.1"
            #elseif compiler(>=6.3)
            return "6.3"
            #else
            return "<6.3"
            #endif
        }
    }
}
