import Foundation
import XCTest
@testable import InferenceKernel

/// Run-time ISA dispatch: detection, the `FT_KERNEL_ISA` override, and every available level's
/// kernels against the float64 reference and against themselves across threads.
final class KernelISATests: XCTestCase {
    /// cpuid detection agrees with the kernel's own view of the CPU: the level expected from
    /// /proc/cpuinfo's flags (Linux lists a flag only when the CPU has it and the kernel enabled its
    /// register state). x86-64-v4 needs avx512f/bw/cd/dq/vl on top of v3; v3 needs avx, avx2, fma,
    /// f16c, bmi1, bmi2, abm (LZCNT) and movbe (x86-64 psABI micro-architecture levels).
    func testDetectionMatchesProcCpuinfo() throws {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            throw XCTSkip("no /proc/cpuinfo on this system")
        }
        #if !arch(x86_64)
        XCTAssertEqual(KernelISA.detected, .baseline)
        return
        #endif
        let line = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let flags = Set(line.split(separator: " ").map(String.init))
        let v3: Set = ["avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "abm", "movbe"]
        let v4: Set = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]
        let expected: KernelISA = !v3.isSubset(of: flags) ? .baseline : (v4.isSubset(of: flags) ? .avx512 : .avx2)
        XCTAssertEqual(KernelISA.detected, expected, "cpuinfo flags: \(flags.sorted().joined(separator: " "))")
        XCTAssertEqual(KernelISA.available.last, expected)
        XCTAssertEqual(KernelISA.available.first, .baseline)
    }

    /// `FT_KERNEL_ISA`: empty or absent means detected; names are case-insensitive; an unknown name and
    /// a level above the CPU's are errors that name the variable and the value.
    func testEnvironmentOverride() throws {
        XCTAssertEqual(try KernelISA.fromEnvironment([:]), KernelISA.detected)
        XCTAssertEqual(try KernelISA.fromEnvironment(["FT_KERNEL_ISA": ""]), KernelISA.detected)
        XCTAssertEqual(try KernelISA.fromEnvironment(["FT_KERNEL_ISA": "Baseline"]), .baseline)
        XCTAssertThrowsError(try KernelISA.fromEnvironment(["FT_KERNEL_ISA": "sse9"])) { error in
            XCTAssertEqual("\(error)", "FT_KERNEL_ISA=sse9: unknown kernel ISA (expected baseline, avx2 or avx512)")
        }
        if KernelISA.detected < .avx512 {
            XCTAssertThrowsError(try KernelISA.fromEnvironment(["FT_KERNEL_ISA": "avx512"])) { error in
                XCTAssertTrue("\(error)".hasPrefix("FT_KERNEL_ISA=avx512: this CPU supports at most"), "\(error)")
            }
            XCTAssertThrowsError(try Transformer(weights: try FixtureSupport.weights(), contextCapacity: 4, isa: .avx512))
        }
        for isa in KernelISA.available { XCTAssertEqual(try KernelISA.named(isa.rawValue), isa) }
        XCTAssertEqual(KernelISA.baseline.lanes, MicroKernels.Lanes.scalarCount)
        XCTAssertEqual(KernelISA.avx2.lanes, 8)
        XCTAssertEqual(KernelISA.avx512.lanes, 16)
    }

    /// Every available level, Float32 weights: `Y = X·Wᵀ` for batch 9 (tiles of 2 or 4 rows plus
    /// leftovers), n = 300 (37 8-lane or 18 16-lane steps, then a 4- or 12-element tail) and 10 weight
    /// rows (two 4-row blocks and two single rows), with and without accumulation, on 1 and 3 threads.
    /// Every element must equal, bit for bit, the same element computed alone (batch 1, one weight row:
    /// the one-element kernel) on the same level — the fixed order documented on `ISAKernels` — and the
    /// float64 dot product within 1e-5 relative to Σ|x·w| (300 float32 roundings of ≤ 6e-8 each).
    func testEveryLevelGivesTheSameBitsForAnyBlockingAndTheFloat64Product() {
        let batch = 9, n = 300, rows = 10
        var rng = SplitMix64(seed: 11)
        let x = (0..<(batch * n)).map { _ in rng.nextUnitFloat() - 0.5 }
        let w = (0..<(rows * n)).map { _ in rng.nextUnitFloat() - 0.5 }
        let initial = (0..<(batch * rows)).map { _ in rng.nextUnitFloat() }
        for isa in KernelISA.available {
            for accumulate in [false, true] {
                for threads in [KernelThreads.serial, KernelThreads(count: 3)] {
                    var y = initial
                    x.withUnsafeBufferPointer { xp in
                        w.withUnsafeBufferPointer { wp in
                            y.withUnsafeMutableBufferPointer { yp in
                                Matmul.run(x: xp.baseAddress!, batch: batch, n: n, segments: [
                                    .init(weights: .float32(wp.baseAddress!), rows: rows, output: yp.baseAddress!,
                                          outputStride: rows, accumulate: accumulate),
                                ], threads: threads, isa: isa)
                            }
                        }
                    }
                    for b in 0..<batch {
                        for o in 0..<rows {
                            var single = initial[b * rows + o]
                            x.withUnsafeBufferPointer { xp in
                                w.withUnsafeBufferPointer { wp in
                                    let segment = Matmul.Segment(weights: .float32(wp.baseAddress! + o * n), rows: 1,
                                                                 output: &single, outputStride: 1, accumulate: accumulate)
                                    Matmul.computeBlock(x: xp.baseAddress! + b * n, batch: 1, n: n, segment: segment,
                                                        rows: 0..<1, isa: isa)
                                }
                            }
                            XCTAssertEqual(y[b * rows + o].bitPattern, single.bitPattern, "\(isa) (\(b), \(o))")
                            var exact = accumulate ? Double(initial[b * rows + o]) : 0
                            var magnitude = 0.0
                            for k in 0..<n {
                                exact += Double(x[b * n + k]) * Double(w[o * n + k])
                                magnitude += abs(Double(x[b * n + k]) * Double(w[o * n + k]))
                            }
                            XCTAssertEqual(Double(y[b * rows + o]), exact, accuracy: 1e-5 * max(magnitude, 1), "\(isa)")
                        }
                    }
                }
            }
        }
    }

    /// Every available level on the fixture: logits at positions 0…3 within 1e-4 absolute of the float64
    /// reference (the README expects ~1e-5 from float32 arithmetic, FMA or not), the same 16 greedy
    /// tokens as the reference, and logits bit-identical on 1 and 2 threads.
    func testEveryLevelMatchesTheFloat64FixtureAndIsThreadIndependent() throws {
        let expected = try FixtureSupport.expected()
        let weights = try FixtureSupport.weights()
        let inputs = [Tokenizer.bos] + expected.greedy_tokens.prefix(3)
        for isa in KernelISA.available {
            var perThreads: [[UInt32]] = []
            for threads in [KernelThreads.serial, KernelThreads(count: 2)] {
                let t = try Transformer(weights: weights, contextCapacity: 8, threads: threads, isa: isa)
                XCTAssertEqual(t.isa, isa)
                var worst = 0.0
                var bits: [UInt32] = []
                for (position, token) in inputs.enumerated() {
                    try t.forward([TokenRow(slot: 0, position: position, token: token)])
                    let logits = t.logitsArray(0)
                    for (a, b) in zip(logits, expected.logits_positions_0_to_3[position]) {
                        worst = max(worst, abs(Double(a) - b))
                    }
                    bits += logits.map(\.bitPattern)
                }
                XCTAssertLessThan(worst, 1e-4, "\(isa): largest |logit − reference|")
                perThreads.append(bits)
            }
            XCTAssertEqual(perThreads[0], perThreads[1], "\(isa): 1 and 2 threads differ")
            let t = try Transformer(weights: weights, contextCapacity: 16, threads: .serial, isa: isa)
            let result = try Generator(transformer: t).generate(
                prompts: [[Tokenizer.bos]], steps: 16, samplers: [try Sampler(temperature: 0, topP: 0.9, seed: 1)],
                stopAtBOS: false)
            XCTAssertEqual(result.generatedTokens[0], Array(expected.greedy_tokens.prefix(16)), "\(isa)")
        }
    }
}
