// Functions with labels, defaults, recursion; closures with captures; trailing closures.
func greet(_ name: String, greeting: String = "Hello") -> String {
    "\(greeting), \(name)!"
}
print(greet("Ada"))                            // expect: Hello, Ada!
print(greet("Alan", greeting: "Hi"))           // expect: Hi, Alan!

func divide(_ a: Int, by b: Int) -> (quotient: Int, remainder: Int) {
    return (a / b, a % b)
}
let result = divide(17, by: 5)
print(result.quotient, result.remainder, result) // expect: 3 2 (quotient: 3, remainder: 2)

func factorial(_ n: Int) -> Int {
    if n <= 1 { return 1 }
    return n * factorial(n - 1)
}
print(factorial(20))                           // expect: 2432902008176640000

// Called before its declaration: functions are hoisted.
print(double(21))                              // expect: 42
func double(_ x: Int) -> Int { x * 2 }

func makeCounter() -> () -> Int {
    var count = 0
    func increment() -> Int {
        count += 1
        return count
    }
    return increment
}
let counter = makeCounter()
_ = counter()
print(counter(), counter())                    // expect: 2 3

var captured = 1
let addCaptured = { (x: Int) -> Int in x + captured }
captured = 10
print(addCaptured(1))                          // expect: 11

let numbers = [3, 1, 2]
print(numbers.map { $0 * 2 })                  // expect: [6, 2, 4]
print(numbers.filter { $0 > 1 })               // expect: [3, 2]
print(numbers.reduce(0, +))                    // expect: 6
print(numbers.reduce(0) { $0 + $1 * $1 })      // expect: 14
print(numbers.sorted(), numbers.sorted(by: >)) // expect: [1, 2, 3] [3, 2, 1]
print(numbers.map { x in Double(x) / 2 })      // expect: [1.5, 0.5, 1.0]
numbers.forEach { print($0, terminator: "") }
print()                                        // expect: 312

func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
print(apply({ $0 + 1 }, to: 1))                // expect: 2
func repeated(times: Int, _ body: () -> Void) {
    for _ in 0..<times { body() }
}
repeated(times: 2) { print("tick") }
// expect: tick
// expect: tick
func scale(_ values: [Double], by factor: Double = 2) -> [Double] { values.map { $0 * factor } }
print(scale([1, 2]), scale([1], by: 0.5))      // expect: [2.0, 4.0] [0.5]
