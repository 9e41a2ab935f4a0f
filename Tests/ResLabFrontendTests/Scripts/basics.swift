import ResLab

// Literals, and print formatting values the way Swift does.
print(1, 2.5, true, "text")               // expect: 1 2.5 true text
print([1.0, 2.5])                          // expect: [1.0, 2.5]
print(["a", "b"])                          // expect: ["a", "b"]
print(0.1 + 0.2)                           // expect: 0.30000000000000004
print(1e-5, 1e16, 100.0, -0.0)             // expect: 1e-05 1e+16 100.0 -0.0
print(Float(0.1), Float(1) / 3)            // expect: 0.1 0.33333334
print(1, 2, 3, separator: ", ")            // expect: 1, 2, 3
print("no newline", terminator: "")
print(" then more")                        // expect: no newline then more
print()                                    // expect:
print(7 / 2, 7 % 3, -7 / 2, -7 % 3)        // expect: 3 1 -3 -1
print(7.0 / 2)                             // expect: 3.5
print(1_000_000, 0x10, 0b101)              // expect: 1000000 16 5
/* A block comment
   over two lines. */
let name = "ResLab"
print("Hello, \(name)! \(1 + 2) \([1, 2])") // expect: Hello, ResLab! 3 [1, 2]
print("tab\tquote\" backslash\\")          // expect: tab	quote" backslash\
print(["q\"uote"])                         // expect: ["q\"uote"]
print((1, "a"), (x: 1, y: 2.5))            // expect: (1, "a") (x: 1, y: 2.5)
print(0..<3, 1...4)                        // expect: 0..<3 1...4
print(Int.max, Double.pi)                  // expect: 9223372036854775807 3.141592653589793
print(Double.infinity, -Double.infinity)   // expect: inf -inf
let multi = """
    first
      second
    """
print(multi)
// expect: first
// expect:   second
