import FacilityModels
import Foundation
import Serving

/// GPU power during a serving iteration, as the utilisation `u` of `AcceleratorSpec.powerWatts(utilisation:clock:)`
/// (P = P_idle + u·(TDP − P_idle)·dynamic factor of the clock).
///
/// - Prefill and mixed iterations are compute-bound: u = 1 (SplitwiseSim's H100 prompt-phase power is 700 W,
///   the TDP — Patel et al., "Splitwise", arXiv 2311.18677, `configs/power_model/constant.yaml`).
/// - Decode power grows with the batch: FleetSim's logistic fit to ML.ENERGY v3.0 H100 measurements,
///   P(b) = 300 W + 300 W / (1 + e^{−(log₂ b − 4.2)}) (vllm-project/semantic-router `fleet_sim/gpu_profiles/profiles.py`;
///   /work/shared/references/existing-simulators.md). Assumption: other accelerators draw the same fraction
///   P(b)/700 W of their TDP.
/// - Between iterations a GPU idles: u = 0.
public enum IterationPower {
    /// Utilisation of a decode iteration of `sequences` sequences on `accelerator`, in [0, 1].
    @inline(__always)
    public static func decodeUtilisation(sequences: Int, accelerator: AcceleratorSpec) -> Double {
        let b = Double(max(sequences, 1))
        let h100Watts = 300 + 300 / (1 + exp(-(log2(b) - 4.2)))
        let watts = h100Watts / 700 * accelerator.tdpWatts
        return min(1, max(0, (watts - accelerator.idleWatts) / accelerator.maxDynamicWatts))
    }

    /// Utilisation of an iteration of `phase` with `sequences` sequences.
    @inline(__always)
    public static func utilisation(phase: IterationPhase, sequences: Int, accelerator: AcceleratorSpec) -> Double {
        phase == .decode ? decodeUtilisation(sequences: sequences, accelerator: accelerator) : 1
    }
}
