import Foundation
import InferenceKernel

/// The NumPy/OpenBLAS decode reference of `bench kernel --numpy-reference`: the same Llama-2 decode step
/// (RMSNorm, Q/K/V, RoPE, attention over the KV cache, SwiGLU FFN, classifier, greedy argmax) written
/// with NumPy array operations, so every matrix product is an OpenBLAS `sgemm` call, timed on this
/// machine in the same run as the kernel.
///
/// Protocol, as `DecodeBenchmark`: `batch` sequences from BOS, 2 untimed warm-up steps, `steps` timed
/// steps, best of `repetitions`; Float32 weights ≈ normal(0, 0.02) of the preset's shapes (values do not
/// change the speed). OpenBLAS uses as many threads as the kernel (`OPENBLAS_NUM_THREADS`); the clock is
/// the kernel's (`time.perf_counter`, or `time.process_time` for `--clock cpu`). It is a
/// speed reference, not a correctness one (the fixture tests check the kernel's logits).
enum NumPyReference {
    /// The script's reply on stdout.
    private struct Reply: Decodable {
        var tokens_per_second: Double
        var numpy: String
    }

    /// Runs the reference with `python3` from `PATH`.
    /// - Throws: `KernelError.invalidArgument` when python3 or NumPy is missing or the
    ///   script fails (its stderr is quoted).
    static func measure(model: String, dimensions d: ModelDimensions, batch: Int, steps: Int, repetitions: Int,
                        seed: UInt64, threads: Int, clock: BenchClock = .wall) throws -> KernelBenchReport.ReferenceEntry {
        let arguments: [String: Any] = [
            "dim": d.dim, "hidden": d.hiddenDim, "layers": d.layerCount, "heads": d.headCount,
            "kv_heads": d.kvHeadCount, "vocab": d.vocabSize, "batch": batch, "steps": steps, "warmup": 2,
            "repetitions": repetitions, "seed": Int(seed % (1 << 62)), "clock": clock.rawValue,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: arguments, options: [.sortedKeys]),
                          as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, json]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = String(threads)
        environment["OMP_NUM_THREADS"] = String(threads)
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw KernelError.invalidArgument("--numpy-reference: cannot start python3: \(error.localizedDescription)")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let reply = try? JSONDecoder().decode(Reply.self, from: output) else {
            throw KernelError.invalidArgument(
                "--numpy-reference: python3 reference failed (exit \(process.terminationStatus); needs NumPy: "
                + "python3 -m pip install numpy): \(errors.suffix(600))")
        }
        return .init(model: model, batch: batch, implementation: "numpy \(reply.numpy)",
                     tokensPerSecond: reply.tokens_per_second)
    }

    /// The reference decode, Python 3 + NumPy; its argument is a JSON object of shapes and protocol.
    static let script = #"""
import json, sys, time
import numpy as np
def main():
    a = json.loads(sys.argv[1])
    dim, hidden, layers, heads, kv_heads, vocab = a["dim"], a["hidden"], a["layers"], a["heads"], a["kv_heads"], a["vocab"]
    batch, steps, warmup, reps = a["batch"], a["steps"], a["warmup"], a["repetitions"]
    now = time.process_time if a["clock"] == "cpu" else time.perf_counter
    hs = dim // heads; kv_dim = kv_heads * hs; group = heads // kv_heads
    ctx = warmup + steps + 1
    rng = np.random.default_rng(a["seed"])
    def mat(r, c): return (rng.standard_normal((r, c), dtype=np.float32) * np.float32(0.02))
    emb = mat(vocab, dim)
    L = [dict(wq=mat(dim, dim), wk=mat(kv_dim, dim), wv=mat(kv_dim, dim), wo=mat(dim, dim),
              w1=mat(hidden, dim), w2=mat(dim, hidden), w3=mat(hidden, dim)) for _ in range(layers)]
    freq = 1.0 / np.power(10000.0, np.arange(0, hs, 2, dtype=np.float32) / hs)
    def rms(x): return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + np.float32(1e-5))
    def rope(v, pos, nh):
        v = v.reshape(batch, nh, hs // 2, 2)
        c, s = np.cos(pos * freq).astype(np.float32), np.sin(pos * freq).astype(np.float32)
        x0, x1 = v[..., 0], v[..., 1]
        return np.stack([x0 * c - x1 * s, x0 * s + x1 * c], axis=-1).reshape(batch, nh * hs)
    best = float("inf")
    for _ in range(reps):
        kc = np.zeros((layers, batch, ctx, kv_heads, hs), np.float32); vc = np.zeros_like(kc)
        tokens = np.ones(batch, dtype=np.int64)
        def step(pos):
            x = emb[tokens].copy()
            for l, w in enumerate(L):
                xb = rms(x)
                q = rope(xb @ w["wq"].T, pos, heads); k = rope(xb @ w["wk"].T, pos, kv_heads); v = xb @ w["wv"].T
                kc[l, :, pos] = k.reshape(batch, kv_heads, hs); vc[l, :, pos] = v.reshape(batch, kv_heads, hs)
                qh = q.reshape(batch, kv_heads, group, hs)
                keys = kc[l, :, :pos + 1]; vals = vc[l, :, :pos + 1]
                att = np.einsum("bkgh,btkh->bkgt", qh, keys) / np.float32(np.sqrt(hs))
                att = np.exp(att - att.max(axis=-1, keepdims=True)); att /= att.sum(axis=-1, keepdims=True)
                o = np.einsum("bkgt,btkh->bkgh", att, vals).reshape(batch, dim)
                x = x + o @ w["wo"].T
                xb = rms(x)
                h1 = xb @ w["w1"].T; h3 = xb @ w["w3"].T
                x = x + ((h1 / (1 + np.exp(-h1))) * h3) @ w["w2"].T
            logits = rms(x) @ emb.T
            return logits.argmax(axis=-1)
        for p in range(warmup): tokens = step(p)
        t0 = now()
        for p in range(warmup, warmup + steps): tokens = step(p)
        best = min(best, now() - t0)
    print(json.dumps({"tokens_per_second": batch * steps / best, "seconds": best, "numpy": np.__version__}))
main()
"""#
}
