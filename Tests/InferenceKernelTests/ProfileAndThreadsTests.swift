import XCTest
@testable import InferenceKernel

/// Kernel profile files and the worker threads.
final class ProfileAndThreadsTests: XCTestCase {
    private func sampleProfile() -> KernelProfile {
        KernelProfile(
            schemaVersion: 1, provenance: "measured", created: "2026-01-01T00:00:00Z", tool: "test", host: .current(),
            build: .current, weights: "synthetic",
            model: .init(name: "110M", dimensions: SyntheticPreset.stories110M.dimensions, parameters: 109_529_856,
                         precision: "float32", bytesPerWeight: 4, bytesPerActivation: 4),
            threads: 2, decodeSteps: 32, repetitions: 3,
            memoryBandwidth: .init(triadGBytesPerSecond: 40, readGBytesPerSecond: 45, rooflineGBytesPerSecond: 45,
                                   arrayBytes: 1 << 27),
            gemmPeak: .init(gflops: 300, shape: [64, 768, 768]),
            prefill: .init(promptTokens: 128, chunk: 64, tokensPerSecond: 900, gflops: 200, gbytesPerSecond: 3),
            decode: [.init(batch: 1, tokensPerSecond: 100, gflops: 22, gbytesPerSecond: 44, flopsPerToken: 2.2e8,
                           bytesPerToken: 4.4e8, rooflineTokensPerSecond: 110, rooflineFraction: 0.91, bound: "memory",
                           positions: [2, 33])])
    }

    /// A profile written atomically reads back equal, with `schema_version` 1 and `provenance` measured
    /// in the JSON, and no temporary file left behind.
    func testProfileRoundTrip() throws {
        let dir = try FixtureSupport.temporaryDirectory(self)
        let path = dir.appendingPathComponent("sub/profile.json").path
        let profile = sampleProfile()
        try profile.write(toPath: path)
        XCTAssertEqual(try KernelProfile.load(path: path), profile)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"schema_version\" : 1"))
        XCTAssertTrue(text.contains("\"provenance\" : \"measured\""))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path),
                       ["profile.json"])
    }

    /// Another schema version, a non-profile file and a missing file are rejected.
    func testProfileRejectsOtherVersionsAndGarbage() throws {
        let dir = try FixtureSupport.temporaryDirectory(self)
        let v2 = dir.appendingPathComponent("v2.json")
        try Data(#"{"schema_version": 2}"#.utf8).write(to: v2)
        XCTAssertThrowsError(try KernelProfile.load(path: v2.path))
        let junk = dir.appendingPathComponent("junk.json")
        try Data("not json".utf8).write(to: junk)
        XCTAssertThrowsError(try KernelProfile.load(path: junk.path))
        XCTAssertThrowsError(try KernelProfile.load(path: dir.appendingPathComponent("none.json").path))
    }

    /// Every task of a job runs exactly once, for many consecutive jobs of different sizes (the
    /// fan-out pattern of a forward pass), with 1, 2 and 4 threads.
    func testEveryTaskRunsExactlyOnce() {
        for count in [1, 2, 4] {
            let threads = KernelThreads(count: count)
            for taskCount in [0, 1, 2, 7, 64, 1000] {
                let hits = UnsafeMutablePointer<Int>.allocate(capacity: max(taskCount, 1))
                hits.initialize(repeating: 0, count: max(taskCount, 1))
                for _ in 0..<20 { threads.run(taskCount) { hits[$0] += 1 } }
                XCTAssertTrue((0..<taskCount).allSatisfy { hits[$0] == 20 }, "\(count) threads, \(taskCount) tasks")
                hits.deallocate()
            }
        }
    }

    /// The generator clamps steps to the context (capacity 8, prompt 1 ⇒ at most 8 tokens) and, with
    /// stopAtBOS, ends a sequence at its first BOS: the fixture's greedy stream has BOS as its 47th token.
    func testGeneratorClampsAndStopsAtBOS() throws {
        let w = try FixtureSupport.weights()
        let greedy = try Sampler(temperature: 0, topP: 1, seed: 0)
        let small = Generator(transformer: try Transformer(weights: w, contextCapacity: 8))
        let clamped = try small.generate(prompts: [[1]], steps: 100, samplers: [greedy], stopAtBOS: false)
        XCTAssertEqual(clamped.steps, 8)
        XCTAssertEqual(clamped.generatedTokens[0], Array(try FixtureSupport.expected().greedy_tokens.prefix(8)))
        let full = Generator(transformer: try Transformer(weights: w, contextCapacity: 64))
        let stopped = try full.generate(prompts: [[1]], steps: 64, samplers: [greedy], stopAtBOS: true)
        XCTAssertEqual(stopped.generatedTokens[0].count, 46)
    }
}
