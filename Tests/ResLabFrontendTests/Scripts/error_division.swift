func divide(_ a: Int, by b: Int) -> Int {
    return a / b
}
func average(_ values: [Int]) -> Int {
    return divide(values.reduce(0, +), by: values.count)
}
print(average([2, 4]))    // expect: 3
print(average([]))
// expect error: 2:14: division by zero
// expect frame: 2:14 in divide(_:by:)
// expect frame: 5:12 in average(_:)
// expect frame: 8:7 in top-level code
