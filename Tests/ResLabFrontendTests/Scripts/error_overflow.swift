var x = Int.max - 1
x += 1
print(x)                  // expect: 9223372036854775807
x += 1
// expect error: 4:3: arithmetic overflow: '9223372036854775807 + 1' does not fit in Int
