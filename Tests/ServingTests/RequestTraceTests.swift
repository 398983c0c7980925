import XCTest
@testable import Serving

/// Trace CSV parsing and its file:line errors.
final class RequestTraceTests: XCTestCase {
    /// A header, a comment and two rows give two requests with ids 0 and 1 and the written values.
    func testParsesRowsSkippingCommentsAndBlankLines() throws {
        let text = "# trace\narrival_seconds,prompt_tokens,output_tokens\n0.5,100,20\n\n1.25, 7 ,3\n"
        let r = try RequestTrace.parse(text, path: "t.csv")
        XCTAssertEqual(r, [Request(id: 0, arrivalSeconds: 0.5, promptTokens: 100, outputTokens: 20),
                           Request(id: 1, arrivalSeconds: 1.25, promptTokens: 7, outputTokens: 3)])
    }

    /// Each kind of bad line is reported at its own line number (1-based, comments counted).
    func testErrorsNameFileAndLine() {
        func message(_ text: String) -> String {
            do { _ = try RequestTrace.parse(text, path: "t.csv"); return "no error" } catch { return "\(error)" }
        }
        let header = "arrival_seconds,prompt_tokens,output_tokens\n"
        XCTAssertTrue(message("time,prompt\n").hasPrefix("t.csv:1: error: expected header"))
        XCTAssertTrue(message(header + "0,1,1\nx,1,1\n").hasPrefix("t.csv:3: error: arrival_seconds 'x'"))
        XCTAssertTrue(message("#c\n" + header + "2,1,1\n1,1,1\n").hasPrefix("t.csv:4: error: arrival_seconds 1.0 is before"))
        XCTAssertTrue(message(header + "0,0,1\n").hasPrefix("t.csv:2: error: prompt_tokens '0'"))
        XCTAssertTrue(message(header + "0,1,2.5\n").hasPrefix("t.csv:2: error: output_tokens '2.5'"))
        XCTAssertTrue(message(header + "0,1\n").hasPrefix("t.csv:2: error: expected 3 fields"))
        XCTAssertTrue(message("").hasPrefix("t.csv:1: error: empty trace"))
    }

    /// A missing file is a `cannotRead` error naming the path.
    func testMissingFileThrows() {
        XCTAssertThrowsError(try RequestTrace.load(path: "/nonexistent/trace.csv")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/trace.csv: error: cannot read: no such file")
        }
    }
}
