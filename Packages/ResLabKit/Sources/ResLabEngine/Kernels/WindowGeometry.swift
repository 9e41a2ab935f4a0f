/// How a convolution or pooling window covers the input (Keras' and TensorFlow's `padding`).
public enum Padding: String, Sendable {
    /// Windows lie wholly inside the input: output extent ⌊(in - k) / s⌋ + 1.
    case valid
    /// The input is padded so the output extent is ⌈in / s⌉. TensorFlow's rule: the total padding
    /// max((out - 1)·s + k - in, 0) is split with the smaller half on top/left and the extra row
    /// and column at the bottom/right.
    case same
}

/// Where the windows of a 2-D window op (convolution, pooling) fall on an NHWC input.
///
/// Padding below and to the right is implicit: rows and columns past the input read as zeros (or
/// are skipped, for pooling).
struct WindowGeometry {
    var batch: Int, inHeight: Int, inWidth: Int, channels: Int
    var windowHeight: Int, windowWidth: Int
    var strideHeight: Int, strideWidth: Int
    var padTop: Int, padLeft: Int
    var outHeight: Int, outWidth: Int

    /// Output pixels, the rows of the im2col matrix.
    var rows: Int { batch &* outHeight &* outWidth }
    /// Elements of one window, the columns of the im2col matrix (kh, kw, c order, matching HWIO).
    var patch: Int { windowHeight &* windowWidth &* channels }

    init(batch: Int, inHeight: Int, inWidth: Int, channels: Int, windowHeight: Int, windowWidth: Int,
         strideHeight: Int, strideWidth: Int, padTop: Int, padLeft: Int, outHeight: Int, outWidth: Int) {
        self.batch = batch; self.inHeight = inHeight; self.inWidth = inWidth; self.channels = channels
        self.windowHeight = windowHeight; self.windowWidth = windowWidth
        self.strideHeight = strideHeight; self.strideWidth = strideWidth
        self.padTop = padTop; self.padLeft = padLeft
        self.outHeight = outHeight; self.outWidth = outWidth
    }

    /// The geometry of `window` sliding over an NHWC `inputShape`, after checking the settings.
    init(op: String, inputShape: [Int], window: (Int, Int), strides: (Int, Int), padding: Padding) throws {
        guard inputShape.count == 4 else {
            throw TensorError.invalidArgument(op: op, message: "expects NHWC input of rank 4, got shape \(inputShape)")
        }
        guard window.0 >= 1, window.1 >= 1 else {
            throw TensorError.invalidArgument(op: op, message: "window \(window.0)×\(window.1) must be at least 1×1")
        }
        guard strides.0 >= 1, strides.1 >= 1 else {
            throw TensorError.invalidArgument(op: op, message: "strides (\(strides.0), \(strides.1)) must be at least 1")
        }
        // Bounded so that the placement arithmetic below cannot overflow.
        let limit = Int(Int32.max)
        guard [window.0, window.1, strides.0, strides.1].allSatisfy({ $0 <= limit }) else {
            throw TensorError.invalidArgument(op: op, message: "window \(window.0)×\(window.1) and strides (\(strides.0), \(strides.1)) must be below 2³¹")
        }
        let (height, width) = (inputShape[1], inputShape[2])
        func placement(_ extent: Int, _ k: Int, _ s: Int, _ axis: String) throws -> (out: Int, before: Int) {
            switch padding {
            case .valid:
                guard extent >= k else {
                    throw TensorError.invalidArgument(
                        op: op, message: "window \(window.0)×\(window.1) is larger than the input's \(axis) \(extent) (input shape \(inputShape)) with padding .valid; use .same or a smaller window")
                }
                return ((extent - k) / s + 1, 0)
            case .same:
                let out = (extent + s - 1) / s
                return (out, Swift.max((out - 1) * s + k - extent, 0) / 2)
            }
        }
        let vertical = try placement(height, window.0, strides.0, "height")
        let horizontal = try placement(width, window.1, strides.1, "width")
        self.init(batch: inputShape[0], inHeight: height, inWidth: width, channels: inputShape[3],
                  windowHeight: window.0, windowWidth: window.1, strideHeight: strides.0, strideWidth: strides.1,
                  padTop: vertical.before, padLeft: horizontal.before, outHeight: vertical.out, outWidth: horizontal.out)
    }

    var outputShape: [Int] { [batch, outHeight, outWidth] }
}
