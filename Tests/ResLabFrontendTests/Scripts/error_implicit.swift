let v = Vec2(x: 1, y: 1)
print(v.length(norm: .l3))
// expect error: 2:23: type 'Norm' has no member 'l3'
// expect hint: did you mean 'l1'?
