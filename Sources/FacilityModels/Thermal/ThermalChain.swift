import Foundation

/// Two lumped thermal nodes in a chain, solved exactly between events.
///
/// Node 1 is one GPU module (die, package and the heat sink or cold plate attached to it); node 2 is
/// the thermal mass the module sheds its heat into (an immersion tank's fluid, a rack's coolant, a
/// heat sink's air path), shared by `modulesPerNode2` modules; node 2 loses heat to a coolant at a
/// given inlet temperature through a conductance:
///
///     C₁·dT₁/dt = P₁ − (T₁ − T₂)/R₁₂
///     C₂·dT₂/dt = m·(T₁ − T₂)/R₁₂ + P₂ − G₂·(T₂ − T_in)
///
/// For inputs (P₁, P₂, T_in) held constant between events the solution is the closed form
/// T(t) = T∞ + α₁·v₁·e^(λ₁t) + α₂·v₂·e^(λ₂t), with λ the (real, negative) eigenvalues of the system
/// matrix: nothing is time-stepped. The same form gives the exact heat integral (for the energy
/// balance), the exact maximum of T₁ over an interval (T₁ is a constant plus two exponentials, so it
/// has at most one interior extremum) and the exact times at which T₁ crosses a limit.
public struct ThermalChain: Sendable, Equatable {
    /// Heat capacity of one module (node 1), J/K.
    public var moduleCapacitanceJoulesPerKelvin: Double
    /// Thermal resistance from a module to node 2, K/W.
    public var moduleResistanceKelvinPerWatt: Double
    /// Heat capacity of node 2, J/K.
    public var sinkCapacitanceJoulesPerKelvin: Double
    /// Modules that shed heat into one node 2 (GPUs per tank, or 1).
    public var modulesPerSink: Int
    /// Conductance from node 2 to the coolant, W/K.
    public var sinkConductanceWattsPerKelvin: Double

    public init(moduleCapacitanceJoulesPerKelvin: Double, moduleResistanceKelvinPerWatt: Double,
                sinkCapacitanceJoulesPerKelvin: Double, modulesPerSink: Int, sinkConductanceWattsPerKelvin: Double) {
        self.moduleCapacitanceJoulesPerKelvin = moduleCapacitanceJoulesPerKelvin
        self.moduleResistanceKelvinPerWatt = moduleResistanceKelvinPerWatt
        self.sinkCapacitanceJoulesPerKelvin = sinkCapacitanceJoulesPerKelvin
        self.modulesPerSink = modulesPerSink
        self.sinkConductanceWattsPerKelvin = sinkConductanceWattsPerKelvin
    }

    /// Inputs held constant over an interval.
    public struct Inputs: Sendable, Equatable {
        /// Heat into each module, W.
        public var modulePowerWatts: Double
        /// Heat into node 2 directly (other components in the tank or rack), W.
        public var sinkPowerWatts: Double
        /// Coolant inlet temperature, °C.
        public var coolantCelsius: Double

        public init(modulePowerWatts: Double, sinkPowerWatts: Double, coolantCelsius: Double) {
            self.modulePowerWatts = modulePowerWatts
            self.sinkPowerWatts = sinkPowerWatts
            self.coolantCelsius = coolantCelsius
        }
    }

    /// The state: module and node-2 temperatures, °C.
    public struct State: Sendable, Equatable {
        public var moduleCelsius: Double
        public var sinkCelsius: Double

        public init(moduleCelsius: Double, sinkCelsius: Double) {
            self.moduleCelsius = moduleCelsius
            self.sinkCelsius = sinkCelsius
        }
    }

    /// Steady state for constant inputs: all heat leaves through G₂, so
    /// T₂∞ = T_in + (m·P₁ + P₂)/G₂ and T₁∞ = T₂∞ + P₁·R₁₂.
    public func steadyState(_ inputs: Inputs) -> State {
        let sink = inputs.coolantCelsius + (Double(modulesPerSink) * inputs.modulePowerWatts + inputs.sinkPowerWatts) / sinkConductanceWattsPerKelvin
        return State(moduleCelsius: sink + inputs.modulePowerWatts * moduleResistanceKelvinPerWatt, sinkCelsius: sink)
    }

    /// The closed-form trajectory from `state` under constant `inputs`.
    public func trajectory(from state: State, inputs: Inputs) -> ThermalChainTrajectory {
        let c1 = moduleCapacitanceJoulesPerKelvin, c2 = sinkCapacitanceJoulesPerKelvin
        let r = moduleResistanceKelvinPerWatt, m = Double(modulesPerSink), g = sinkConductanceWattsPerKelvin
        // System matrix A = [[a, b], [c, d]].
        let a = -1 / (c1 * r), b = 1 / (c1 * r)
        let c = m / (c2 * r), d = -(m / r + g) / c2
        let trace = a + d
        let discriminant = (a - d) * (a - d) + 4 * b * c   // > 0: b·c > 0 for a coupled chain
        let root = discriminant.squareRoot()
        // λ₁ = (tr + √Δ)/2 (slow), λ₂ = (tr − √Δ)/2 (fast); computed stably.
        let lambda2 = (trace - root) / 2
        // det A = a·d − b·c = g/(C₁·R·C₂), written without the cancellation of the difference.
        let lambda1 = (g / (c1 * r * c2)) / lambda2
        let steady = steadyState(inputs)
        let y1 = state.moduleCelsius - steady.moduleCelsius
        let y2 = state.sinkCelsius - steady.sinkCelsius
        // Eigenvectors vᵢ = (b, λᵢ − a); solve α₁v₁ + α₂v₂ = y.
        let det = b * (lambda2 - a) - b * (lambda1 - a)
        let alpha1 = (y1 * (lambda2 - a) - b * y2) / det
        let alpha2 = (b * y2 - y1 * (lambda1 - a)) / det
        return ThermalChainTrajectory(
            steady: steady, lambda1: lambda1, lambda2: lambda2,
            module1: alpha1 * b, module2: alpha2 * b,
            sink1: alpha1 * (lambda1 - a), sink2: alpha2 * (lambda2 - a),
            coolantCelsius: inputs.coolantCelsius, chain: self, inputs: inputs)
    }

    /// Heat stored in one node-2 group (its modules plus node 2) above 0 °C, J.
    public func storedHeatJoules(_ state: State) -> Double {
        Double(modulesPerSink) * moduleCapacitanceJoulesPerKelvin * state.moduleCelsius + sinkCapacitanceJoulesPerKelvin * state.sinkCelsius
    }
}
