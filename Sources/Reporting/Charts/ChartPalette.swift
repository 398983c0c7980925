/// Colours of chart series: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), then
/// wine and grey so that ten categories get ten colours.
enum ChartPalette {
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
                          "#882255", "#999999"]
    /// Colour of the `index`-th series.
    static func colour(_ index: Int) -> String { colours[index % colours.count] }
    /// Colour of limit and target lines.
    static let limit = "#C00000"
}
