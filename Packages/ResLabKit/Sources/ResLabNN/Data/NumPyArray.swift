/// An n-dimensional array as NumPy keeps it: a shape and the elements, in C (row-major) order,
/// of one of the dtypes ResLab reads and writes.
///
/// `.npy` files decode to this (`NumPyArray(npy:file:)`, `NumPyArray.read(contentsOf:)`) and
/// encode from it (`npyData()`, `write(to:)`); `.npz` archives are named collections of them.
/// `tensor()` turns any of them into a Float32 `Tensor`; `NumPyArray(tensor)` goes the other way.
public struct NumPyArray: Equatable {
    /// The elements, typed; the case is the dtype.
    public enum Elements: Equatable {
        /// `<f4`
        case float32([Float])
        /// `<f8`
        case float64([Double])
        /// `|u1`
        case uint8([UInt8])
        /// `<i4`
        case int32([Int32])
        /// `<i8`
        case int64([Int64])

        var count: Int {
            switch self {
            case let .float32(values): return values.count
            case let .float64(values): return values.count
            case let .uint8(values): return values.count
            case let .int32(values): return values.count
            case let .int64(values): return values.count
            }
        }
    }

    /// The extent of each axis; `[]` is a scalar.
    public let shape: [Int]
    public let elements: Elements

    /// An array of `shape` holding `elements` in C order; throws `TensorError` when the count
    /// does not match the shape or an extent is negative.
    public init(shape: [Int], elements: Elements) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidShape(op: "NumPyArray(shape:elements:)", shape: shape)
        }
        let (count, overflow) = shape.reduce((1, false)) { partial, extent in
            let (product, overflow) = partial.0.multipliedReportingOverflow(by: extent)
            return (product, partial.1 || overflow)
        }
        guard !overflow, count == elements.count else {
            throw TensorError.scalarCountMismatch(op: "NumPyArray(shape:elements:)", shape: shape, count: elements.count)
        }
        self.shape = shape
        self.elements = elements
    }

    /// The tensor's shape and scalars as a `<f4` array.
    public init(_ tensor: Tensor) {
        shape = tensor.shape
        elements = .float32(tensor.scalars)
    }

    /// NumPy's name for the dtype: `<f4`, `<f8`, `|u1`, `<i4` or `<i8`.
    public var dtype: String {
        switch elements {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .uint8: return "|u1"
        case .int32: return "<i4"
        case .int64: return "<i8"
        }
    }

    /// The number of elements.
    public var count: Int { elements.count }

    /// The elements converted to Float32, in a tensor of the same shape.
    ///
    /// Values are converted, not scaled: a `|u1` pixel 255 becomes 255.0 (data set readers scale
    /// 8-bit images to [0, 1] themselves). `<f8` values round to the nearest Float32; `<i8` and
    /// `<i4` values beyond 2^24 lose their low bits.
    public func tensor() throws -> Tensor {
        _ = try Tensor.checkedCount(of: shape, op: "NumPyArray.tensor()")
        switch elements {
        case let .float32(values): return try Tensor(shape: shape, scalars: values)
        case let .float64(values): return try Tensor(shape: shape, scalars: values.map { Float($0) })
        case let .uint8(values): return try Tensor(shape: shape, scalars: values.map { Float($0) })
        case let .int32(values): return try Tensor(shape: shape, scalars: values.map { Float($0) })
        case let .int64(values): return try Tensor(shape: shape, scalars: values.map { Float($0) })
        }
    }

    /// The elements as integers, for labels: integer dtypes as they are, float dtypes when every
    /// value is a whole number; nil otherwise.
    public func integers() -> [Int]? {
        switch elements {
        case let .uint8(values): return values.map { Int($0) }
        case let .int32(values): return values.map { Int($0) }
        case let .int64(values): return values.map { Int($0) }
        case let .float32(values):
            return values.allSatisfy({ $0.rounded() == $0 && abs($0) < 1e15 }) ? values.map { Int($0) } : nil
        case let .float64(values):
            return values.allSatisfy({ $0.rounded() == $0 && abs($0) < 1e15 }) ? values.map { Int($0) } : nil
        }
    }
}
