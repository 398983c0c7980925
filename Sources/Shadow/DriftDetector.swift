/// Detects sensors and physics drifting away from the calibrated twin: a two-sided CUSUM per signal on the
/// standardised residual z = (simulated − measured)/σ (σ·measured for powers, whose meters err in % of reading).
///
/// S⁺ₖ = max(0, S⁺ₖ₋₁ + zₖ − k), S⁻ₖ = max(0, S⁻ₖ₋₁ − zₖ − k); an alarm when either exceeds h (Page 1954; Montgomery,
/// Introduction to Statistical Quality Control, §9.1). k = 0.5 detects a shift of one σ fastest. h = 15: by Siegmund's
/// approximation ARL₀ = (e^(2k·b) − 2k·b − 1)/(2k²) with b = h + 1.166, a one-sided in-control run length of about
/// 2·10⁷ samples — ≈ 0.03 false alarms a week over 35 signals and both sides — while a 1.5 σ shift alarms after
/// ≈ 15/(1.5 − 0.5) = 15 samples. h = 12 (ARL₀ ≈ 10⁶, ≈ 0.7 a week over the hall) raised a false alarm on the shipped
/// week (tank 17, statistic 12.1): whole-degree sensors make residuals autocorrelated while a temperature sits still, so
/// the independent-sample ARL is optimistic and the margin is kept. Two guards keep single faults from raising an alarm: z is
/// clipped to ±`clip` (4 σ, Huber-type winsorising — Assumption; a sample whose input was missing and held can be
/// 15 σ off, and one such sample would otherwise cross h alone), and after a gap in the telemetry (inputs unknown,
/// held across it) the CUSUM pauses for `settleSeconds` (3 tank time constants) while the twin's state re-converges.
public struct DriftDetector: Sendable {
    /// One signal's alarm.
    public struct Alarm: Sendable, Codable, Equatable {
        public var signal: String
        /// Instant of the alarm, s since 1970, its row, and the side: "high" (the twin reads above the sensor) or "low".
        public var time: Double
        public var row: Int
        public var side: String
        /// The statistic when it crossed h, and σ used.
        public var statistic: Double
        public var sigma: Double
    }

    public var k = 0.5
    public var h = 15.0
    public var clip = 4.0
    /// Pause after a gap, s (set from the tank time constant by `ShadowRun`).
    public var settleSeconds = 0.0

    public init(k: Double = 0.5, h: Double = 15, clip: Double = 4) {
        self.k = k
        self.h = h
        self.clip = clip
    }

    /// The state of one signal's CUSUM, carried between calls in follow mode.
    public struct State: Sendable, Equatable {
        public var high = 0.0, low = 0.0
        public var alarmed = false
        public init() {}
    }

    /// Runs the CUSUM of each measured output of `data` over rows `from…`, continuing `states`; σ per signal from
    /// `sigma` (by kind). Returns the first alarm of each signal that had none before, and the largest statistic seen.
    public func scan(_ data: ShadowData, _ prediction: ShadowPrediction, sigma: [String: Double], from start: Int = 0,
                     states: inout [String: State]) -> (alarms: [Alarm], maxStatistic: [String: Double]) {
        var alarms: [Alarm] = []
        var maxima: [String: Double] = [:]
        // Instants within settleSeconds after a gap (a step longer than 1.5 × the median step) are not scanned.
        var paused = Array(repeating: false, count: data.times.count)
        if data.times.count > 2, settleSeconds > 0 {
            let steps = zip(data.times.dropFirst(), data.times).map { $0 - $1 }.sorted()
            let median = steps[steps.count / 2]
            var resumeAt = -Double.infinity
            for r in 1..<data.times.count {
                if data.times[r] - data.times[r - 1] > 1.5 * median { resumeAt = data.times[r] + settleSeconds }
                paused[r] = data.times[r] < resumeAt
            }
        }
        for (signal, measured) in data.measured {
            guard let simulated = prediction.values(signal), let s = sigma[signal.kind.rawValue], s > 0 else { continue }
            let name = signal.description
            var state = states[name] ?? State()
            var peak = 0.0
            for r in start..<measured.count where !measured[r].isNaN && !paused[r] {
                let scale = signal.kind.relativeError ? s * max(abs(measured[r]), 1e-9) : s
                let z = max(-clip, min(clip, (simulated[r] - measured[r]) / scale))
                state.high = max(0, state.high + z - k)
                state.low = max(0, state.low - z - k)
                peak = max(peak, state.high, state.low)
                if !state.alarmed && (state.high > h || state.low > h) {
                    state.alarmed = true
                    alarms.append(Alarm(signal: name, time: data.times[r], row: r, side: state.high > h ? "high" : "low",
                                        statistic: max(state.high, state.low), sigma: s))
                }
            }
            maxima[name] = peak
            states[name] = state
        }
        return (alarms, maxima)
    }

    /// σ per kind of signal for the band (relative to the reading for powers): the median over the signals of a kind of their RMS error (so one drifting
    /// sensor among 32 does not widen the band of the others).
    public static func bands(_ data: ShadowData, _ prediction: ShadowPrediction) -> [String: Double] {
        var byKind: [String: [Double]] = [:]
        for (signal, measured) in data.measured {
            guard let simulated = prediction.values(signal) else { continue }
            var sum = 0.0, n = 0
            for r in measured.indices where !measured[r].isNaN {
                let e = (simulated[r] - measured[r]) / (signal.kind.relativeError ? max(abs(measured[r]), 1e-9) : 1)
                sum += e * e
                n += 1
            }
            if n > 1 { byKind[signal.kind.rawValue, default: []].append((sum / Double(n)).squareRoot()) }
        }
        return byKind.mapValues { v in let s = v.sorted(); return s[s.count / 2] }
    }
}
