/// How far the twin is from one measured signal: MAPE, RMSE, bias and the worst error, over the instants where the
/// signal was measured.
///
/// Error e = simulated − measured. MAPE = mean |e|/|measured| (in %, instants with a measured value of 0 left out),
/// RMSE = √(mean e²), bias = mean e, worst = the e of largest magnitude and its instant.
public struct SignalComparison: Sendable, Codable, Equatable {
    /// Signal name (`tank[3].gpu_temperature`) or a pooled kind (`gpu_temperature` over every tank).
    public var signal: String
    public var unit: String
    /// Instants compared.
    public var samples: Int
    public var mapePercent: Double
    public var rmse: Double
    public var bias: Double
    public var worstError: Double
    /// Instant of the worst error, s since 1970 (ISO 8601 in the report).
    public var worstTime: Double

    enum CodingKeys: String, CodingKey {
        case signal, unit, samples, mapePercent = "mape_percent", rmse, bias, worstError = "worst_error", worstTime = "worst_time"
    }

    /// Accumulates errors, then yields the comparison.
    struct Accumulator {
        var n = 0, nRelative = 0
        var sumAbsRelative = 0.0, sumSquares = 0.0, sum = 0.0
        var worst = 0.0, worstTime = Double.nan

        mutating func add(simulated: Double, measured: Double, time: Double) {
            guard !measured.isNaN, simulated.isFinite else { return }
            let e = simulated - measured
            n += 1
            sum += e
            sumSquares += e * e
            if measured != 0 { nRelative += 1; sumAbsRelative += abs(e / measured) }
            if abs(e) > abs(worst) || worstTime.isNaN { worst = e; worstTime = time }
        }

        func result(_ signal: String, unit: String) -> SignalComparison {
            let count = Double(max(n, 1))
            return SignalComparison(signal: signal, unit: unit, samples: n,
                                    mapePercent: nRelative > 0 ? 100 * sumAbsRelative / Double(nRelative) : .nan,
                                    rmse: (sumSquares / count).squareRoot(), bias: sum / count, worstError: worst, worstTime: worstTime)
        }
    }

    /// Every measured output of `data` against `prediction`: one entry per pooled kind (all tanks together) first,
    /// then one per signal.
    public static func compare(_ data: ShadowData, _ prediction: ShadowPrediction) -> [SignalComparison] {
        var pooled: [ShadowSignal.Kind: Accumulator] = [:]
        var single: [SignalComparison] = []
        for (signal, measured) in data.measured {
            guard let simulated = prediction.values(signal) else { continue }
            var a = Accumulator()
            for k in measured.indices { a.add(simulated: simulated[k], measured: measured[k], time: data.times[k]) }
            if signal.kind.perTank {
                var p = pooled[signal.kind] ?? Accumulator()
                for k in measured.indices { p.add(simulated: simulated[k], measured: measured[k], time: data.times[k]) }
                pooled[signal.kind] = p
            }
            single.append(a.result(signal.description, unit: signal.kind.unit))
        }
        let kinds = pooled.keys.sorted { ShadowSignal.Kind.allCases.firstIndex(of: $0)! < ShadowSignal.Kind.allCases.firstIndex(of: $1)! }
        return kinds.map { pooled[$0]!.result($0.rawValue, unit: $0.unit) } + single
    }
}
