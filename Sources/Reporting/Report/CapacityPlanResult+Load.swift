import FacilitySim
import Foundation

/// Reading a capacity plan's `plan.json` back (as `factory-twin plan` writes it: snake_case keys, `nan` written as a
/// string; `evaluated` is absent from plans written before it was added).
extension CapacityPlanResult {
    /// Reads and decodes the file at `url`.
    /// - Throws: `ReportInput.ReadError` when it cannot be read or is not a plan.
    public static func load(_ url: URL) throws -> CapacityPlanResult {
        guard let data = try? Data(contentsOf: url) else { throw ReportInput.ReadError(path: url.path, reason: "cannot read the file") }
        return try parse(data, path: url.path)
    }

    /// Decodes `data`.
    /// - Throws: `ReportInput.ReadError` naming what is missing.
    public static func parse(_ data: Data, path: String = "plan.json") throws -> CapacityPlanResult {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            let plan = try decoder.decode(CapacityPlanResult.self, from: data)
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
