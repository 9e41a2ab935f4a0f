import Testing
import ResLabEngine

@Suite struct PrintingTests {
    /// Each array printed exactly as NumPy's `str()` prints it (golden strings from make_golden.py).
    @Test(arguments: ["integers_2x2", "fractions", "column", "scientific_small", "scientific_large", "rank3", "rank4",
                      "nonfinite", "wrapped", "summarised", "summarised_rank3", "thirds"])
    func printsLikeNumPy(name: String) throws {
        guard let printing = Golden.cases["printing"] as? [String: Any], let fields = printing[name] as? [String: Any] else {
            Issue.record("golden printing case \(name) is missing")
            return
        }
        let golden = Golden.Case(name: name, fields: fields)
        #expect(try golden.tensor("array").description == (try golden.string("str")))
    }

    @Test func scalarsPrintAsNumbers() {
        #expect(Tensor(Float(2.5)).description == "2.5")
    }
}
