var maybe: Int? = nil
print(maybe)                          // expect: nil
maybe = 3
print(maybe)                          // expect: Optional(3)
print(maybe!)                         // expect: 3
if let value = maybe {
    print("has", value)               // expect: has 3
}
if let maybe {
    print("shorthand", maybe)         // expect: shorthand 3
}
let none: String? = nil
print(none ?? "default")              // expect: default
func describe(_ x: Int?) -> String {
    guard let x = x else { return "nothing" }
    return "got \(x)"
}
print(describe(nil), describe(7))     // expect: nothing got 7
print(maybe == 3, none == nil)        // expect: true true
if let a = Int("1"), let b = Int("2"), a < b { print(a + b) } // expect: 3
print([1, 2].first, [Int]().first)    // expect: Optional(1) nil
