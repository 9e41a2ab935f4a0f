/// im2col and col2im on NHWC images.
///
/// Row r of the im2col matrix is output pixel r (n, oh, ow in row-major order); its columns are
/// the window's elements in (kh, kw, c) order, the order of an HWIO kernel flattened to
/// [KH·KW·C, O], so one GEMM turns the matrix into NHWC output. Within one kernel row, the window's
/// pixels are adjacent in the input whatever the stride, so each (row, kh) is one contiguous copy
/// of up to KW·C floats, with zeros where the window hangs over the padding.
extension WindowGeometry {
    /// Writes im2col rows `rows` into `col` (`rows.count × patch`).
    func im2col(_ x: UnsafePointer<Float>, rows: Range<Int>, into col: UnsafeMutablePointer<Float>) {
        let runWidth = windowWidth &* channels
        var (n, oh, ow) = pixel(of: rows.lowerBound)
        for r in rows {
            let destination = col + (r &- rows.lowerBound) &* patch
            let (ih0, iw0) = (oh &* strideHeight &- padTop, ow &* strideWidth &- padLeft)
            let kwLow = Swift.max(0, -iw0), kwHigh = Swift.min(windowWidth, inWidth &- iw0)
            let image = x + n &* inHeight &* inWidth &* channels
            for kh in 0..<windowHeight {
                let d = destination + kh &* runWidth
                let ih = ih0 &+ kh
                if ih < 0 || ih >= inHeight || kwHigh <= kwLow {
                    d.update(repeating: 0, count: runWidth)
                    continue
                }
                if kwLow > 0 { d.update(repeating: 0, count: kwLow &* channels) }
                (d + kwLow &* channels).update(from: image + ((ih &* inWidth &+ iw0 &+ kwLow) &* channels),
                                               count: (kwHigh &- kwLow) &* channels)
                if kwHigh < windowWidth {
                    (d + kwHigh &* channels).update(repeating: 0, count: (windowWidth &- kwHigh) &* channels)
                }
            }
            advance(&n, &oh, &ow)
        }
    }

    /// Adds im2col rows `rows` of `col` back onto the image positions they were copied from
    /// (the adjoint of `im2col`); padding positions are dropped.
    func col2imAdding(_ col: UnsafePointer<Float>, rows: Range<Int>, into dx: UnsafeMutablePointer<Float>) {
        let runWidth = windowWidth &* channels
        var (n, oh, ow) = pixel(of: rows.lowerBound)
        for r in rows {
            let source = col + (r &- rows.lowerBound) &* patch
            let (ih0, iw0) = (oh &* strideHeight &- padTop, ow &* strideWidth &- padLeft)
            let kwLow = Swift.max(0, -iw0), kwHigh = Swift.min(windowWidth, inWidth &- iw0)
            let image = dx + n &* inHeight &* inWidth &* channels
            if kwHigh > kwLow {
                let length = (kwHigh &- kwLow) &* channels
                for kh in 0..<windowHeight {
                    let ih = ih0 &+ kh
                    if ih < 0 || ih >= inHeight { continue }
                    let s = source + (kh &* runWidth &+ kwLow &* channels)
                    let d = image + ((ih &* inWidth &+ iw0 &+ kwLow) &* channels)
                    for i in 0..<length { d[i] += s[i] }
                }
            }
            advance(&n, &oh, &ow)
        }
    }

    /// (n, oh, ow) of output pixel `row`.
    @inline(__always)
    func pixel(of row: Int) -> (Int, Int, Int) {
        let perImage = outHeight &* outWidth
        guard perImage > 0 else { return (0, 0, 0) }
        let within = row % perImage
        return (row / perImage, within / outWidth, within % outWidth)
    }

    /// Steps (n, oh, ow) to the next output pixel in row-major order.
    @inline(__always)
    func advance(_ n: inout Int, _ oh: inout Int, _ ow: inout Int) {
        ow &+= 1
        if ow == outWidth {
            ow = 0
            oh &+= 1
            if oh == outHeight { oh = 0; n &+= 1 }
        }
    }
}
