let n = 3
let x: Double = n
// expect error: 2:17: cannot convert value of type 'Int' to specified type 'Double'
