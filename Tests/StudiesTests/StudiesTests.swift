import XCTest
@testable import Studies

final class StudiesTargetTests: XCTestCase {
    /// The target links (placeholder until sweeps land).
    func testTargetLinks() { XCTAssertEqual(String(describing: Studies.self), "Studies") }
}
