/// Allocation of new tensors' storage.
///
/// Every op that makes a tensor larger than its inputs goes through `Tensor.allocate`, which
/// checks the memory budget first; ops whose output is never larger than an input (elementwise
/// maps, reshapes, reductions) reuse that input's checked size.
extension Tensor {
    /// A tensor of `shape` whose storage `fill` initialises completely, after the budget check.
    @inline(__always)
    static func allocate(_ shape: [Int], op: String,
                         _ fill: (UnsafeMutablePointer<Float>, Int) throws -> Void) throws -> Tensor {
        let count = try checkedCount(of: shape, op: op)
        return try Tensor(uncheckedShape: shape, count: count, fill)
    }

    /// A tensor whose size is already known to be within the budget; `fill` must write all `count` elements.
    @inline(__always)
    init(uncheckedShape shape: [Int], count: Int,
         _ fill: (UnsafeMutablePointer<Float>, Int) throws -> Void) rethrows {
        _ = MemoryReuse.configure
        let scalars = try [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count > 0 { try fill(base, count) }
            initialized = count
        }
        self.init(uncheckedShape: shape, scalars: scalars)
    }

    /// A zero-filled tensor whose size is already known to be within the budget.
    static func zeros(uncheckedShape shape: [Int]) -> Tensor {
        filled(uncheckedShape: shape, with: 0)
    }

    /// A tensor of `value`s whose size is already known to be within the budget, filled by the
    /// workers when it is large (a gradient's seed of ones for a 25088×64 output took 0.5 ms on
    /// one core, 5 % of that convolution's backward pass).
    static func filled(uncheckedShape shape: [Int], with value: Float) -> Tensor {
        Tensor(uncheckedShape: shape, count: shape.reduce(1, *)) { base, count in
            Parallelism.forEachChunk(of: count) { range in
                (base + range.lowerBound).initialize(repeating: value, count: range.count)
            }
        }
    }

    /// Read access to the elements without bounds checks in hot loops.
    @inline(__always)
    func withScalars<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
        try scalars.withUnsafeBufferPointer { buffer in
            try body(buffer.baseAddress.map(UnsafePointer.init) ?? UnsafePointer(emptyStorage))
        }
    }

    /// Write access to the elements without bounds checks in hot loops.
    @inline(__always)
    mutating func withMutableScalars<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        try scalars.withUnsafeMutableBufferPointer { buffer in
            try body(buffer.baseAddress ?? emptyStorage)
        }
    }
}

/// What kernels see for an empty tensor, whose array may have no storage: a valid address that no
/// loop reads or writes, since every loop runs `count == 0` times.
nonisolated(unsafe) private let emptyStorage = UnsafeMutablePointer<Float>.allocate(capacity: 1)
