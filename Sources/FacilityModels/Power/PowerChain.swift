/// A chain of power-conversion stages from the utility to a load (utility → transformer → UPS → PDU →
/// server PSU, or Frontier's rectifier → DC-DC), each stage feeding the next.
///
/// The input of the chain for a given load is found from the load upwards: the last stage's input is
/// the previous stage's output, and so on. Every loss is heat in the room (or yard) of its stage.
public struct PowerChain: Sendable, Equatable, Codable {
    /// Stages, utility side first.
    public var stages: [PowerStage]

    public init(stages: [PowerStage]) {
        self.stages = stages
    }

    /// Checks every stage.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        for stage in stages { try stage.validate() }
    }

    /// Power drawn from the utility while the last stage delivers `outputWatts`, W.
    /// - Complexity: O(stages), no allocation.
    public func inputWatts(outputWatts: Double) -> Double {
        var p = outputWatts
        for stage in stages.reversed() { p = stage.inputWatts(outputWatts: p) }
        return p
    }

    /// Total conversion loss, W.
    public func lossWatts(outputWatts: Double) -> Double { inputWatts(outputWatts: outputWatts) - outputWatts }

    /// End-to-end efficiency.
    public func efficiency(outputWatts: Double) -> Double { outputWatts / inputWatts(outputWatts: outputWatts) }

    /// Each stage's name and loss, utility side first, W.
    public func stageLosses(outputWatts: Double) -> [(name: String, lossWatts: Double)] {
        var p = outputWatts
        var losses: [(name: String, lossWatts: Double)] = []
        for stage in stages.reversed() {
            let loss = stage.lossWatts(outputWatts: p)
            losses.append((stage.name, loss))
            p += loss
        }
        return losses.reversed()
    }

    /// A conventional AC chain for an IT load of `designITWatts` (W at the server inputs): transformer
    /// rated at 1.6× (Assumption: also carries the mechanical plant), double-conversion UPS and PDU rated
    /// at `oversizing`× (Assumption: 1.25). Server PSUs are inside the IT load (PUE counts them as IT).
    public static func conventional(designITWatts: Double, oversizing: Double = 1.25) -> PowerChain {
        let rating = designITWatts * oversizing
        return PowerChain(stages: [.transformer(ratingWatts: designITWatts * 1.6), .doubleConversionUPS(ratingWatts: rating),
                                   .pdu(ratingWatts: rating)])
    }

    /// Frontier's node power path as RAPS models it: rectifiers (one per 4 nodes) → DC-DC per node.
    public static func rapsFrontier(nodes: Int) -> PowerChain {
        PowerChain(stages: [.rapsRectifier(units: (nodes + 3) / 4), .rapsSIVOC(units: nodes)])
    }
}
