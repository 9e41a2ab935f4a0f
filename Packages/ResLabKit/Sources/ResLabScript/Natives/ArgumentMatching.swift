/// What the argument matcher needs to know of a parameter.
struct ParameterShape {
    let label: String?
    let hasDefault: Bool
    let isVariadic: Bool
    /// Whether a trailing closure may bind to it.
    let takesFunction: Bool
}

/// The labels a call site writes, for matching and for messages.
struct ArgumentShape {
    let label: String?
    let isTrailingClosure: Bool
}

/// Binds a call's arguments to parameters the way Swift does: in order, each labelled argument to
/// the parameter with that label, parameters with defaults skippable, a variadic parameter taking
/// the unlabelled arguments that follow it, and a trailing closure taking the next parameter that
/// accepts a function.
enum ArgumentMatcher {
    /// For each parameter, the indices of the arguments bound to it (empty: use the default).
    typealias Binding = [[Int]]

    static func match(_ arguments: [ArgumentShape], to parameters: [ParameterShape]) -> Binding? {
        var binding: Binding = []
        var next = 0
        for parameter in parameters {
            var taken: [Int] = []
            if next < arguments.count {
                let argument = arguments[next]
                let labelMatches = argument.isTrailingClosure
                    ? parameter.takesFunction
                    : argument.label == parameter.label
                if labelMatches {
                    taken.append(next)
                    next += 1
                    if parameter.isVariadic {
                        while next < arguments.count, arguments[next].label == nil, !arguments[next].isTrailingClosure {
                            taken.append(next)
                            next += 1
                        }
                    }
                }
            }
            if taken.isEmpty && !parameter.hasDefault && !parameter.isVariadic { return nil }
            binding.append(taken)
        }
        return next == arguments.count ? binding : nil
    }

    /// `(filters:kernelSize:)`: the labels of a call site, as Swift's messages show them.
    static func describe(_ arguments: [ArgumentShape]) -> String {
        "(" + arguments.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}
