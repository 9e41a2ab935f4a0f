// A native's argument of the wrong type is reported at the argument.
let v = Vec2(x: 1, y: 2)
let count = 2
print(v.scaled(by: 0.5))   // expect: Vec2(x: 0.5, y: 1.0)
print(v.scaled(by: count))
// expect error: 5:20: cannot convert value of type 'Int' to expected argument type 'Double'
// expect hint: convert it explicitly: Double(value)
