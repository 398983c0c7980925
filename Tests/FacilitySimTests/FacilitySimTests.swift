import XCTest
@testable import FacilitySim

final class FacilitySimModuleTests: XCTestCase {
    /// The module links; real tests live beside this file.
    func testModuleLinks() throws {}
}
