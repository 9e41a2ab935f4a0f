// Swift's precedence: multiplication before addition, comparison before &&, ?? and ranges.
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3)  // expect: 7 9 3
print(2 * 3 % 4, -2 * -3)                  // expect: 2 6
print((1 < 2) == true, !(1 > 2))           // expect: true true
print(5 & 3, 5 | 3, 5 ^ 3, ~0, 1 << 4, 256 >> 2) // expect: 1 7 6 -1 16 64
print(Int.max &+ 1 == Int.min)             // expect: true
let n = 3
print(0..<n, (0..<n).count, (1...n).contains(3)) // expect: 0..<3 3 true
var x = 10
x -= 3
x *= 2
x /= 4
x %= 2
print(x)                                   // expect: 1
var d = 1.5
d *= 2
print(d, 7.5.truncatingRemainder(dividingBy: 2)) // expect: 3.0 1.5
print((2.0).squareRoot(), sqrt(16.0), abs(-3), max(1, 5, 3), min(2.5, 1.5)) // expect: 1.4142135623730951 4.0 3 5 1.5
print(1.0 / 0, 2.5.rounded(), (-2.5).rounded()) // expect: inf 3.0 -3.0
let flag = false
print(flag || n > 2 && n < 4)              // expect: true
