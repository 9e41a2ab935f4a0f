import Foundation

/// A standalone SVG document being built: elements in drawing order, nothing external (no
/// stylesheets, fonts, images or scripts), every text escaped for XML.
struct SVGDocument {
    let width: Int
    let height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The whole document: the root `<svg>` (with `viewBox`), an accessible `<title>`, a white
    /// background, then the elements.
    func rendered(title: String) -> String {
        var lines = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="sans-serif" font-size="12" role="img">"#,
            "<title>\(Self.escape(title))</title>",
            ##"<rect class="background" x="0" y="0" width="\##(width)" height="\##(height)" fill="#ffffff"/>"##,
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func line(class name: String, from start: (Double, Double), to end: (Double, Double),
                       stroke: String, strokeWidth: Double = 1) {
        elements.append(#"<line class="\#(name)" x1="\#(Self.number(start.0))" y1="\#(Self.number(start.1))" x2="\#(Self.number(end.0))" y2="\#(Self.number(end.1))" stroke="\#(stroke)" stroke-width="\#(Self.number(strokeWidth))"/>"#)
    }

    mutating func rect(class name: String, x: Double, y: Double, width: Double, height: Double, fill: String) {
        elements.append(#"<rect class="\#(name)" x="\#(Self.number(x))" y="\#(Self.number(y))" width="\#(Self.number(width))" height="\#(Self.number(height))" fill="\#(fill)"/>"#)
    }

    mutating func polyline(class name: String, points: [(Double, Double)], stroke: String) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append(#"<polyline class="\#(name)" points="\#(list)" fill="none" stroke="\#(stroke)" stroke-width="2" stroke-linejoin="round"/>"#)
    }

    mutating func circle(class name: String, centre: (Double, Double), radius: Double, fill: String) {
        elements.append(#"<circle class="\#(name)" cx="\#(Self.number(centre.0))" cy="\#(Self.number(centre.1))" r="\#(Self.number(radius))" fill="\#(fill)"/>"#)
    }

    enum Anchor: String { case start, middle, end }

    /// Text with its baseline at `y`; `rotated` turns it a quarter left about (`x`, `y`).
    mutating func text(_ text: String, class name: String, x: Double, y: Double, anchor: Anchor = .start,
                       size: Int = 12, bold: Bool = false, fill: String = "#333333", rotated: Bool = false) {
        var attributes = #"class="\#(name)" x="\#(Self.number(x))" y="\#(Self.number(y))" text-anchor="\#(anchor.rawValue)" font-size="\#(size)" fill="\#(fill)""#
        if bold { attributes += #" font-weight="bold""# }
        if rotated { attributes += #" transform="rotate(-90 \#(Self.number(x)) \#(Self.number(y)))""# }
        elements.append("<text \(attributes)>\(Self.escape(text))</text>")
    }

    /// `text` safe inside XML content and attribute values: `& < > " '` as entities, and the
    /// control characters XML 1.0 forbids replaced by U+FFFD.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                escaped.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                                              ? "\u{FFFD}" : scalar)
            }
        }
        return escaped
    }

    /// A coordinate with at most 2 decimals and no trailing zeros (`12`, `12.5`, `-3.25`).
    static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Roughly how wide `text` is at `size` px in a sans-serif font (no font metrics are at hand;
    /// 0.6 em a character errs on the wide side for Latin text).
    static func estimatedWidth(_ text: String, size: Int = 12) -> Double {
        Double(text.count) * Double(size) * 0.6
    }
}
