import XCTest
@testable import SimMath

final class SimMathModuleTests: XCTestCase {
    /// The module links; real tests live beside this file.
    func testModuleLinks() throws {}
}
