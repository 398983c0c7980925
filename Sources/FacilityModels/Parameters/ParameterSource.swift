/// Where a parameter's value comes from.
///
/// `cited` names a published figure (paper or datasheet, with its table or figure); `derived` is computed here
/// from cited inputs by the formula given; `assumed` is an engineering assumption with no primary source found
/// (reports show it as assumed); `scenario` is a value the scenario file set, which replaces the default.
public enum ParameterSource: Sendable, Equatable, Codable {
    case cited(String)
    case derived(String)
    case assumed(String)
    /// Set by the scenario file; carries the default's own source for reference.
    case scenario(defaultSource: String)

    /// True for an assumption (no published figure behind the value).
    public var isAssumed: Bool { if case .assumed = self { return true } else { return false } }

    /// The kind as a word for reports and JSON: cited, derived, assumed or scenario.
    public var kind: String {
        switch self {
        case .cited: return "cited"
        case .derived: return "derived"
        case .assumed: return "assumed"
        case .scenario: return "scenario"
        }
    }

    /// The citation, derivation or reason.
    public var text: String {
        switch self {
        case .cited(let s), .derived(let s), .assumed(let s): return s
        case .scenario(let s): return "scenario file (default: \(s))"
        }
    }
}
