@testable import ResLabScript
import Testing

/// Swift's rules for binding call-site labels to parameters.
@Suite struct ArgumentMatchingTests {
    func parameter(_ label: String?, default hasDefault: Bool = false, variadic: Bool = false, function: Bool = false) -> ParameterShape {
        ParameterShape(label: label, hasDefault: hasDefault, isVariadic: variadic, takesFunction: function)
    }

    func arguments(_ labels: String?..., trailing: Bool = false) -> [ArgumentShape] {
        labels.enumerated().map { ArgumentShape(label: $1, isTrailingClosure: trailing && $0 == labels.count - 1) }
    }

    @Test func labelsInOrderWithDefaultsSkipped() {
        let conv = [parameter("filters"), parameter("kernelSize"), parameter("strides", default: true), parameter("padding", default: true)]
        #expect(ArgumentMatcher.match(arguments("filters", "kernelSize"), to: conv) == [[0], [1], [], []])
        #expect(ArgumentMatcher.match(arguments("filters", "kernelSize", "padding"), to: conv) == [[0], [1], [], [2]])
        #expect(ArgumentMatcher.match(arguments("kernelSize", "filters"), to: conv) == nil)
        #expect(ArgumentMatcher.match(arguments("filters"), to: conv) == nil)
        #expect(ArgumentMatcher.match(arguments("filters", "kernelSize", "extra"), to: conv) == nil)
    }

    @Test func variadicTakesTheFollowingUnlabelledArguments() {
        let print = [parameter(nil, variadic: true), parameter("separator", default: true)]
        #expect(ArgumentMatcher.match(arguments(nil, nil, nil, "separator"), to: print) == [[0, 1, 2], [3]])
        #expect(ArgumentMatcher.match(arguments(), to: print) == [[], []])
    }

    @Test func trailingClosureBindsToTheNextFunctionParameter() {
        let repeated = [parameter("times"), parameter("body", function: true)]
        #expect(ArgumentMatcher.match(arguments("times", nil, trailing: true), to: repeated) == [[0], [1]])
        let map = [parameter(nil, function: true)]
        #expect(ArgumentMatcher.match(arguments(nil, trailing: true), to: map) == [[0]])
        #expect(ArgumentMatcher.match(arguments(nil, trailing: true), to: [parameter("count")]) == nil)
    }
}
