// Found before anything runs: nothing is printed.
print("never printed")
let count = 3
let total = cuont + 1
count = 4
func area(width: Double, height: Double) -> Double { width * height }
print(area(width: 2, heigth: 3))
return
break
let t = Tensr(zeros: [2])
var v = Vec2(x: 1, z: 2)
let xs = [1, 2]
xs.append(3)
print(xs.cont)
func noReturn() -> Int {
    print("x")
    print("y")
}
let e = []
// expect error: 4:13: cannot find 'cuont' in scope
// expect hint: did you mean 'count'?
// expect error: 5:1: cannot assign to 'count': it is a 'let' constant
// expect hint: declare it with 'var' to change it
// expect error: 7:7: incorrect arguments in call to 'area(width:height:)' (have '(width:heigth:)')
// expect hint: did you mean 'height:' instead of 'heigth:'?
// expect error: 8:1: 'return' is only allowed inside a function
// expect error: 9:1: 'break' is only allowed inside a loop
// expect error: 10:9: cannot find 'Tensr' in scope
// expect error: 11:9: no 'Vec2' takes arguments '(x:z:)' (candidates: Vec2(x:y:), Vec2(repeating:))
// expect hint: did you mean 'x:' instead of 'z:'?
// expect error: 13:1: cannot use mutating member 'append' on 'xs': it is a 'let' constant
// expect hint: declare it with 'var' to change it
// expect error: 14:10: value of type '[Any]' has no member 'cont'
// expect hint: did you mean 'count'?
// expect error: 15:6: missing return in 'noReturn()', which is declared to return 'Int'
// expect hint: end every path through the function with 'return …'
// expect error: 19:9: empty collection literal requires an explicit type
// expect hint: state the element type: 'var xs: [Int] = []' or 'var xs = [Int]()'
