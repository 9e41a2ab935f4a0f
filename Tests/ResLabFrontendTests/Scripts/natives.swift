// A native type (Vec2, registered by the tests) used through every part of the interface.
var v = Vec2(x: 3, y: 4)
print(v)                                   // expect: Vec2(x: 3.0, y: 4.0)
print(v.x, v[1], v.length(), v.length(norm: .l1)) // expect: 3.0 4.0 5.0 7.0
print(v.dot(Vec2(repeating: 1)))           // expect: 7.0
v.x = 6
v[1] = 8
print(v.length())                          // expect: 10.0
v.normalize()
print(v)                                   // expect: Vec2(x: 0.6, y: 0.8)
let w = Vec2(x: 1, y: 2)
print(w + w, w * 2, 2 * w, -w)             // expect: Vec2(x: 2.0, y: 4.0) Vec2(x: 2.0, y: 4.0) Vec2(x: 2.0, y: 4.0) Vec2(x: -1.0, y: -2.0)
print(w == Vec2(x: 1, y: 2), w != w, w < w * 2, w > w * 2) // expect: true false true false
print([w, w] == [w, Vec2(x: 1, y: 2)])     // expect: true
print(w(0.5), w(3, clamped: true))         // expect: Vec2(x: 0.5, y: 1.0) Vec2(x: 1.0, y: 2.0)
print(Vec2.zero, Vec2.unit(angle: 0))      // expect: Vec2(x: 0.0, y: 0.0) Vec2(x: 1.0, y: 0.0)
let norm: Norm = .l1
print(norm, norm == .l1, Norm.l2)          // expect: l1 true l2
print(w.describe(.short), w.describe(.long)) // expect: (1.0, 2.0) x = 1.0, y = 2.0
print(midpoint(w, Vec2(x: 3, y: 4)))       // expect: Vec2(x: 2.0, y: 3.0)
print(area(of: Vec2(x: 2, y: -3)))         // expect: 6.0
for component in w { print(component) }
// expect: 1.0
// expect: 2.0
print(applyTwice({ $0 * 3 }, to: 2))       // expect: 18
say("hello")                               // expect: said: hello
let scale = Scale(by: 3)
scale.factor = 2
print(scale(w), scale)                     // expect: Vec2(x: 2.0, y: 4.0) Scale(2.0)
func lengthOf(_ v: Vec2, norm: Norm = .l2) -> Double { v.length(norm: norm) }
print(lengthOf(Vec2(x: 3, y: 4)), lengthOf(Vec2(x: 3, y: 4), norm: .l1)) // expect: 5.0 7.0
let vectors = [Vec2(x: 1, y: 0), Vec2(x: 0, y: 2)]
print(vectors.map { $0.length() }, vectors)  // expect: [1.0, 2.0] [Vec2(x: 1.0, y: 0.0), Vec2(x: 0.0, y: 2.0)]
var moved = w
moved.x = 100
print(w.x, moved.x)                        // expect: 1.0 100.0
