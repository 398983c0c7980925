import Foundation
import XCTest
@testable import InferenceKernel

/// Paths and expected answers of the reference vectors in `Fixtures/` (see Fixtures/README.md).
enum FixtureSupport {
    /// The decoded `tiny-gqa.expected.json`.
    struct Expected: Decodable {
        struct Config: Decodable {
            let dim: Int, hidden_dim: Int, n_layers: Int, n_heads: Int, n_kv_heads: Int
            let vocab_size: Int, seq_len: Int, shared_classifier: Bool
        }
        let config: Config
        let greedy_tokens: [Int]
        let logits_positions_0_to_3: [[Double]]
        let min_top1_top2_margin: Double
    }

    /// Absolute path of a fixture file.
    static func path(_ name: String, _ ext: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
                                "fixture \(name).\(ext) missing from the test bundle")
        return url.path
    }

    static func checkpointPath() throws -> String { try path("tiny-gqa", "bin") }
    static func tokenizerPath() throws -> String { try path("tokenizer-512", "bin") }

    static func expected() throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: try path("tiny-gqa.expected", "json")))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    static func weights() throws -> TransformerWeights {
        try TransformerWeights(checkpointPath: try checkpointPath())
    }

    /// A scratch directory for files a test writes (removed by the caller's `addTeardownBlock`).
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ik-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
