// Control-flow mistakes found before running.
func check(_ x: Int) {
    guard x > 0 else {
        print("negative")
    }
    return x
}
let f = { (n: Int) in
    for i in 0..<n {
        let g = { break }
    }
}
continue
// expect error: 3:5: 'guard' body must not fall through
// expect error: 6:12: unexpected non-void return value in void function
// expect error: 10:19: 'break' is only allowed inside a loop
// expect error: 13:1: 'continue' is only allowed inside a loop
