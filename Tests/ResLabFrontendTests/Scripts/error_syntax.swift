// Every syntax error is reported, not just the first.
let a = (1 + 2
let b = 3 +
func f( { }
// expect error: 2:15: expected ')' to end tuple
// expect error: 3:12: expected expression after operator
// expect error: 4:8: expected ')' to end parameter clause
