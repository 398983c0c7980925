import Foundation

/// One series of a Prometheus API result: its labels and its (time, value) samples.
struct PrometheusSeries: Equatable {
    var labels: [String: String]
    var samples: [(time: Double, value: Double)]

    static func == (a: PrometheusSeries, b: PrometheusSeries) -> Bool {
        a.labels == b.labels && a.samples.map(\.time) == b.samples.map(\.time)
            && zip(a.samples, b.samples).allSatisfy { $0.value == $1.value || ($0.value.isNaN && $1.value.isNaN) }
    }

    /// What in `data.result` is not the documented shape.
    struct Malformed: Error { var detail: String }

    /// The series in PromQL selector form: `name{a="1",b="2"}` (labels sorted, `__name__` as the name), `{}` for none.
    var selector: String {
        let rest = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\"\($0.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }
        let name = labels["__name__"] ?? ""
        return rest.isEmpty && !name.isEmpty ? name : "\(name){\(rest.joined(separator: ","))}"
    }

    /// Decodes `data.result` of resultType `matrix` (`values`), `vector` (`value`) or `scalar` (`[t, "v"]`).
    static func decode(resultType: String, result: Any?) throws -> [PrometheusSeries] {
        switch resultType {
        case "matrix", "vector":
            guard let list = result as? [[String: Any]] else { throw Malformed(detail: "data.result of a \(resultType) is not a list of objects") }
            return try list.enumerated().map { i, entry in
                guard let metric = entry["metric"] as? [String: String] else {
                    throw Malformed(detail: "data.result[\(i)].metric is not an object of strings")
                }
                let raw: [Any]
                if resultType == "matrix" {
                    guard let values = entry["values"] as? [Any] else { throw Malformed(detail: "data.result[\(i)].values missing") }
                    raw = values
                } else {
                    guard let value = entry["value"] else { throw Malformed(detail: "data.result[\(i)].value missing") }
                    raw = [value]
                }
                return PrometheusSeries(labels: metric, samples: try raw.enumerated().map { try sample($1, at: "data.result[\(i)][\($0)]") })
            }
        case "scalar":
            return [PrometheusSeries(labels: [:], samples: [try sample(result as Any, at: "data.result")])]
        default:
            throw Malformed(detail: "unsupported resultType \(resultType) (matrix, vector or scalar)")
        }
    }

    /// `[1712345678.123, "42.5"]` → (time, value).
    static func sample(_ pair: Any, at path: String) throws -> (time: Double, value: Double) {
        guard let pair = pair as? [Any], pair.count == 2, let time = (pair[0] as? NSNumber)?.doubleValue ?? (pair[0] as? Double),
              let text = pair[1] as? String else {
            throw Malformed(detail: "\(path) is not [time, \"value\"]")
        }
        let value: Double
        switch text {
        case "NaN": value = .nan
        case "+Inf", "Inf": value = .infinity
        case "-Inf": value = -.infinity
        default:
            guard let v = Double(text) else { throw Malformed(detail: "\(path) value \"\(text.prefix(30))\" is not a number") }
            value = v
        }
        return (time, value)
    }
}
