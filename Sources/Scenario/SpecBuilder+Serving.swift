import FacilityModels
import FacilitySim
import Foundation

extension SpecBuilder {
    /// Reads the optional `serving:` block (issue 5). Absent: the run does not model tokens (and `fidelity: request`,
    /// which needs requests to simulate, is an error).
    ///
    /// Every key is read (so one bad field never hides another); relative paths (kernel profile, trace) resolve
    /// against the scenario's directory; the kernel profile defaults to `profiles/cpu-110M.json` beside the
    /// scenario. A last cross-check builds the serving set-up (model preset, weights fitting the replica's memory,
    /// the kernel profile's contents) and reports what fails at `serving`.
    func readServing() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("serving") else {
            if !root.contains("serving"), root.value("fidelity")?.scalar?.string.lowercased() == "request" {
                reader.error(at: root.value("fidelity"), "fidelity",
                             "request fidelity simulates requests to a served model: add a serving block (model, arrivals, …)")
            }
            return nil
        }
        defer { m.rejectUnknownKeys() }
        var s = ServingSpec()
        var ok = true
        if let model = m.string("model", default: s.model, maxLength: 100) {
            let names = ServingSetup.knownModelNames
            if ServingSetup.isKnownModel(model) { s.model = model } else {
                reader.error(at: m.value("model"), m.child("model"),
                             "'\(model.prefix(40))' is not one of: \(names.joined(separator: ", "))\(Suggestion.hint(for: model, among: names))")
                ok = false
            }
        }
        if let p = m.choice("precision", ServingSpec.Precision.self, default: s.precision) { s.precision = p } else { ok = false }
        if let tp = m.integer("tensor_parallel", default: 1, range: 1...1024) { s.tensorParallel = tp } else { ok = false }
        ok = readServingEfficiency(m, into: &s) && ok
        ok = readServingArrivals(m, into: &s) && ok
        if let d = readLengths(m, "prompt_tokens") { s.promptTokens = d } else if m.contains("prompt_tokens") { ok = false }
        if let d = readLengths(m, "output_tokens") { s.outputTokens = d } else if m.contains("output_tokens") { ok = false }
        if let n = m.integer("max_tokens", default: s.maxTokens, range: 1...1_048_576) { s.maxTokens = n } else { ok = false }
        if let sch = m.mapping("scheduler") {
            defer { sch.rejectUnknownKeys() }
            if let b = sch.integer("max_batch_size", default: 256, range: 1...65_536) { s.maxBatchSize = b } else { ok = false }
            if let t = sch.integer("max_batched_tokens", default: 8192, range: 1...1_048_576) { s.maxBatchedTokens = t } else { ok = false }
            s.chunkedPrefill = sch.flag("chunked_prefill", default: false)
            if let f = sch.quantity("kv_memory_fraction", .fraction, default: 0.9, range: 0.01...1) { s.kvMemoryFraction = f } else { ok = false }
        } else if m.contains("scheduler") { ok = false }
        if let lb = m.choice("load_balancer", ServingSpec.BalancerPolicy.self, default: s.loadBalancer) { s.loadBalancer = lb } else { ok = false }

