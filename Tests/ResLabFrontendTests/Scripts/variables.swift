// let and var, annotations, number literals adapting to their context.
let a = 1
var b = 2
b += a
print(b)                        // expect: 3
let x: Double = 1
print(x)                        // expect: 1.0
let xs: [Double] = [1, 2, 3]
print(xs)                       // expect: [1.0, 2.0, 3.0]
let mixed = [1, 2.5]
print(mixed)                    // expect: [1.0, 2.5]
let half = 2 * 0.5
print(half)                     // expect: 1.0
var total = 0.0
total += 1
print(total)                    // expect: 1.0
let f: Float = 2
print(f * 1.5)                  // expect: 3.0
let later: Int
later = 5
print(later)                    // expect: 5
let (q, r) = (17 / 5, 17 % 5)
print(q, r)                     // expect: 3 2
var pair = (first: 1, second: "two")
pair.first = 10
print(pair.first, pair.1)       // expect: 10 two
let _ = "ignored"
_ = 3
let empty: [Int] = []
print(empty, empty.isEmpty)     // expect: [] true
var made = [String]()
made.append("x")
print(made)                     // expect: ["x"]
let zeros = [Double](repeating: 0, count: 3)
print(zeros)                    // expect: [0.0, 0.0, 0.0]
var table = [String: Int]()
table["k"] = 1
print(table)                    // expect: ["k": 1]
print(Double(3), Int(3.9), Int(-3.9), Float(2)) // expect: 3.0 3 -3 2.0
print(String(42) + "!", String(describing: [1])) // expect: 42! [1]
print(type(of: xs), type(of: 1)) // expect: Array<Double> Int
