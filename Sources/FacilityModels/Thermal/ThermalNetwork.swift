import Foundation

/// A linear network of lumped thermal nodes (an RC network), solved exactly between events.
///
/// Node i has heat capacity Cᵢ and power Pᵢ; nodes exchange heat through conductances G_ij and lose
/// heat through conductances to boundaries (coolant, fluid, air) at given temperatures T_b:
///
///     C·dT/dt = −K·T + g,   K = Laplacian of the links + diag(boundary conductances),
///                            g = P + Σ G_ib·T_b,
///
/// i.e. dT/dt = A·T + b with A = −C⁻¹K and b = C⁻¹g. Because K is symmetric and C diagonal positive,
/// A is similar to the symmetric matrix M = −C^(−½)·K·C^(−½), whose eigendecomposition M = QΛQᵀ is
/// computed once per configuration (Jacobi, `SmallMatrix.symmetricEigen`); the eigenvalues are real and
/// ≤ 0. For inputs held constant over an interval, every node's temperature is then a constant plus a
/// sum of exponentials in closed form for any t (`ThermalNetworkTrajectory`), including the exact heat
/// passed to each boundary, and the times a node crosses a limit are isolated without sampling.
///
/// A node group without any path to a boundary has a zero eigenvalue; the trajectory stays exact (its
/// temperature then rises linearly), only `steadyState` has no answer and throws.
///
/// Typical use, per GPU cohort: junction (die) → package/cold plate or heat sink → local coolant, with
/// the local coolant's boundary being the supply temperature.
public struct ThermalNetwork: Sendable {
    /// A conductance between two nodes.
    public struct Link: Sendable, Equatable, Codable {
        public var first: Int
        public var second: Int
        /// Conductance, W/K (1/R).
        public var conductanceWattsPerKelvin: Double

        public init(_ first: Int, _ second: Int, conductanceWattsPerKelvin: Double) {
            self.first = first
            self.second = second
            self.conductanceWattsPerKelvin = conductanceWattsPerKelvin
        }
    }

    /// A conductance from a node to a boundary held at a given temperature.
    public struct BoundaryLink: Sendable, Equatable, Codable {
        public var node: Int
        /// Index into `Inputs.boundaryCelsius`.
        public var boundary: Int
        /// Conductance, W/K.
        public var conductanceWattsPerKelvin: Double

        public init(node: Int, boundary: Int, conductanceWattsPerKelvin: Double) {
            self.node = node
            self.boundary = boundary
            self.conductanceWattsPerKelvin = conductanceWattsPerKelvin
        }
    }

    /// Inputs held constant between events.
    public struct Inputs: Sendable, Equatable {
        /// Heat into each node, W.
        public var powerWatts: [Double]
        /// Temperature of each boundary, °C.
        public var boundaryCelsius: [Double]

        public init(powerWatts: [Double], boundaryCelsius: [Double]) {
            self.powerWatts = powerWatts
            self.boundaryCelsius = boundaryCelsius
        }
    }

    /// Node names (for messages and reports).
    public let nodeNames: [String]
    /// Heat capacity of each node, J/K.
    public let capacitancesJoulesPerKelvin: [Double]
    public let links: [Link]
    public let boundaryLinks: [BoundaryLink]
    /// Number of boundaries the inputs must give temperatures for.
    public let boundaryCount: Int
    /// The conductance matrix K, W/K.
    public let conductanceMatrix: SmallMatrix
    /// Eigenvalues of A (and M), 1/s, ascending, all ≤ 0.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors Q of M (columns).
    let modes: SmallMatrix
    /// √Cᵢ.
    let rootCapacitance: [Double]

