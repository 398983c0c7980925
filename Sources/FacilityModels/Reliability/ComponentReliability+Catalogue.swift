/// Sourced MTBF/MTTR defaults for the plant equipment of an AI factory.
///
/// Unless stated otherwise the figures are IEEE Std 493-2007 ("Gold Book", *Recommended Practice for
/// the Design of Reliable Industrial and Commercial Power Systems*) as compiled in
/// `equinor/neqsim src/main/resources/reliabilitydata/ieee493_equipment.csv` (columns MTBF_hours,
/// MTTR_hours; listed in /work/shared/references/physics-and-benchmarks.md §5). They are "all modes"
/// figures: every failure that takes the unit out of service. All entries use the exponential failure
/// law and the standard (lognormal, CV 1.0 — Assumption) repair law; change them with
/// ``ComponentReliability/with(failureLaw:)`` and ``ComponentReliability/with(repairLaw:)``.
extension ComponentReliability {
    /// Source string shared by the IEEE 493 rows.
    static let ieee493Source = "IEEE Std 493-2007 via equinor/neqsim "
        + "src/main/resources/reliabilitydata/ieee493_equipment.csv"

    /// Motor-driven pump, all modes: MTBF 5,950 h, MTTR 39 h (IEEE 493-2007 Table A-1).
    public static let pump = ComponentReliability(
        name: "pump", mtbfHours: 5_950, mttrHours: 39,
        source: ieee493Source + " (Pump, Motor driven, All modes)")

    /// Centrifugal chiller, all modes: MTBF 10,950 h, MTTR 72 h.
    public static let centrifugalChiller = ComponentReliability(
        name: "centrifugal_chiller", mtbfHours: 10_950, mttrHours: 72,
        source: ieee493Source + " (Chiller, Centrifugal, All modes)")

    /// Induced-draft cooling tower, all modes: MTBF 17,520 h, MTTR 32 h.
    public static let coolingTower = ComponentReliability(
        name: "cooling_tower", mtbfHours: 17_520, mttrHours: 32,
        source: ieee493Source + " (Cooling Tower, Induced draft, All modes)")

    /// Motor-driven centrifugal fan, all modes: MTBF 8,760 h, MTTR 16 h (IEEE 493-2007 Table A-3).
    /// Also the default for dry-cooler fans (Assumption: no dry-cooler-specific row is published).
    public static let centrifugalFan = ComponentReliability(
        name: "centrifugal_fan", mtbfHours: 8_760, mttrHours: 16,
        source: ieee493Source + " (Fan, Centrifugal motor driven, All modes)")

    /// Static UPS module, all modes: MTBF 15,900 h, MTTR 25 h (IEEE 493-2007 Table 3-10).
    public static let staticUPS = ComponentReliability(
        name: "static_ups", mtbfHours: 15_900, mttrHours: 25,
        source: ieee493Source + " (UPS, Static, All modes)")

    /// Dry-type transformer above 750 kVA, all modes: MTBF 175,200 h, MTTR 72 h (IEEE 493-2007 Table 3-1).
    public static let dryTypeTransformer = ComponentReliability(
        name: "dry_type_transformer", mtbfHours: 175_200, mttrHours: 72,
        source: ieee493Source + " (Transformer, Dry type >750 kVA, All modes)")

    /// Static inverter, all modes: MTBF 31,250 h, MTTR 127 h (IEEE 493-2007 Table 3-10).
    public static let staticInverter = ComponentReliability(
        name: "static_inverter", mtbfHours: 31_250, mttrHours: 127,
        source: ieee493Source + " (Inverter, Static, All modes)")

    /// Static rectifier, all modes: MTBF 32,500 h, MTTR 72 h (IEEE 493-2007 Table 3-10).
    public static let staticRectifier = ComponentReliability(
        name: "static_rectifier", mtbfHours: 32_500, mttrHours: 72,
        source: ieee493Source + " (Rectifier, Static, All modes)")

    /// Emergency/standby generator, all modes: MTBF 5,950 h, MTTR 54 h (IEEE 493-2007 Table 3-4).
    public static let standbyGenerator = ComponentReliability(
        name: "standby_generator", mtbfHours: 5_950, mttrHours: 54,
        source: ieee493Source + " (Generator, Emergency/Standby, All modes)")

    /// Single overhead utility circuit, all modes: MTBF 5,100 h, MTTR 2.7 h (IEEE 493-2007 Table 3-11).
    public static let utilitySingleCircuit = ComponentReliability(
        name: "utility_single_circuit", mtbfHours: 5_100, mttrHours: 2.7,
        source: ieee493Source + " (Utility, Single circuit overhead, All modes)")

    /// Small PLC (< 128 I/O), all modes: MTBF 219,000 h, MTTR 6 h. A part of ``cdu``.
    public static let smallPLC = ComponentReliability(
        name: "small_plc", mtbfHours: 219_000, mttrHours: 6,
        source: ieee493Source + " (Controller, PLC small <128 I/O, All modes)")

    /// Control-valve positioner, all modes: MTBF 36,500 h, MTTR 6 h. A part of ``cdu``.
    public static let controlValvePositioner = ComponentReliability(
        name: "control_valve_positioner", mtbfHours: 36_500, mttrHours: 6,
        source: ieee493Source + " (Instrument, Control valve positioner, All modes)")

    /// Coolant distribution unit. **Assumption:** no public CDU MTBF exists (reference doc §5), so a CDU
    /// is modelled as its pump in series with its controls — a small PLC and the control-valve
    /// positioner of its mixing/bypass valve — using ``series(name:source:_:)``:
    /// λ = 1/5,950 + 1/219,000 + 1/36,500 = 2.0003e-4 /h ⇒ MTBF ≈ 4,999 h;
    /// MTTR = (39/5,950 + 6/219,000 + 6/36,500) / λ ≈ 33.7 h. The plate heat exchanger is left out
    /// (passive, no IEEE 493 row); this makes the CDU slightly optimistic.
    public static let cdu = seriesCombination(
        name: "cdu",
        source: "Assumption: pump + small PLC + control-valve positioner in series, each from "
            + ieee493Source + "; heat exchanger not modelled",
        [pump, smallPLC, controlValvePositioner])

    /// Every catalogue entry, in a stable order.
    public static let catalogue: [ComponentReliability] = [
        pump, cdu, centrifugalChiller, coolingTower, centrifugalFan, staticUPS, dryTypeTransformer,
        staticInverter, staticRectifier, standbyGenerator, utilitySingleCircuit, smallPLC, controlValvePositioner,
    ]

    /// The catalogue entry named `name` (snake_case, case-insensitive; `-` and spaces read as `_`).
    /// - Throws: ``ReliabilityError/unknownComponent(name:known:)`` listing the known names.
    public static func named(_ name: String) throws -> ComponentReliability {
        let key = String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        if let entry = catalogue.first(where: { $0.name == key }) { return entry }
        throw ReliabilityError.unknownComponent(name: name, known: catalogue.map(\.name))
    }
}
