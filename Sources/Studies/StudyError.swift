/// Problems of a study (replications, sweep, shards, merge): bad arguments or inconsistent result files.
public enum StudyError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A count (replications, threads, shards) out of range: its name and value.
    case invalidCount(String, Int)
    /// A `--shard` argument or shard environment variable that cannot be read.
    case invalidShard(String)
    /// A `--set path=v1,v2,…` sweep axis that cannot be read.
    case invalidAxis(String)
    /// A sweep with no axis (neither `--set` nor a `sweep:` block).
    case noAxes
    /// A result file that cannot be read or does not belong to the study: its path and why.
    case badResultFile(String, String)
    /// Points missing when merging: how many, and the first few indices.
    case incompleteSweep(missing: Int, first: [Int])

    public var description: String {
        switch self {
        case .invalidCount(let name, let value): return "\(name) must be at least 1, got \(value)"
        case .invalidShard(let text): return "invalid shard: \(text)"
        case .invalidAxis(let text): return "invalid sweep axis: \(text)"
        case .noAxes: return "nothing to sweep: give --set PATH=V1,V2,… or a `sweep:` block in the scenario"
        case .badResultFile(let path, let why): return "\(path): \(why)"
        case .incompleteSweep(let missing, let first):
            return "the sweep is incomplete: \(missing) point(s) have no result (first: \(first.map(String.init).joined(separator: ", "))); run the missing shards, then merge again"
        }
    }
}
