import FacilitySim
import Foundation
import Reporting

/// A fingerprint of run results for comparing runs: FNV-1a (64 bits) over each result's `summary.json` bytes with
/// `wall_seconds` set to 0 (the one host-clock field) followed by its `timeseries.csv` bytes, in order.
/// Equal digests mean equal result files (up to a 64-bit collision).
public enum ResultDigest {
    /// The digest of `results` in order, as 16 hex digits.
    /// - Throws: an encoding error if a summary cannot be encoded.
    /// - Complexity: O(total bytes of the results).
    public static func of(_ results: [RunResult]) throws -> String {
        var bytes = Data()
        for result in results {
            var summary = result.summary
            summary.wallSeconds = 0
            bytes.append(try ResultWriter.summaryJSON(summary))
            bytes.append(Data(ResultWriter.timeSeriesCSV(result.timeSeries).utf8))
        }
        return SweepPlan.fnv1a64(bytes)
    }
}
