/// A grid of terminal cells, each holding 2 × 4 dots drawn with Unicode braille (U+2800–U+28FF),
/// so a line has twice the terminal's horizontal and four times its vertical resolution.
///
/// Dot coordinates: `x` in `0..<2·columns` from the left, `y` in `0..<4·rows` from the top. A cell
/// remembers the last series that drew in it (its colour) and may hold a marker instead of dots.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var owners: [Int?]
    private var markers: [Character?]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        dots = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: nil, count: columns * rows)
        markers = Array(repeating: nil, count: columns * rows)
    }

    /// The braille bit of each dot within a cell, `[y][x]`: dots 1–3 and 7 down the left column,
    /// 4–6 and 8 down the right.
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets the dot at (`x`, `y`) for `series`; dots outside the canvas are ignored.
    mutating func setDot(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < 2 * columns, y < 4 * rows else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bits[y % 4][x % 2]
        owners[cell] = series
    }

    /// Draws the dots of the straight line from one dot to another (Bresenham).
    mutating func drawLine(from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int) {
        let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
        let sx = start.x < end.x ? 1 : -1, sy = start.y < end.y ? 1 : -1
        var (x, y) = start
        var error = dx + dy
        while true {
            setDot(x: x, y: y, series: series)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// Puts `marker` in the cell that holds the dot (`x`, `y`), replacing its dots.
    mutating func setMarker(_ marker: Character, x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < 2 * columns, y < 4 * rows else { return }
        let cell = (y / 4) * columns + x / 2
        markers[cell] = marker
        owners[cell] = series
    }

    /// The character to show in a cell (a space if empty) and the series that owns it.
    func cell(column: Int, row: Int) -> (character: Character, series: Int?) {
        let cell = row * columns + column
        if let marker = markers[cell] { return (marker, owners[cell]) }
        guard dots[cell] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[cell])) else { return (" ", nil) }
        return (Character(scalar), owners[cell])
    }
}
