import FacilityModels
import FacilitySim
import Foundation


extension SpecBuilder {
    /// Reads the optional `workload:` block with `kind: training` (issue 15): a training job in the hall and its
    /// cloud-only comparison. Every key is read before the cross-checks (layout on the fabric, GPUs of the hall).
    ///
    /// ```yaml
    /// workload:
    ///   kind: training
    ///   model: GPT-3-175B            # or a serving preset (Llama-2-70B, …)
    ///   sequence_length: 2048
    ///   global_batch: 2304           # sequences per step
    ///   micro_batch: 2
    ///   parallelism: {data: 16, tensor: 4, pipeline: 8, virtual_stages: 4}
    ///   precision: fp8               # or bf16
    ///   tokens: 1193803776
    ///   evaluation: {every_steps: 11, tokens: 11590004}
    ///   overlap: {tensor: 0.9, pipeline: 0.9, data: 0.9}
    ///   efficiency: {source: kernel_profile, kernel_profile: profiles/cpu-110M.json}   # or source: published
    ///   environment: dgx-h100-infiniband
    ///   cloud_comparison: aws-p5-efa
    /// ```
    func readTraining() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("workload") else { return nil }
        // `kind: none` switches the block off and ignores its other keys: `--set workload.kind=none` runs the hall
        // without its training job (`plan --meet document` does, so that halls smaller than the job can be judged
        // on the facility's rows).
        if m.value("kind")?.scalar?.string.lowercased() == "none" { _ = m.string("kind", maxLength: 40); return nil }
        defer { m.rejectUnknownKeys() }
        var ok = true
        if let kind = m.string("kind", required: true, maxLength: 40), kind.lowercased() != "training" {
            reader.error(at: m.value("kind"), m.child("kind"), "'\(kind.prefix(40))' is not a workload kind this build models; one of: training, none")
            ok = false
        } else if !m.contains("kind") { ok = false }
        let modelName = m.string("model", required: true, maxLength: 100)
        let dimensions = modelName.flatMap { try? TrainingModelCatalogue.dimensions(named: $0) }
        if let modelName, dimensions == nil {
            let names = TrainingModelCatalogue.names
            reader.error(at: m.value("model"), m.child("model"), "'\(modelName.prefix(40))' is not one of: \(names.joined(separator: ", "))\(Suggestion.hint(for: modelName, among: names))")
        }
        let sequence = m.integer("sequence_length", range: 1...1_048_576, required: true)
        let batch = m.integer("global_batch", range: 1...100_000_000, required: true)
        let micro = m.integer("micro_batch", default: 1, range: 1...1_000_000)
        let parallelism = readTrainingParallelism(m)
        let precision = m.choice("precision", TrainingPrecision.self, default: .bf16)
        let tokens = m.quantity("tokens", .dimensionless, range: 1...1e16, required: true)
        var everySteps = 0, evaluationTokens = 0.0
        if let e = m.mapping("evaluation") {
            defer { e.rejectUnknownKeys() }
            if let n = e.integer("every_steps", range: 1...1_000_000_000, required: true) { everySteps = n } else { ok = false }
            if let t = e.quantity("tokens", .dimensionless, range: 0...1e15, required: true) { evaluationTokens = t } else { ok = false }
        }
        var overlaps = (tensor: 0.0, pipeline: 0.0, data: 0.0)
        if let o = m.mapping("overlap") {
            defer { o.rejectUnknownKeys() }
            overlaps.tensor = o.quantity("tensor", .fraction, default: 0, range: 0...1) ?? { ok = false; return 0 }()
            overlaps.pipeline = o.quantity("pipeline", .fraction, default: 0, range: 0...1) ?? { ok = false; return 0 }()
            overlaps.data = o.quantity("data", .fraction, default: 0, range: 0...1) ?? { ok = false; return 0 }()
        }
        let efficiency = readTrainingEfficiency(m)
        let hall = readEnvironment(m, "environment", default: .hall)
        let cloud = readEnvironment(m, "cloud_comparison", default: .cloudOnly)
        guard ok, let modelName, let dimensions, let sequence, let batch, let micro, let parallelism, let precision,
              let tokens, let efficiency, let hall, let cloud else { return nil }
        let workload = TrainingWorkload(
            modelName: modelName, dimensions: dimensions, sequenceLength: sequence, globalBatchSequences: batch,
            microBatchSequences: micro, parallelism: parallelism, precision: precision, tokensToTrain: tokens,
            evaluationIntervalSteps: everySteps, evaluationTokens: evaluationTokens, tensorOverlap: overlaps.tensor,
            pipelineOverlap: overlaps.pipeline, dataOverlap: overlaps.data)
        do {
            try workload.validate(gpusPerNode: hall.fabric.gpusPerNode)
            try workload.validate(gpusPerNode: cloud.fabric.gpusPerNode)
        } catch {
            reader.error(at: m.node, "workload", "\(error)")
            return nil
        }
        if let gpus = root.value("facility")?.mapping?["gpus"]?.scalar.flatMap({ Int($0.string) }), parallelism.gpus > gpus {
            reader.error(at: m.value("parallelism"), m.child("parallelism"),
                         "data × tensor × pipeline = \(parallelism.gpus) GPUs, more than the hall's facility.gpus (\(gpus))")
            return nil
        }
        let spec = TrainingSpec(workload: workload, hall: hall, cloud: cloud, efficiency: efficiency)
        return { $0.training = spec }
    }

    /// `parallelism:` — data, tensor, pipeline (default 1 each), virtual_stages (default 1).
    private func readTrainingParallelism(_ m: MappingCursor) -> TrainingParallelism? {
        guard let p = m.mapping("parallelism") else {
            reader.error(at: m.node, m.child("parallelism"), "missing required field (data, tensor, pipeline)")
            return nil
        }
        defer { p.rejectUnknownKeys() }
        let data = p.integer("data", default: 1, range: 1...1_000_000)
        let tensor = p.integer("tensor", default: 1, range: 1...1_024)
        let pipeline = p.integer("pipeline", default: 1, range: 1...1_024)
        let virtual = p.integer("virtual_stages", default: 1, range: 1...1_024)
        guard let data, let tensor, let pipeline, let virtual else { return nil }
        return TrainingParallelism(data: data, tensor: tensor, pipeline: pipeline, virtualStages: virtual)
    }

    /// `efficiency:` — `source: kernel_profile` (default; `kernel_profile:` path, default `profiles/cpu-110M.json`
    /// beside the file) or `source: published` (Llama 3's H100 MFU).
    private func readTrainingEfficiency(_ m: MappingCursor) -> TrainingSourcedFigure? {
        let e = m.mapping("efficiency")
        defer { e?.rejectUnknownKeys() }
        let source = e?.string("source", default: "kernel_profile", maxLength: 40) ?? "kernel_profile"
        switch source.lowercased() {
        case "published":
            return TrainingEfficiency.publishedH100
        case "kernel_profile":
            let written = e?.string("kernel_profile", maxLength: 4096)
            let path = resolve(written ?? "profiles/cpu-110M.json", writtenAt: e?.value("kernel_profile") ?? m.node).path
            do { return try TrainingEfficiency.fromKernelProfile(path: path, label: written ?? "profiles/cpu-110M.json") } catch {
                reader.error(at: e?.value("kernel_profile") ?? m.node, m.child("efficiency"), "\(error)")
                return nil
            }
        default:
            reader.error(at: e?.value("source"), m.child("efficiency.source"), "'\(source.prefix(40))' is not one of: kernel_profile, published")
            return nil
        }
    }

    /// A named training environment (`dgx-h100-infiniband`, `aws-p5-efa`).
    private func readEnvironment(_ m: MappingCursor, _ key: String, default value: TrainingEnvironment) -> TrainingEnvironment? {
        guard let name = m.string(key, default: value.name, maxLength: 100) else { return nil }
        do { return try TrainingEnvironment.named(name) } catch {
            let names = TrainingEnvironment.catalogue.map(\.name)
            reader.error(at: m.value(key), m.child(key), "'\(name.prefix(40))' is not one of: \(names.joined(separator: ", "))\(Suggestion.hint(for: name, among: names))")
            return nil
        }
    }
}
