// if / else if / else, guard, for-in, while, repeat-while, break, continue.
func sign(_ x: Int) -> String {
    if x > 0 {
        return "positive"
    } else if x < 0 {
        return "negative"
    } else {
        return "zero"
    }
}
print(sign(5), sign(-2), sign(0))      // expect: positive negative zero

for i in 0..<3 { print(i, terminator: " ") }
print()                                // expect: 0 1 2
for i in 1...3 { print(i, terminator: " ") }
print()                                // expect: 1 2 3
for i in stride(from: 10, to: 0, by: -3) { print(i, terminator: " ") }
print()                                // expect: 10 7 4 1
for x in stride(from: 0.0, through: 1.0, by: 0.5) { print(x, terminator: " ") }
print()                                // expect: 0.0 0.5 1.0
print(stride(from: 0, to: 10, by: 2))  // expect: Swift.StrideTo<Swift.Int>
for name in ["a", "b"] { print(name) }
// expect: a
// expect: b
for (i, v) in [10, 20].enumerated() { print(i, v) }
// expect: 0 10
// expect: 1 20
for _ in 0..<2 { print("again") }
// expect: again
// expect: again

var n = 0
while n < 10 {
    n += 1
    if n % 2 == 0 { continue }
    if n > 7 { break }
    print(n, terminator: " ")
}
print()                                // expect: 1 3 5 7
var k = 5
repeat {
    k -= 2
} while k > 0
print(k)                               // expect: -1

func firstEven(_ values: [Int]) -> Int? {
    for v in values {
        guard v % 2 == 0 else { continue }
        return v
    }
    return nil
}
print(firstEven([1, 3, 4, 6]) ?? -1, firstEven([1]) ?? -1) // expect: 4 -1
do {
    let scoped = "in a do block"
    print(scoped)                      // expect: in a do block
}
print(true ? "yes" : "no", 1 < 2 && 2 < 3 || false) // expect: yes true
