// Members and labels of values whose type is evident are checked before running.
let v = Vec2(x: 3, y: 4)
print(v.lenght())
print(v.scaled(with: 2))
let n = 3
print(n.isMultiple(by: 2))
print(Vec2.zeros)
// expect error: 3:9: value of type 'Vec2' has no member 'lenght'
// expect hint: did you mean 'length'?
// expect error: 4:9: incorrect arguments in call to 'Vec2.scaled(by:)' (have '(with:)')
// expect error: 6:9: incorrect arguments in call to 'Int.isMultiple(of:)' (have '(by:)')
// expect error: 7:12: type 'Vec2' has no member 'zeros'
// expect hint: did you mean 'zero'?
