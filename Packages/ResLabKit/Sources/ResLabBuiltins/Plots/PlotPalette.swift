/// How series are told apart: a marker character for the terminal (so charts read without colour
/// too), an ANSI colour and an SVG colour, cycling when there are more series than entries.
enum PlotPalette {
    static let markers: [Character] = ["●", "■", "▲", "◆", "○", "□", "△", "◇"]
    /// SGR foreground codes: blue, red, green, yellow, magenta, cyan.
    static let ansiColours = [34, 31, 32, 33, 35, 36]
    /// Colour-blind-friendly hues (Okabe–Ito).
    static let svgColours = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000"]

    static func marker(_ series: Int) -> Character { markers[series % markers.count] }
    static func svgColour(_ series: Int) -> String { svgColours[series % svgColours.count] }

    /// `text` in series `series`'s colour (SGR set, text, SGR reset).
    static func coloured(_ text: String, series: Int) -> String {
        "\u{1B}[\(ansiColours[series % ansiColours.count])m\(text)\u{1B}[0m"
    }
}
