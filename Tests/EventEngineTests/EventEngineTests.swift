import XCTest
@testable import EventEngine

final class EventEngineModuleTests: XCTestCase {
    /// The module links; real tests live beside this file.
    func testModuleLinks() throws {}
}
