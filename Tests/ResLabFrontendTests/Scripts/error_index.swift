let xs = [1, 2, 3]
print(xs[2])              // expect: 3
print(xs[3])
// expect error: 3:9: index 3 is out of range for an array of 3 elements
// expect hint: valid indices are 0...2
