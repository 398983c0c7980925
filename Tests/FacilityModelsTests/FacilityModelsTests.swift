import XCTest
@testable import FacilityModels

final class FacilityModelsModuleTests: XCTestCase {
    /// The module links; real tests live beside this file.
    func testModuleLinks() throws {}
}
