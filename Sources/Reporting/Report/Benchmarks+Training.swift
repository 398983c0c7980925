import FacilitySim

extension Benchmarks {
    /// The document's "Model Training Speed: 2–5× faster than cloud-only".
    public static let trainingSpeedRange = 2.0...5.0

    /// Training speed: the cloud-only comparison's expected time to train over the hall's, for the scenario's
    /// `workload: training` job; "not modelled" without one.
    static func trainingRow(_ s: RunSummary) -> BenchmarkRow {
        let hours = { (x: Double) in "\(SVGText.number(x / 3600, digits: 3)) h" }
        let measured = s.training.map {
            "\(SVGText.fixed($0.speedupVersusCloud, 2))× (\($0.model) on \($0.gpus) GPUs: hall \(hours($0.hall.wallSeconds)), "
                + "cloud-only \(hours($0.cloud.wallSeconds)); goodput \(SVGText.fixed($0.hall.goodput, 3)) vs \(SVGText.fixed($0.cloud.goodput, 3)))"
        } ?? "—"
        let source = s.training.map { " Hall: \($0.hall.environment); cloud-only: \($0.cloud.environment). Efficiency \(SVGText.fixed($0.efficiency, 3)) from \($0.efficiencySource)." } ?? ""
        return BenchmarkRow(
            name: "Model training speed vs cloud-only", target: "2–5× faster", measured: measured,
            verdict: s.training.map { $0.speedupVersusCloud >= trainingSpeedRange.lowerBound ? .pass : .fail } ?? .notModelled,
            definition: "Expected wall time to train the scenario's workload on the named cloud-only environment (the same H100 GPUs behind AWS p5 EFA 3,200 Gb/s per instance on a shared fabric, longer restarts) / the same in the hall (DGX H100 on InfiniBand NDR, its simulated throttling loss applied). Step time: roofline compute at the CPU-measured training efficiency, α-β ring/tree collectives for tensor, pipeline and data parallelism with the stated overlaps, pipeline bubble (p − 1)/(v·m) (Narayanan et al. 2021); failures at Llama 3's interruption rates with checkpoints at the Young/Daly interval (Daly 2006 expected wall time). Pass at ≥ 2×.\(source)",
            provenance: .modelled)
    }
}
