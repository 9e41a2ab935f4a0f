import ResLabScript
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [("kitten", "sitting", 3), ("lenght", "length", 1), ("", "abc", 3), ("same", "same", 0), ("Tensor", "tensor", 0)])
    func editDistance(_ a: String, _ b: String, _ distance: Int) {
        #expect(Suggestion.editDistance(a, b) == distance)
        #expect(Suggestion.editDistance(b, a) == distance)
    }

    @Test func suggestsOnlyCloseNames() {
        #expect(Suggestion.didYouMean("cuont", among: ["count", "print", "x"]) == "did you mean 'count'?")
        #expect(Suggestion.didYouMean("kernelSzie", among: ["kernelSize", "strides"]) == "did you mean 'kernelSize'?")
        #expect(Suggestion.didYouMean("zzz", among: ["count", "print"]) == nil)
        #expect(Suggestion.didYouMean("x", among: ["x"]) == nil)
    }
}
