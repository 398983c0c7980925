import Telemetry
import XCTest

/// OpenMetrics / DCGM-exporter snapshots into a table.
final class OpenMetricsSnapshotReaderTests: XCTestCase {
    /// Two DCGM scrapes stamped by `# TIMESTAMP` lines: labels are sorted into the series name, each scrape is a row,
    /// a series absent from a scrape is NaN there, and a sample's own timestamp wins.
    func testSnapshotsBecomeRows() throws {
        let text = """
        # TIMESTAMP 2026-03-24T00:00:00Z
        # HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).
        # TYPE DCGM_FI_DEV_GPU_TEMP gauge
        DCGM_FI_DEV_GPU_TEMP{gpu="0",Hostname="n1"} 45
        DCGM_FI_DEV_POWER_USAGE{gpu="0",Hostname="n1"} 612.5
        # TIMESTAMP 1774310460
        DCGM_FI_DEV_GPU_TEMP{gpu="0",Hostname="n1"} 46
        facility_power_watts 1.2e6 1774310520
        # EOF
        """
        let t = try OpenMetricsSnapshotReader.parse(text, source: "s.prom")
        XCTAssertEqual(t.columns, ["DCGM_FI_DEV_GPU_TEMP{Hostname=\"n1\",gpu=\"0\"}", "DCGM_FI_DEV_POWER_USAGE{Hostname=\"n1\",gpu=\"0\"}",
                                   "facility_power_watts"])
        XCTAssertEqual(t.timestamps, [1_774_310_400, 1_774_310_460, 1_774_310_520])
        XCTAssertEqual(t.values[1][0], 46)
        XCTAssertTrue(t.values[1][1].isNaN)
        XCTAssertEqual(t.values[2][2], 1.2e6)
    }

    /// A sample with no instant, a NaN value and broken labels are refused at their line.
    func testBadSnapshots() {
        func error(_ s: String) -> TelemetryError? {
            do { _ = try OpenMetricsSnapshotReader.parse(s, source: "s.prom"); return nil } catch { return error as? TelemetryError }
        }
        XCTAssertEqual(error("a 1\n")?.message, "the sample has no timestamp and no `# TIMESTAMP` line precedes it")
        XCTAssertEqual(error("# TIMESTAMP 0\na 1\nb NaN\n")?.line, 3)
        XCTAssertEqual(error("# TIMESTAMP 0\na{x=1} 1\n")?.field, "a")
        XCTAssertEqual(error("# only comments\n")?.message, "the file holds no samples")
    }
}
