import ResLabEngine
import ResLabScript

/// A value as the assertion helpers compare it: a number, an array of numbers with a shape (a
/// tensor, or a rectangular nested array literal), a string, a Boolean.
///
/// A tensor and the nested array literal with the same numbers compare equal, so a test can write
/// `expectEqual(y, [[0.0, 1.5]])`; a rank-0 tensor compares as a number.
enum ComparableValue {
    case number(Double, style: NumberStyle)
    /// Row-major numbers, printed in `style` (`.float` for a tensor's Float32 elements).
    case numbers(shape: [Int], scalars: [Double], style: NumberStyle)
    case text(String)
    case bool(Bool)

    /// The comparable form of `value`, or nil when it is something the helpers cannot compare
    /// (a function, a layer, a ragged array).
    init?(_ value: Value) {
        guard let value = value.unwrapped else { return nil }
        switch value {
        case .int(let v): self = .number(Double(v), style: .int)
        case .double(let v): self = .number(v, style: .double)
        case .float(let v): self = .number(Double(v), style: .float)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .text(v)
        case .array:
            guard let (shape, scalars) = Self.flatten(value) else { return nil }
            self = .numbers(shape: shape, scalars: scalars, style: Self.style(of: value))
        case .native:
            guard let tensor = TensorBinding.tensor(from: value) else { return nil }
            if tensor.rank == 0, let scalar = tensor.scalars.first {
                self = .number(Double(scalar), style: .float)
            } else {
                self = .numbers(shape: tensor.shape, scalars: tensor.scalars.map(Double.init), style: .float)
            }
        default:
            return nil
        }
    }

    /// The shape of a tensor (nil extents: a symbolic tensor's batch axis) or of a rectangular
    /// nested array (`[]` for a number), or nil for a value without a shape.
    static func shape(of value: Value) -> [Int?]? {
        switch value.unwrapped {
        case .native?: return TensorBinding.tensorValue(from: value)?.symbolicShape
        case .array?: return flatten(value)?.shape.map(Optional.some)
        case .int?, .double?, .float?: return []
        default: return nil
        }
    }

    /// A rectangular nested array of numbers as its shape and row-major elements; nil when the
    /// array is ragged or holds something other than numbers.
    static func flatten(_ value: Value) -> (shape: [Int], scalars: [Double])? {
        switch value.unwrapped {
        case .int(let v)?: return ([], [Double(v)])
        case .double(let v)?: return ([], [v])
        case .float(let v)?: return ([], [Double(v)])
        case .array(let elements)?:
            var innerShape: [Int]?
            var scalars: [Double] = []
            for element in elements {
                guard let (shape, values) = flatten(element) else { return nil }
                if let known = innerShape, known != shape { return nil }
                innerShape = shape
                scalars += values
            }
            return ([elements.count] + (innerShape ?? []), scalars)
        default:
            return nil
        }
    }

    /// How an array literal's numbers print: as Ints when every leaf is an Int, as Doubles otherwise.
    private static func style(of value: Value) -> NumberStyle {
        switch value.unwrapped {
        case .int?: return .int
        case .float?: return .float
        case .array(let elements)?:
            let styles = Set(elements.map(style(of:)))
            return styles.count == 1 ? styles.first ?? .double : .double
        default: return .double
        }
    }

    /// What the value is, for a message that says two values cannot be compared.
    var kind: String {
        switch self {
        case .number: return "a number"
        case .numbers(let shape, _, let style): return style == .float ? "a tensor of shape \(shape)" : "an array of shape \(shape)"
        case .text: return "a string"
        case .bool: return "a Bool"
        }
    }
}

/// How a number is printed in a failure: as the language prints an Int, a Double or a Float.
enum NumberStyle: Hashable {
    case int, double, float

    func format(_ value: Double) -> String {
        switch self {
        case .int where value == value.rounded() && abs(value) < 1e15: return String(Int(value))
        case .float: return Float(value).description
        default: return value.description
        }
    }
}
