import Foundation

/// A capacity plan's `plan.json` as `factory-twin plan` writes it (snake_case keys; `nan` written as a string): the
/// variables, conditions, objective, the recommended design, runners-up, the closest design when none is feasible,
/// and every design run (`evaluated`, absent from plans written before it was added).
public struct PlanInput: Sendable, Decodable {
    /// One condition checked on one design: the value checked, margin (≥ 0 when met) in the metric's unit, and
    /// margin relative to the bound.
    public struct Margin: Sendable, Decodable {
        public var condition: String
        public var value: Double
        public var margin: Double
        public var relativeMargin: Double
    }

    /// One design run.
    public struct Candidate: Sendable, Decodable {
        /// Value of each variable (unit counts) by field path.
        public var design: [String: Int]
        /// The objective's value, in the objective metric's unit.
        public var objective: Double
        public var feasible: Bool
        public var margins: [Margin]
    }

    public var variables: [String]
    public var conditions: [String]
    public var objective: String
    public var gridPoints: Int
    public var evaluations: Int
    public var recommended: Candidate?
    public var runnersUp: [Candidate]
    public var closest: Candidate?
    public var evaluated: [Candidate]?

    /// Reads and decodes the file at `url`.
    /// - Throws: `ReportInput.ReadError` when it cannot be read or is not a plan.
    public static func load(_ url: URL) throws -> PlanInput {
        guard let data = try? Data(contentsOf: url) else { throw ReportInput.ReadError(path: url.path, reason: "cannot read the file") }
        return try parse(data, path: url.path)
    }

    /// Decodes `data`.
    /// - Throws: `ReportInput.ReadError` naming what is missing.
    public static func parse(_ data: Data, path: String = "plan.json") throws -> PlanInput {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            let plan = try decoder.decode(PlanInput.self, from: data)
            guard !plan.variables.isEmpty else { throw ReportInput.ReadError(path: path, reason: "a plan names at least one variable") }
            return plan
        } catch let error as ReportInput.ReadError {
            throw error
        } catch let DecodingError.keyNotFound(key, _) {
            throw ReportInput.ReadError(path: path, reason: "not a capacity plan: missing key '\(key.stringValue)'")
        } catch {
            throw ReportInput.ReadError(path: path, reason: "not a capacity plan: \(error)")
        }
    }
}
