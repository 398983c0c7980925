import Foundation

/// The CI gate's results as JUnit XML (`testsuites` › `testsuite` per scenario › `testcase` per check, with a
/// `failure` element on each violation), the structure CI systems read.
public enum JUnitReport {
    public static func render(_ results: [CheckResult]) -> String {
        let tests = results.reduce(0) { $0 + $1.rows.count }
        let failures = results.reduce(0) { $0 + $1.failures }
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<testsuites name=\"factory-twin check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for r in results {
            x += "  <testsuite name=\"\(SVGText.escape(r.scenario))\" tests=\"\(r.rows.count)\" failures=\"\(r.failures)\" errors=\"0\" skipped=\"0\" time=\"\(String(format: "%.3f", r.wallSeconds))\">\n"
            for row in r.rows {
                x += "    <testcase classname=\"check.\(SVGText.escape(r.scenario))\" name=\"\(SVGText.escape(row.metric))\" time=\"0\""
                if row.passed {
                    x += "/>\n"
                } else {
                    let detail = "baseline \(row.baseline.map(CheckGate.format) ?? "—"), now \(row.now.map(CheckGate.format) ?? "—"), limit \(row.limit)"
                    x += ">\n      <failure type=\"\(row.metric == "baseline" ? "missing-baseline" : (row.baseline == nil ? "limit" : "regression"))\" message=\"\(SVGText.escape(row.message))\">\(SVGText.escape(detail))</failure>\n    </testcase>\n"
                }
            }
            x += "  </testsuite>\n"
        }
        return x + "</testsuites>\n"
    }
}