    /// Builds the network and its eigendecomposition.
    /// - Throws: `FacilityModelError` for a non-positive capacitance, a negative or non-finite
    ///   conductance, a link to a node or boundary that does not exist, or a self-link.
    /// - Complexity: O(n³) once.
    public init(nodeNames: [String], capacitancesJoulesPerKelvin: [Double], links: [Link], boundaryLinks: [BoundaryLink],
                boundaryCount: Int) throws {
        let n = capacitancesJoulesPerKelvin.count
        guard n > 0, nodeNames.count == n else {
            throw FacilityModelError.invalidConfiguration(model: "ThermalNetwork",
                                                          message: "needs ≥ 1 node and one name per node (\(nodeNames.count) names, \(n) capacitances)")
        }
        for (i, c) in capacitancesJoulesPerKelvin.enumerated() {
            try FacilityModelError.requirePositive(c, "ThermalNetwork", "capacitance of \(nodeNames[i])")
        }
        var k = SmallMatrix(zeros: n)
        for link in links {
            guard (0..<n).contains(link.first), (0..<n).contains(link.second), link.first != link.second else {
                throw FacilityModelError.invalidConfiguration(model: "ThermalNetwork", message: "link \(link.first)–\(link.second) is not between two distinct nodes of 0..<\(n)")
            }
            try FacilityModelError.requireNonNegative(link.conductanceWattsPerKelvin, "ThermalNetwork", "conductance \(nodeNames[link.first])–\(nodeNames[link.second])")
            let g = link.conductanceWattsPerKelvin
            k[link.first, link.first] += g
            k[link.second, link.second] += g
            k[link.first, link.second] -= g
            k[link.second, link.first] -= g
        }
        for link in boundaryLinks {
            guard (0..<n).contains(link.node), (0..<boundaryCount).contains(link.boundary) else {
                throw FacilityModelError.invalidConfiguration(model: "ThermalNetwork", message: "boundary link node \(link.node) → boundary \(link.boundary) is out of range")
            }
            try FacilityModelError.requireNonNegative(link.conductanceWattsPerKelvin, "ThermalNetwork", "boundary conductance of \(nodeNames[link.node])")
            k[link.node, link.node] += link.conductanceWattsPerKelvin
        }
        let root = capacitancesJoulesPerKelvin.map { $0.squareRoot() }
        var m = SmallMatrix(zeros: n)
        for i in 0..<n { for j in 0..<n { m[i, j] = -k[i, j] / (root[i] * root[j]) } }
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { let s = 0.5 * (m[i, j] + m[j, i]); m[i, j] = s; m[j, i] = s } }
        let eigen = try m.symmetricEigen()
        self.nodeNames = nodeNames
        self.capacitancesJoulesPerKelvin = capacitancesJoulesPerKelvin
        self.links = links
        self.boundaryLinks = boundaryLinks
        self.boundaryCount = boundaryCount
        self.conductanceMatrix = k
        // M is negative semidefinite: round-off positives are zeros.
        self.eigenvalues = eigen.values.map { min($0, 0) }
        self.modes = eigen.vectors
        self.rootCapacitance = root
    }

    /// Number of nodes.
    public var nodeCount: Int { capacitancesJoulesPerKelvin.count }

    /// The system matrix A = −C⁻¹K, 1/s.
    public var systemMatrix: SmallMatrix {
        var a = SmallMatrix(zeros: nodeCount)
        for i in 0..<nodeCount { for j in 0..<nodeCount { a[i, j] = -conductanceMatrix[i, j] / capacitancesJoulesPerKelvin[i] } }
        return a
    }

    /// The heat input g = P + Σ G_ib·T_b, W (b = C⁻¹g).
    public func heatInputWatts(_ inputs: Inputs) -> [Double] {
        precondition(inputs.powerWatts.count == nodeCount && inputs.boundaryCelsius.count == boundaryCount,
                     "ThermalNetwork inputs: \(nodeCount) powers and \(boundaryCount) boundary temperatures expected")
        var g = inputs.powerWatts
        for link in boundaryLinks { g[link.node] += link.conductanceWattsPerKelvin * inputs.boundaryCelsius[link.boundary] }
        return g
    }

    /// The forcing vector b = C⁻¹g, K/s.
    public func forcing(_ inputs: Inputs) -> [Double] {
        zip(heatInputWatts(inputs), capacitancesJoulesPerKelvin).map { $0 / $1 }
    }

    /// Steady state T∞ = −A⁻¹b = K⁻¹g, °C.
    /// - Throws: `FacilityModelError.invalidConfiguration` when some node has no path to a boundary
    ///   (K singular: its temperature grows without bound under heat input).
    public func steadyState(_ inputs: Inputs) throws -> [Double] {
        do {
            return try conductanceMatrix.solve(heatInputWatts(inputs))
        } catch {
            throw FacilityModelError.invalidConfiguration(model: "ThermalNetwork",
                                                          message: "no steady state: some node has no conducting path to a boundary")
        }
    }

    /// The exact trajectory from `state` (°C per node) under constant `inputs`.
    /// - Complexity: O(n²).
    public func trajectory(from state: [Double], inputs: Inputs) -> ThermalNetworkTrajectory {
        precondition(state.count == nodeCount, "ThermalNetwork state: \(nodeCount) temperatures expected")
        let n = nodeCount
        let g = heatInputWatts(inputs)
        var z0 = [Double](repeating: 0, count: n), eta = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var a = 0.0, b = 0.0
            for i in 0..<n {
                a += modes[i, k] * rootCapacitance[i] * state[i]
                b += modes[i, k] * g[i] / rootCapacitance[i]
            }
            z0[k] = a
            eta[k] = b
        }
        var weights = SmallMatrix(zeros: n)
        for i in 0..<n { for k in 0..<n { weights[i, k] = modes[i, k] / rootCapacitance[i] } }
        return ThermalNetworkTrajectory(network: self, inputs: inputs, initial: state, modalInitial: z0, modalForcing: eta, weights: weights)
    }

    /// The state `seconds` after `state` under constant `inputs`, °C per node (exact).
    public func advance(_ state: [Double], by seconds: Double, inputs: Inputs) -> [Double] {
        trajectory(from: state, inputs: inputs).state(at: seconds)
    }

    /// Heat stored in the network above 0 °C, Σ Cᵢ·Tᵢ, J.
    public func storedHeatJoules(_ state: [Double]) -> Double {
        zip(capacitancesJoulesPerKelvin, state).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// A three-node GPU chain: junction → package (case, cold plate or heat sink) → local coolant, the
    /// coolant losing heat to boundary 0 (the supply) through `coolantConductanceWattsPerKelvin`
    /// (ṁ·cp for a once-through plate, ε·C_min for a heat exchanger).
    /// - Throws: `FacilityModelError` for non-positive values.
    public static func gpuChain(junctionCapacitanceJoulesPerKelvin: Double, junctionToCaseKelvinPerWatt: Double,
                                caseCapacitanceJoulesPerKelvin: Double, caseToCoolantKelvinPerWatt: Double,
                                coolantCapacitanceJoulesPerKelvin: Double, coolantConductanceWattsPerKelvin: Double) throws -> ThermalNetwork {
        try FacilityModelError.requirePositive(junctionToCaseKelvinPerWatt, "ThermalNetwork.gpuChain", "junctionToCaseKelvinPerWatt")
        try FacilityModelError.requirePositive(caseToCoolantKelvinPerWatt, "ThermalNetwork.gpuChain", "caseToCoolantKelvinPerWatt")
        return try ThermalNetwork(
            nodeNames: ["junction", "case", "coolant"],
            capacitancesJoulesPerKelvin: [junctionCapacitanceJoulesPerKelvin, caseCapacitanceJoulesPerKelvin, coolantCapacitanceJoulesPerKelvin],
            links: [Link(0, 1, conductanceWattsPerKelvin: 1 / junctionToCaseKelvinPerWatt),
                    Link(1, 2, conductanceWattsPerKelvin: 1 / caseToCoolantKelvinPerWatt)],
            boundaryLinks: [BoundaryLink(node: 2, boundary: 0, conductanceWattsPerKelvin: coolantConductanceWattsPerKelvin)],
            boundaryCount: 1)
    }
}
