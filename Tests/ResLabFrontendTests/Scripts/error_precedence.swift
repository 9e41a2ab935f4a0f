// Swift's comparison operators do not chain.
let ok = 1 < 2
print(1 < 2 == true)
// expect error: 3:9: adjacent operators are in non-associative precedence group 'ComparisonPrecedence'
