var v = Vec2(x: 0, y: 0)
print(v.describe(.short)) // expect: (0.0, 0.0)
v.normalize()
// expect error: 3:3: cannot normalize the zero vector
// expect hint: check the length first
