/// Routes each arriving request to one server of a pool.
public struct LoadBalancer: Sendable, Equatable {
    /// How a server is chosen.
    public enum Policy: String, Sendable, Codable, CaseIterable {
        /// Servers in turn, whatever their load.
        case roundRobin = "round_robin"
        /// The server with the fewest outstanding tokens (prompt tokens not yet prefilled plus output
        /// tokens not yet generated); ties go to the lowest index.
        case leastOutstandingTokens = "least_outstanding_tokens"
    }

    /// The policy.
    public var policy: Policy
    private var next = 0

    /// Creates a balancer.
    public init(policy: Policy) { self.policy = policy }

    /// The index of the server for the next request.
    /// - Parameter outstandingTokens: each server's outstanding tokens (`ContinuousBatchScheduler.outstandingTokens`).
    /// - Throws: `ServingError.noServers` for an empty pool.
    /// - Complexity: O(servers).
    public mutating func route(outstandingTokens: [Int]) throws -> Int {
        guard !outstandingTokens.isEmpty else { throw ServingError.noServers }
        switch policy {
        case .roundRobin:
            let chosen = next % outstandingTokens.count
            next = chosen + 1
            return chosen
        case .leastOutstandingTokens:
            var best = 0
            for i in outstandingTokens.indices where outstandingTokens[i] < outstandingTokens[best] { best = i }
            return best
        }
    }
}
