/// Which share of a sweep's points this process runs: shard `index` of `count` takes points i with
/// i mod count = index (round robin, so shards get similar mixes of cheap and costly points).
///
/// Read from `--shard K/N` (K counted from 0), or from the environment of a cluster scheduler:
/// Slurm job arrays (`SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`, out of `SLURM_ARRAY_TASK_COUNT`) and
/// Kubernetes Indexed Jobs (`JOB_COMPLETION_INDEX`, with the total from `--shards N` or `FACTORY_TWIN_SHARDS`).
public struct ShardSelection: Sendable, Equatable, CustomStringConvertible {
    /// This shard, 0..<count.
    public var index: Int
    /// Number of shards.
    public var count: Int

    /// The whole sweep in one process.
    public static let all = ShardSelection(uncheckedIndex: 0, count: 1)

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Shard `index` of `count`.
    /// - Throws: `StudyError.invalidShard` unless 0 ≤ index < count.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else {
            throw StudyError.invalidShard("shard \(index) of \(count): need 0 ≤ K < N (shards are counted from 0)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Parses `K/N`.
    /// - Throws: `StudyError.invalidShard`.
    public init(argument: String) throws {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw StudyError.invalidShard("--shard \(argument): expected K/N, e.g. --shard 0/3 (shards are counted from 0)")
        }
        try self.init(index: k, count: n)
    }

    /// The shard from, in order: `--shard K/N`; Slurm's array variables; `JOB_COMPLETION_INDEX` with the total from
    /// `shards` or `FACTORY_TWIN_SHARDS`; otherwise the whole sweep.
    /// - Throws: `StudyError.invalidShard` for unreadable values or a Kubernetes index without a total.
    public static func resolve(argument: String?, shards: Int?, environment: [String: String]) throws -> ShardSelection {
        if let argument { return try ShardSelection(argument: argument) }
        func integer(_ name: String) throws -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let v = Int(text) else { throw StudyError.invalidShard("\(name)=\(text) is not a whole number") }
            return v
        }
        if let task = try integer("SLURM_ARRAY_TASK_ID") {
            guard let count = try integer("SLURM_ARRAY_TASK_COUNT") ?? shards else {
                throw StudyError.invalidShard("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give --shards N")
            }
            return try ShardSelection(index: task - (try integer("SLURM_ARRAY_TASK_MIN") ?? 0), count: count)
        }
        if let index = try integer("JOB_COMPLETION_INDEX") {
            guard let count = try shards ?? integer("FACTORY_TWIN_SHARDS") else {
                throw StudyError.invalidShard("JOB_COMPLETION_INDEX is set but the number of shards is not; give --shards N or FACTORY_TWIN_SHARDS")
            }
            return try ShardSelection(index: index, count: count)
        }
        if let shards, shards != 1 {
            throw StudyError.invalidShard("--shards \(shards) without --shard K/N, SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX")
        }
        return .all
    }

    /// Whether point `i` belongs to this shard.
    public func owns(point i: Int) -> Bool { i % count == index }

    public var description: String { "\(index)/\(count)" }
}
