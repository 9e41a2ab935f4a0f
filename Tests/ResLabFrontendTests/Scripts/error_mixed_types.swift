let n = 2
let x = 0.5
print(n * 2, x * 2)       // expect: 4 1.0
print(n * x)
// expect error: 4:9: binary operator '*' cannot be applied to operands of type 'Int' and 'Double'
// expect hint: convert it explicitly: Int(value)
