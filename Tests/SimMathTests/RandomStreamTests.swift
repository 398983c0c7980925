import XCTest
@testable import SimMath

/// Reproducibility and independence of ``RandomStream``.
final class RandomStreamTests: XCTestCase {
    private func draws(_ stream: RandomStream, _ n: Int) -> [Double] {
        (0..<n).map { _ in stream.uniform() }
    }

    /// The generator is the reference Mersenne Twister: seeded with init_by_array({0x123, 0x234, 0x345, 0x456})
    /// its first outputs are 1067595299, 955945823, 477289528, 4107218783, 4228976476 (Matsumoto &
    /// Nishimura, mt19937ar.out, 2002). Exact integer match.
    func testFullStateSeedingMatchesReferenceOutput() {
        let stream = RandomStream(name: "reference", key: 0, initKey: [0x123, 0x234, 0x345, 0x456])
        XCTAssertTrue(stream.usesFullStateSeeding)
        let expected: [UInt32] = [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476]
        XCTAssertEqual((0..<5).map { _ in stream.next32() }, expected)
    }

    /// FNV-1a-64 of "a" is 0xaf63dc4c8601ec8c and of "" the offset basis 0xcbf29ce484222325
    /// (Fowler/Noll/Vo reference test vectors). Exact match.
    func testFNV1aMatchesReferenceVectors() {
        XCTAssertEqual(StreamSeed.fnv1a64(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(StreamSeed.fnv1a64("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(StreamSeed.fnv1a64("foobar"), 0x85944171f73967e8)
    }

    /// Same (seed, replication, name) ⇒ the same key and bit-identical sequences (exact equality).
    func testSameTripleGivesIdenticalSequence() {
        let a = RandomStream(seed: 42, replication: 3, name: "gpu.failures")
        let b = RandomStream(seed: 42, replication: 3, name: "gpu.failures")
        XCTAssertEqual(a.key, b.key)
        XCTAssertEqual(draws(a, 10_000), draws(b, 10_000))
    }

    /// Changing any one of seed, replication or name changes the sequence: with 2⁻³² resolution the
    /// chance that 1,000 draws coincide by accident is nil, so exact inequality is expected.
    func testAnyComponentChangesTheSequence() {
        let base = draws(RandomStream(seed: 42, replication: 3, name: "arrivals"), 1000)
        XCTAssertNotEqual(base, draws(RandomStream(seed: 43, replication: 3, name: "arrivals"), 1000))
        XCTAssertNotEqual(base, draws(RandomStream(seed: 42, replication: 4, name: "arrivals"), 1000))
        XCTAssertNotEqual(base, draws(RandomStream(seed: 42, replication: 3, name: "arrivals2"), 1000))
        // Seed 0 and replication 0 are ordinary values, not a degenerate state.
        let zero = draws(RandomStream(seed: 0, replication: 0, name: ""), 1000)
        XCTAssertNotEqual(zero, draws(RandomStream(seed: 4357, replication: 0, name: ""), 1000))
        XCTAssertGreaterThan(Set(zero).count, 990)
    }

    /// Two streams with different names are independent: for n iid pairs the sample correlation r has
    /// standard error 1/√n, so |r| < 4/√n (n = 100,000 ⇒ 0.01265) holds unless they are correlated.
    func testDifferentNamesAreUncorrelated() {
        let n = 100_000
        let x = draws(RandomStream(seed: 7, replication: 0, name: "pump.1.failure"), n)
        let y = draws(RandomStream(seed: 7, replication: 0, name: "pump.2.failure"), n)
        let mx = Statistics.mean(x), my = Statistics.mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<n {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        let r = sxy / (sxx * syy).squareRoot()
        XCTAssertLessThan(abs(r), 4 / Double(n).squareRoot())
        XCTAssertNotEqual(x, y)
    }

    /// A stream's sequence depends only on its own (seed, replication, name): creating other streams
    /// before it, or interleaving draws from them, changes nothing (exact equality).
    func testCreationOrderDoesNotMatter() {
        let first = RandomStream(seed: 11, replication: 2, name: "weather")
        let other = RandomStream(seed: 11, replication: 2, name: "arrivals")
        let a = draws(first, 500)
        _ = draws(other, 500)

        let otherFirst = RandomStream(seed: 11, replication: 2, name: "arrivals")
        let extra = RandomStream(seed: 11, replication: 2, name: "repairs")
        _ = draws(extra, 77)
        let second = RandomStream(seed: 11, replication: 2, name: "weather")
        var b = [Double]()
        for _ in 0..<500 {
            b.append(second.uniform())
            _ = otherFirst.uniform()
        }
        XCTAssertEqual(a, b)
    }

    /// uniform() lies in [0, 1) and uniformPositive() in (0, 1); their means over n = 200,000 draws are
    /// 1/2 within 4 standard errors 4·√(1/12)/√n = 0.00258.
    func testUniformRanges() {
        let stream = RandomStream(seed: 1, replication: 0, name: "u")
        var tally = Tally(), positive = Tally()
        for _ in 0..<200_000 {
            tally.add(stream.uniform())
            positive.add(stream.uniformPositive())
        }
        XCTAssertGreaterThanOrEqual(tally.min, 0)
        XCTAssertLessThan(tally.max, 1)
        XCTAssertGreaterThan(positive.min, 0)
        XCTAssertLessThan(positive.max, 1)
        let bound = 4 * (1.0 / 12).squareRoot() / 200_000.0.squareRoot()
        XCTAssertEqual(tally.mean, 0.5, accuracy: bound)
        XCTAssertEqual(positive.mean, 0.5, accuracy: bound)
    }
}
