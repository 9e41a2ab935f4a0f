import ResLabScript
import Testing

/// `print` formats values as Swift does: each expected text is Swift's own description of the
/// same Swift value.
@Suite struct ValueDescriptionTests {
    @Test func numbers() {
        #expect(Value.double(0.1 + 0.2).description == (0.1 + 0.2).description)
        #expect(Value.double(1e-5).description == "1e-05")
        #expect(Value.float(Float(1) / 3).description == (Float(1) / 3).description)
        #expect(Value.double(-.infinity).description == "-inf")
        #expect(Value.int(-42).description == "-42")
    }

    @Test func collectionsQuoteTheirStrings() {
        #expect(Value.array([.double(1), .double(2.5)]).description == [1.0, 2.5].description)
        #expect(Value.array([.string("a\"b"), .string("c\n")]).description == ["a\"b", "c\n"].description)
        #expect(Value.array([.array([.int(1)]), .array([])]).description == [[1], []].description)
        var table = ScriptDictionary()
        table[.string("k")] = .int(1)
        #expect(Value.dictionary(table).description == ["k": 1].description)
        #expect(Value.dictionary(ScriptDictionary()).description == [String: Int]().description)
    }

    @Test func optionalsAndTuples() {
        #expect(Value.optional(.string("x")).description == String(describing: Optional("x")))
        #expect(Value.optional(nil).description == "nil")
        #expect(Value.tuple(ScriptTuple([.int(1), .string("a")])).description == String(describing: (1, "a")))
        #expect(Value.tuple(ScriptTuple([.int(1), .double(2)], labels: ["x", "y"])).description
                == String(describing: (x: 1, y: 2.0)))
        #expect(Value.range(lower: 0, upper: 3, closed: false).description == (0..<3).description)
        #expect(Value.range(lower: 1, upper: 3, closed: true).description == (1...3).description)
    }

    @Test func echoShowsTheType() {
        #expect(Value.array([.double(1)]).echo == "[Double] = [1.0]")
        #expect(Value.string("hi").echo == "String = \"hi\"")
        #expect(Value.optional(.int(3)).echo == "Int? = Optional(3)")
    }

    @Test func dictionaryKeepsInsertionOrderAndRemoves() {
        var table = ScriptDictionary()
        for (key, value) in [("b", 1), ("a", 2), ("c", 3)] { table[.string(key)] = .int(value) }
        table[.string("a")] = nil
        table[.string("b")] = .int(10)
        #expect(Value.dictionary(table).description == "[\"b\": 10, \"c\": 3]")
        #expect(table[.string("c")].map { "\($0)" } == "3")
        #expect(table[.int(3)] == nil)
    }
}
