import XCTest
@testable import InferenceKernel

final class InferenceKernelModuleTests: XCTestCase {
    /// The module links; real tests live beside this file.
    func testModuleLinks() throws {}
}
