import Foundation
import XCTest
@testable import FacilitySim
@testable import Reporting

final class ResultWriterTests: XCTestCase {
    /// The CSV has the header line then one line per row; integral values print without a decimal point,
    /// others in Swift's shortest round-trip form (0.1 → "0.1"), so the file is reproducible.
    func testTimeSeriesCSV() {
        var series = TimeSeries(columns: ["time_s", "it_power_w"])
        series.append([0, 0.1])
        series.append([3600, 1.5e6])
        XCTAssertEqual(ResultWriter.timeSeriesCSV(series), "time_s,it_power_w\n0,0.1\n3600,1500000\n")
        XCTAssertEqual(series.column("it_power_w"), [0.1, 1.5e6])
        XCTAssertNil(series.column("missing"))
    }

    /// Writing atomically leaves exactly the target file and no temporary file behind.
    func testAtomicWriteLeavesNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("a.txt")
        try ResultWriter.writeAtomically(Data("one".utf8), to: url)
        try ResultWriter.writeAtomically(Data("two".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["a.txt"])
    }

    /// Writing into a path under a regular file fails with an error that names the path.
    func testWriteErrorNamesPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ft-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try ResultWriter.writeAtomically(Data(), to: file.appendingPathComponent("s.json"))) { error in
            XCTAssertTrue("\(error)".contains(file.path), "\(error)")
        }
    }
}
