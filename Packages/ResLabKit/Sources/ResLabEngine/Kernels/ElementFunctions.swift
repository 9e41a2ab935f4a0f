/// The per-element functions the elementwise kernels apply, as small structs.
///
/// Why not closures: a kernel splits its loop across workers with `concurrentPerform`, and a
/// closure captured inside that loop's body is called indirectly for every element (measured
/// 11 ms instead of 1 ms for a ReLU over 2M elements). A generic kernel specialised for one of
/// these types compiles to a direct, vectorisable loop.
protocol UnaryFunction {
    func callAsFunction(_ x: Float) -> Float
}

protocol BinaryFunction {
    func callAsFunction(_ x: Float, _ y: Float) -> Float
}

protocol TernaryFunction {
    func callAsFunction(_ x: Float, _ y: Float, _ z: Float) -> Float
}

// MARK: - Shared by several ops

struct Negate: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { -x }
}

struct AddConstant: UnaryFunction {
    let constant: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x + constant }
}

struct Scale: UnaryFunction {
    let factor: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x * factor }
}

struct DivideBy: UnaryFunction {
    let divisor: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x / divisor }
}

struct Add: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { x + y }
}

struct Subtract: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { x - y }
}

struct Multiply: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { x * y }
}

struct Divide: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { x / y }
}

/// 1 where x == y, else 0.
struct Equal: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { x == y ? 1 : 0 }
}
