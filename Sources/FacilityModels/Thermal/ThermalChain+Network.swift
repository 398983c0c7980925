extension ThermalChain {
    /// The chain as a two-node `ThermalNetwork`, for code that moves to n-node networks.
    ///
    /// The m identical modules of one sink are lumped into one node of capacity m·C₁ joined to the sink by
    /// m/R₁₂ (each module sees the same sink, so they share one temperature): node 0 is the modules,
    /// node 1 the sink, boundary 0 the coolant. Use `networkInputs` to translate the inputs.
    /// - Throws: `FacilityModelError` for non-positive capacities or resistance.
    public func network() throws -> ThermalNetwork {
        try FacilityModelError.requirePositive(moduleResistanceKelvinPerWatt, "ThermalChain", "moduleResistanceKelvinPerWatt")
        let m = Double(modulesPerSink)
        return try ThermalNetwork(nodeNames: ["modules", "sink"],
                                  capacitancesJoulesPerKelvin: [m * moduleCapacitanceJoulesPerKelvin, sinkCapacitanceJoulesPerKelvin],
                                  links: [.init(0, 1, conductanceWattsPerKelvin: m / moduleResistanceKelvinPerWatt)],
                                  boundaryLinks: [.init(node: 1, boundary: 0, conductanceWattsPerKelvin: sinkConductanceWattsPerKelvin)],
                                  boundaryCount: 1)
    }

    /// The network inputs equivalent to `inputs`: m·P₁ into the modules' node, P₂ into the sink.
    public func networkInputs(_ inputs: Inputs) -> ThermalNetwork.Inputs {
        ThermalNetwork.Inputs(powerWatts: [Double(modulesPerSink) * inputs.modulePowerWatts, inputs.sinkPowerWatts],
                              boundaryCelsius: [inputs.coolantCelsius])
    }
}
