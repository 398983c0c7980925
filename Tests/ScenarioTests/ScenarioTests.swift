import XCTest
@testable import Scenario

final class ScenarioModuleTests: XCTestCase {
    /// The module links; real tests live beside this file.
    func testModuleLinks() throws {}
}
