import FacilityModels
import FacilitySim
import Foundation
import InferenceKernel
import Serving

/// `run --live-kernel`: executes the real CPU kernel for a sample of the simulation's decode iterations and reports how
/// far the profile-based iteration time is from the live measurement mapped to the target by the same roofline.
///
/// For a sampled iteration of b sequences (total context S) on the target accelerator:
/// - the kernel of the profile's model (synthetic weights of its preset, seed 1) decodes b sequences for `steps` timed
///   steps after one warm-up step, best of two runs, from position 0 (`DecodeBenchmark`'s protocol; Assumption: the fraction of the
///   roofline depends on the batch, not the context — at the kernel's short contexts weights dominate the bytes);
/// - its live roofline fraction f = measured tokens/s ÷ the roofline bound with the profile's own roofs (GEMM peak,
///   memory roof), exactly as `factory-twin calibrate` computes the profile's fractions (capped at 1 like them);
/// - the live iteration time is the target's roofline for (b, S) with efficiency f on both roofs
///   (`IterationTimeModel.decodeSeconds`), against the profile-based time the simulation used.
final class LiveKernelProbe {
    /// One sampled iteration.
    struct Sample: Encodable {
        var sequences: Int
        var totalContext: Int
        var kernelBatch: Int
        var kernelTokensPerSecond: Double
        var liveRooflineFraction: Double
        var profileSeconds: Double
        var liveSeconds: Double
        /// live / profile − 1.
        var relativeGap: Double
    }

    /// What `live-kernel.json` holds.
    struct Report: Encodable {
        var kernelModel: String
        var profile: String
        var steps: Int
        var samples: [Sample]
        var meanRelativeGap: Double
        var meanAbsoluteRelativeGap: Double
        var source = "measured: InferenceKernel on this host; mapped through the roofline of Sources/Serving/IterationTimeModel"
    }

    let profile: KernelProfile
    let profilePath: String
    let weights: TransformerWeights
    let timing: IterationTimeModel
    let steps: Int
    let maxBatch: Int
    private(set) var samples: [Sample] = []

    /// - Throws: when the scenario has no serving block with a kernel profile, or its model is not a synthetic preset.
    init(spec: ScenarioSpec, steps: Int, maxBatch: Int) throws {
        guard let serving = spec.serving, serving.efficiencySource == .kernelProfile, let path = serving.kernelProfilePath else {
            throw ServingError.invalidConfiguration(field: "serving.efficiency",
                                                    reason: "--live-kernel needs a serving block whose efficiencies come from a kernel profile")
        }
        profile = try KernelProfile.load(path: path)
        profilePath = path
        weights = try TransformerWeights.synthetic(preset: try SyntheticPreset.named(profile.model.name), seed: 1)
        let accelerator = try AcceleratorCatalogue.spec(named: spec.facility.accelerator)
        timing = try ServingSetup(spec: serving, accelerator: accelerator).timing
        self.steps = steps
        self.maxBatch = maxBatch
    }

    /// Runs the kernel for one sampled iteration (called from inside the simulation loop).
    /// - Throws: `KernelError` from the kernel.
    func measure(sequences: Int, totalContext: Int, profileSeconds: Double) throws {
        let batch = min(sequences, maxBatch)
        let m = try DecodeBenchmark.measureDecode(weights: weights, batch: batch, steps: steps, warmupSteps: 1, repetitions: 2)
        let roof = KernelCalibration.roofline(m.cost, peakFlopsPerSecond: profile.gemmPeak.gflops * 1e9,
                                              bandwidthBytesPerSecond: profile.memoryBandwidth.rooflineGBytesPerSecond * 1e9)
        let fraction = min(m.tokensPerSecond / roof.tokensPerSecond, 1)
        var live = timing
        live.efficiency = try EfficiencyProfile(
            compute: SourcedFigure(fraction, .measured, source: "live kernel, batch \(batch)"),
            memory: SourcedFigure(fraction, .measured, source: "live kernel, batch \(batch)"),
            overheadSeconds: timing.efficiency.overheadSeconds)
        let liveSeconds = live.decodeSeconds(sequences: sequences, totalContext: totalContext)
        samples.append(Sample(sequences: sequences, totalContext: totalContext, kernelBatch: batch,
                              kernelTokensPerSecond: m.tokensPerSecond, liveRooflineFraction: fraction,
                              profileSeconds: profileSeconds, liveSeconds: liveSeconds,
                              relativeGap: liveSeconds / profileSeconds - 1))
    }

    /// The report over the samples taken.
    var report: Report {
        let gaps = samples.map(\.relativeGap)
        let n = Double(max(gaps.count, 1))
        return Report(kernelModel: profile.model.name, profile: profilePath, steps: steps, samples: samples,
                      meanRelativeGap: gaps.reduce(0, +) / n, meanAbsoluteRelativeGap: gaps.reduce(0) { $0 + abs($1) } / n)
    }
}