        let perServer = root.value("facility")?.mapping?["gpus_per_server"]?.scalar.flatMap { Int($0.string) } ?? 8
        if perServer > 0, perServer % s.tensorParallel != 0 {
            reader.error(at: m.value("tensor_parallel"), m.child("tensor_parallel"),
                         "\(s.tensorParallel) GPUs per replica must divide facility.gpus_per_server (\(perServer))")
            ok = false
        }
        guard ok else { return nil }
        // Cross-check: the model, precision and parallelism fit the accelerator, and the profile is usable.
        let acceleratorName = root.value("facility")?.mapping?["accelerator"]?.scalar?.string ?? "H100-SXM"
        if let accelerator = try? AcceleratorCatalogue.spec(named: acceleratorName) {
            do { _ = try ServingSetup(spec: s, accelerator: accelerator) } catch {
                reader.error(at: m.node, "serving", "\(error)")
                return nil
            }
        }
        let serving = s
        return { $0.serving = serving }
    }

    /// `efficiency:` — source, kernel profile (default `profiles/cpu-110M.json` beside the file that wrote the block), overrides.
    private func readServingEfficiency(_ m: MappingCursor, into s: inout ServingSpec) -> Bool {
        let defaultProfile = resolve("profiles/cpu-110M.json", writtenAt: m.node).path
        guard let e = m.mapping("efficiency") else {
            s.kernelProfilePath = defaultProfile
            if !m.contains("efficiency"), !FileManager.default.isReadableFile(atPath: defaultProfile) {
                reader.error(at: m.node, m.child("efficiency"),
                             "no kernel profile at \(defaultProfile) (the default); give efficiency.kernel_profile or efficiency.source: published")
                return false
            }
            return !m.contains("efficiency")
        }
        defer { e.rejectUnknownKeys() }
        var ok = true
        if let source = e.choice("source", ServingSpec.EfficiencySource.self, default: .kernelProfile) { s.efficiencySource = source } else { ok = false }
        let file = e.string("kernel_profile", maxLength: 4096)
        if s.efficiencySource == .kernelProfile {
            let path = file.map { resolve($0, writtenAt: e.value("kernel_profile")).path } ?? defaultProfile
            if FileManager.default.isReadableFile(atPath: path) { s.kernelProfilePath = path } else {
                reader.error(at: e.value("kernel_profile") ?? e.node, e.child("kernel_profile"), "kernel profile not found or not readable: \(path)")
                ok = false
            }
        } else if file != nil {
            reader.error(at: e.value("kernel_profile"), e.child("kernel_profile"),
                         "a kernel profile is read only with source: kernel_profile (source is \(s.efficiencySource.rawValue))")
            ok = false
        }
        s.computeEfficiency = e.quantity("compute", .fraction, range: 0.001...1)
        s.memoryEfficiency = e.quantity("memory", .fraction, range: 0.001...1)
        if let overhead = e.quantity("iteration_overhead", .time, default: 0, range: 0...10) { s.iterationOverheadSeconds = overhead } else { ok = false }
        return ok
    }

    /// `arrivals:` — `process: load | poisson | diurnal | trace` and that process's keys.
    private func readServingArrivals(_ m: MappingCursor, into s: inout ServingSpec) -> Bool {
        guard let a = m.mapping("arrivals") else { return !m.contains("arrivals") }
        defer { a.rejectUnknownKeys() }
        enum Process: String, CaseIterable { case load, poisson, diurnal, trace }
        switch a.choice("process", Process.self, default: .load) {
        case .load:
            s.arrivals = .load
        case .poisson:
            guard let rate = a.quantity("rate", .dimensionless, range: 1e-9...1e9, required: true) else { return false }
            s.arrivals = .poisson(ratePerSecond: rate)
        case .diurnal:
            let mean = a.quantity("mean_rate", .dimensionless, range: 1e-9...1e9, required: true)
            let amplitude = a.quantity("amplitude", .fraction, default: 0.2, range: 0...1)
            let peak = a.quantity("peak_hour", .dimensionless, default: 15, range: 0...24)
            guard let mean, let amplitude, let peak else { return false }
            s.arrivals = .diurnal(meanPerSecond: mean, amplitude: amplitude, peakHour: peak)
        case .trace:
            guard let file = a.string("file", required: true, maxLength: 4096) else { return false }
            let path = resolve(file, writtenAt: a.value("file")).path
            guard FileManager.default.isReadableFile(atPath: path) else {
                reader.error(at: a.value("file"), a.child("file"), "trace file not found or not readable: \(path)")
                return false
            }
            s.arrivals = .trace(path: path)
        case nil:
            return false
        }
        return true
    }

    /// A token-length distribution: a bare number (constant) or `{distribution: …, mean, standard_deviation, lower, upper}`.
    private func readLengths(_ m: MappingCursor, _ key: String) -> ServingSpec.LengthDistribution? {
        if let node = m.value(key), node.scalar != nil {
            return m.quantity(key, .dimensionless, range: 1...1_048_576).map { .constant($0) }
        }
        guard let d = m.mapping(key) else { return nil }
        defer { d.rejectUnknownKeys() }
        enum Kind: String, CaseIterable { case constant, lognormal, exponential, uniform }
        switch d.choice("distribution", Kind.self, required: true) {
        case .constant:
            return d.quantity("mean", .dimensionless, range: 1...1_048_576, required: true).map { .constant($0) }
        case .lognormal:
            let mean = d.quantity("mean", .dimensionless, range: 1...1_048_576, required: true)
            let sd = d.quantity("standard_deviation", .dimensionless, range: 1e-6...1e7, required: true)
            guard let mean, let sd else { return nil }
            return .lognormal(mean: mean, standardDeviation: sd)
        case .exponential:
            return d.quantity("mean", .dimensionless, range: 1...1_048_576, required: true).map { .exponential(mean: $0) }
        case .uniform:
            let lower = d.quantity("lower", .dimensionless, range: 1...1_048_576, required: true)
            let upper = d.quantity("upper", .dimensionless, range: 1...1_048_576, required: true)
            guard let lower, let upper else { return nil }
            guard lower < upper else {
                reader.error(at: d.value("upper"), d.child("upper"), "upper (\(upper)) must be above lower (\(lower))")
                return nil
            }
            return .uniform(lower: lower, upper: upper)
        case nil:
            return nil
        }
    }
}
