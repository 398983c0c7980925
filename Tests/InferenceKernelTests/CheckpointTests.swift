import XCTest
@testable import InferenceKernel

/// Loading llama2.c checkpoints: separate classifiers and every malformed input the issue lists.
final class CheckpointTests: XCTestCase {
    /// The fixture bytes with the header's seven fields replaced.
    private func writeCheckpoint(header: [Int32], body: Data, name: String) throws -> String {
        let dir = try FixtureSupport.temporaryDirectory(self)
        var data = Data()
        for field in header { withUnsafeBytes(of: field.littleEndian) { data.append(contentsOf: $0) } }
        data.append(body)
        let path = dir.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private func fixtureBody() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: try FixtureSupport.checkpointPath())).dropFirst(28)
    }

    private let tinyHeader: [Int32] = [64, 172, 5, 8, 4, 512, 512]

    /// File size check by hand: 28 + 4 × (512·64 + 5·45440 + 64 + 512·8) = 28 + 4 × 264128 = 1056540
    /// bytes, where a layer holds 2·64 + 2·64² + 2·32·64 + 3·172·64 = 45440 floats and the two RoPE
    /// tables 512 × 4 floats each.
    func testExpectedFileSizeMatchesHandCount() throws {
        let d = try FixtureSupport.weights().dimensions
        XCTAssertEqual(TransformerWeights.checkpointByteCount(d, sharedClassifier: true), 1_056_540)
        let attributes = try FileManager.default.attributesOfItem(atPath: try FixtureSupport.checkpointPath())
        XCTAssertEqual(attributes[.size] as? Int, 1_056_540)
    }

    /// Negative vocab_size: a separate classifier follows the RoPE tables. With wcls = 2 × embedding,
    /// every logit is exactly twice the shared model's (scaling by 2 is exact in binary floating point).
    func testSeparateClassifierIsUsed() throws {
        let body = try fixtureBody()
        let embedding = body.prefix(512 * 64 * 4)
        var doubled = Data(count: embedding.count)
        embedding.withUnsafeBytes { src in
            doubled.withUnsafeMutableBytes { dst in
                for i in 0..<(512 * 64) {
                    dst.storeBytes(of: 2 * src.loadUnaligned(fromByteOffset: 4 * i, as: Float.self),
                                   toByteOffset: 4 * i, as: Float.self)
                }
            }
        }
        var header = tinyHeader
        header[5] = -512
        let path = try writeCheckpoint(header: header, body: body + doubled, name: "separate.bin")
        let separate = try TransformerWeights(checkpointPath: path)
        XCTAssertFalse(separate.sharedClassifier)
        let a = try Transformer(weights: separate, contextCapacity: 4)
        let b = try Transformer(weights: try FixtureSupport.weights(), contextCapacity: 4)
        try a.forward([TokenRow(slot: 0, position: 0, token: 1)])
        try b.forward([TokenRow(slot: 0, position: 0, token: 1)])
        XCTAssertEqual(a.logitsArray(0), b.logitsArray(0).map { 2 * $0 })
    }

    /// A file 4 bytes short of its header's size is rejected, naming the file and both sizes.
    func testSizeNotMatchingHeaderThrows() throws {
        let path = try writeCheckpoint(header: tinyHeader, body: try fixtureBody().dropLast(4), name: "short.bin")
        XCTAssertThrowsError(try TransformerWeights(checkpointPath: path)) { error in
            XCTAssertEqual(error as? KernelError, .checkpointSizeMismatch(path: path, expectedBytes: 1_056_540,
                actualBytes: 1_056_536, header: "dim=64 hidden_dim=172 n_layers=5 n_heads=8 n_kv_heads=4 vocab_size=512 seq_len=512"))
            XCTAssertTrue("\(error)".contains(path))
        }
    }

    /// Zero and negative dimensions, heads not dividing dim, kv heads not dividing heads: each throws
    /// `invalidDimensions` naming the file.
    func testImpossibleDimensionsThrow() throws {
        let body = try fixtureBody()
        let cases: [(Int, Int32, String)] = [(0, 0, "dim is 0"), (2, -5, "n_layers is -5"), (3, 6, "does not divide dim"),
                                             (4, 3, "does not divide n_heads"), (5, 0, "vocab_size is 0"),
                                             (6, 0, "seq_len is 0"), (1, -1, "hidden_dim is -1")]
        for (field, value, message) in cases {
            var header = tinyHeader
            header[field] = value
            let path = try writeCheckpoint(header: header, body: body, name: "bad\(field).bin")
            XCTAssertThrowsError(try TransformerWeights(checkpointPath: path)) { error in
                guard case KernelError.invalidDimensions(let source, let reason) = error else {
                    return XCTFail("field \(field): \(error)")
                }
                XCTAssertEqual(source, path)
                XCTAssertTrue(reason.contains(message), "\(reason) should say \(message)")
            }
        }
    }

    /// A missing file, a directory, an empty file and a file shorter than the header all throw.
    func testUnreadableFilesThrow() throws {
        let dir = try FixtureSupport.temporaryDirectory(self)
        let missing = dir.appendingPathComponent("nope.bin").path
        XCTAssertThrowsError(try TransformerWeights(checkpointPath: missing)) {
            XCTAssertEqual($0 as? KernelError, .fileNotFound(path: missing))
        }
        XCTAssertThrowsError(try TransformerWeights(checkpointPath: dir.path))
        let empty = dir.appendingPathComponent("empty.bin")
        try Data().write(to: empty)
        XCTAssertThrowsError(try TransformerWeights(checkpointPath: empty.path))
        let stub = dir.appendingPathComponent("stub.bin")
        try Data([1, 2, 3, 4, 5]).write(to: stub)
        XCTAssertThrowsError(try TransformerWeights(checkpointPath: stub.path))
    }

    /// Requests the model cannot serve: batch < 1, a context beyond seq_len, a prompt longer than the
    /// context, tokens outside the vocabulary, positions that skip the cache.
    func testInvalidRequestsThrow() throws {
        let w = try FixtureSupport.weights()
        XCTAssertThrowsError(try Transformer(weights: w, sequenceSlots: 0))
        XCTAssertThrowsError(try Transformer(weights: w, contextCapacity: 513))
        let t = try Transformer(weights: w, contextCapacity: 8)
        let prompt = Array(repeating: 5, count: 9)
        XCTAssertThrowsError(try Generator(transformer: t).generate(
            prompts: [prompt], steps: 1, samplers: [try Sampler(temperature: 0, topP: 1, seed: 0)], stopAtBOS: false)) {
            XCTAssertEqual($0 as? KernelError, .promptTooLong(tokens: 9, limit: 8))
        }
        XCTAssertThrowsError(try t.forward([TokenRow(slot: 0, position: 0, token: 512)]))
        XCTAssertThrowsError(try t.forward([TokenRow(slot: 0, position: 3, token: 1)]))
        XCTAssertThrowsError(try t.forward([TokenRow(slot: 1, position: 0, token: 1)]))
        XCTAssertThrowsError(try t.forward([]))
        XCTAssertThrowsError(try Sampler(temperature: -1, topP: 0.9, seed: 0))
        XCTAssertThrowsError(try DecodeBenchmark.measureDecode(weights: w, batch: 0, steps: 1))
    }
}
