/// Shape arithmetic shared by the ops: strides, axis normalisation and NumPy broadcasting.
enum Shape {
    /// Row-major strides of `shape`, in elements.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            strides[axis] = stride
            stride &*= shape[axis]
        }
        return strides
    }

    /// The product of `extents`, or nil when it overflows an Int.
    static func checkedProduct(_ extents: [Int]) -> Int? {
        var product = 1
        for extent in extents {
            let (result, overflow) = product.multipliedReportingOverflow(by: extent)
            if overflow { return nil }
            product = result
        }
        return product
    }

    /// `axis` in `0..<rank`, accepting negative axes counted from the end as NumPy does.
    static func normalize(axis: Int, rank: Int, op: String, shape: [Int]) throws -> Int {
        let normalized = axis < 0 ? axis + rank : axis
        guard normalized >= 0, normalized < rank else {
            throw TensorError.invalidArgument(
                op: op, message: "axis \(axis) is out of range for shape \(shape) (rank \(rank); valid axes are \(-rank)..<\(rank))")
        }
        return normalized
    }

    /// Normalised, sorted, distinct axes; throws on an out-of-range or repeated axis.
    static func normalize(axes: [Int], rank: Int, op: String, shape: [Int]) throws -> [Int] {
        var seen = Set<Int>()
        for axis in axes {
            let normalized = try normalize(axis: axis, rank: rank, op: op, shape: shape)
            guard seen.insert(normalized).inserted else {
                throw TensorError.invalidArgument(op: op, message: "axis \(axis) is given twice for shape \(shape)")
            }
        }
        return seen.sorted()
    }

    /// The NumPy broadcast of two shapes: aligned at the right, each pair of extents equal or one of them 1.
    static func broadcast(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw TensorError.invalidArgument(op: op, message: "cannot broadcast shapes \(a) and \(b)")
            }
            result[i] = x == 1 ? y : x
        }
        return result
    }

    /// Strides that read a tensor of `shape` as if broadcast to `target` (0 along broadcast axes).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        return target.indices.map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }
}
