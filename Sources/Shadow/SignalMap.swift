import Foundation
import Scenario
import Telemetry
import Yams

/// Which telemetry series is which twin signal, and in what unit: the map file.
///
/// ```yaml
/// signals:
///   supply_temperature: {series: supply_c, unit: °C}
///   facility_power:     {series: facility_kw, unit: kW}
///   tank[*].gpu_power:  {series: "tank{tank02}_gpu_w", unit: W}   # every tank; {tank} = 0, 1 …, {tank02} = 00, 01 …
///   tank[3].gpu_temperature: {series: "t3_temp", unit: °F}        # one tank (overrides the pattern for it)
/// ```
///
/// Every entry needs a `series` and a `unit` of the signal's dimension (units as in scenario files). Problems
/// are `TelemetryError`s at the map file's line and column naming the entry; a series the telemetry does not
/// hold is an error at the entry that names it. Without a map file, every signal is looked for under its own
/// name (`tank[0].gpu_power`) in canonical units (W, °C).
public struct SignalMap: Sendable {
    /// One mapped signal: the series and `canonical = value·scale + offset`.
    public struct Entry: Sendable, Equatable {
        public var series: String
        public var unit: String
        public var scale: Double
        public var offset: Double
        /// Where the entry is written (map file, line, column), for errors.
        public var file: String
        public var line: Int
        public var column: Int
    }

    /// Entry per signal, for the facility-wide signals and per-tank ones (patterns expanded for `tanks` tanks).
    public var entries: [ShadowSignal: Entry]

    /// The default map for `tanks` tanks: every signal under its own name, canonical units, optional.
    public static func identity(tanks: Int) -> SignalMap {
        var entries: [ShadowSignal: Entry] = [:]
        for kind in ShadowSignal.Kind.allCases {
            for tank in kind.perTank ? Array(0..<tanks).map(Optional.some) : [nil] {
                let s = ShadowSignal(kind, tank: tank)
                entries[s] = Entry(series: s.description, unit: kind.unit, scale: 1, offset: 0, file: "(default map)", line: 0, column: 0)
            }
        }
        return SignalMap(entries: entries)
    }

    /// Reads a map file for a hall of `tanks` tanks.
    /// - Throws: `TelemetryError`.
    public static func read(path: String, tanks: Int) throws -> SignalMap {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20,
              let text = String(data: data, encoding: .utf8) else {
            throw TelemetryError(file: path, line: 1, message: "cannot read the map file (or it is not UTF-8 text under 1 MiB)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw TelemetryError(file: path, line: 1, message: "the map is not valid YAML: \(error)")
        }
        guard let signals = root?.mapping?["signals"]?.mapping else {
            throw TelemetryError(file: path, line: root?.mark?.line ?? 1, message: "the map needs a `signals:` mapping of SIGNAL: {series, unit}")
        }
        var entries: [ShadowSignal: Entry] = [:]
        var explicit: [ShadowSignal: Entry] = [:]
        for (keyNode, value) in signals {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 1, column = keyNode.mark?.column ?? 1
            func fail(_ message: String, _ node: Node? = nil) -> TelemetryError {
                TelemetryError(file: path, line: node?.mark?.line ?? line, column: node?.mark?.column ?? column, field: key, message: message)
            }
            guard let m = value.mapping else { throw fail("expected {series: NAME, unit: UNIT}", value) }
            for (k, _) in m where !["series", "unit"].contains(k.string ?? "") {
                throw fail("unknown key '\(k.string ?? "?")' (an entry has `series` and `unit`)", k)
            }
            guard let series = m["series"]?.string, !series.isEmpty else { throw fail("missing `series:` (the telemetry series name)", value) }
            guard let unitNode = m["unit"], let unit = unitNode.string else {
                throw fail("missing `unit:`; telemetry without a unit cannot be compared", value)
            }
            let pattern = key.hasPrefix("tank[*].")
            let signalText = pattern ? key.replacingOccurrences(of: "tank[*]", with: "tank[0]") : key
            guard let signal = ShadowSignal(parsing: signalText) else {
                let names = ShadowSignal.Kind.allCases.map { $0.perTank ? "tank[i].\($0.rawValue)" : $0.rawValue }.joined(separator: ", ")
                throw fail("not a twin signal; signals are: \(names)")
            }
            let (scale, offset) = try conversion(unit: unit, dimension: signal.kind.dimension) { fail($0, unitNode) }
            let entry = Entry(series: series, unit: unit, scale: scale, offset: offset, file: path, line: line, column: column)
            if pattern {
                for t in 0..<tanks {
                    var e = entry
                    e.series = series.replacingOccurrences(of: "{tank02}", with: t < 10 ? "0\(t)" : "\(t)")
                        .replacingOccurrences(of: "{tank}", with: "\(t)")
                    entries[ShadowSignal(signal.kind, tank: t)] = e
                }
            } else {
                if let t = signal.tank, t >= tanks { throw fail("the hall has \(tanks) tanks (0…\(tanks - 1))") }
                explicit[signal] = entry
            }
        }
        entries.merge(explicit) { $1 }
        return SignalMap(entries: entries)
    }

    /// `canonical = value·scale + offset` for `unit` of `dimension`.
    static func conversion(unit: String, dimension: Scenario.Dimension, fail: (String) -> TelemetryError) throws -> (Double, Double) {
        do {
            let zero = try QuantityParser.parse("0 \(unit)", as: dimension)
            let one = try QuantityParser.parse("1 \(unit)", as: dimension)
            return (one - zero, zero)
        } catch {
            throw fail("unit '\(unit)': \(error)")
        }
    }

    /// Column of each mapped signal in `table`; a signal whose series is absent is an error when the map file
    /// names it, and is left out (not measured) for the default map.
    /// - Throws: `TelemetryError` at the map entry.
    public func resolve(in table: TelemetryTable) throws -> [ShadowSignal: (column: Int, entry: Entry)] {
        var result: [ShadowSignal: (column: Int, entry: Entry)] = [:]
        for (signal, entry) in entries.sorted(by: { $0.key < $1.key }) {
            if let k = table.columnIndex(entry.series) {
                result[signal] = (k, entry)
            } else if entry.line > 0 {
                throw TelemetryError(file: entry.file, line: entry.line, column: entry.column, field: signal.description,
                                     message: "series '\(entry.series)' is not in \(table.source) (its series: \(table.columns.prefix(6).joined(separator: ", "))\(table.columns.count > 6 ? ", …" : ""))")
            }
        }
        return result
    }
}
